import type { App } from '../../lib/http.js';

// Excel import of members (nhập đoàn viên từ Excel).
export default async function memberImportRoutes(_app: App) {}
