import type { App } from '../../lib/http.js';

export default async function auditRoutes(_app: App) {}
