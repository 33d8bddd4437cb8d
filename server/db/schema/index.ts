export * from './org-units.js';
export * from './auth.js';
export * from './audit.js';
export * from './programs.js';
export * from './indicators.js';
export * from './members.js';
export * from './reports.js';
export * from './documents.js';
