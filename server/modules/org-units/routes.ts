import type { App } from '../../lib/http.js';

export default async function orgUnitsRoutes(_app: App) {}
