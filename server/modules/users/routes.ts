import type { App } from '../../lib/http.js';

export default async function usersRoutes(_app: App) {}
