// The wire schemas live in common/api/indicators.ts (shared with the web).
export * from '../../../common/api/indicators.js';
