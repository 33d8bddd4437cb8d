// The request and response schemas live in common/api/auth.ts, shared with the web
// app (docs/decisions/0005-wire-schemas-in-common.md).
export * from '../../../common/api/auth.js';
