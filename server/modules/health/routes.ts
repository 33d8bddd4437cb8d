import { HealthResponse } from '../../../common/api/health.js';
import { migrationVersion } from '../../db/migrate.js';
import type { App } from '../../lib/http.js';

export default async function healthRoutes(app: App) {
  app.get(
    '/health',
    {
      config: { public: true },
      schema: { tags: ['system'], summary: 'Tình trạng dịch vụ', response: { 200: HealthResponse } },
    },
    async () => ({
      status: 'ok' as const,
      engine: app.database.engine,
      migration: await migrationVersion(app.database),
    }),
  );
}
