import type { App } from '../../lib/http.js';

export default async function memberRoutes(_app: App) {}
