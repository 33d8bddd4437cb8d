// The wire schemas live in common/api/org-units.ts (shared with the web).
export * from '../../../common/api/org-units.js';
