// A test app on the demo data (scripts/demo), for the programs tests that need
// the real tree: LĐLĐ huyện Vĩnh Thuận (VT), its CĐCS, the 2024 program and targets.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import { loadDemoData } from '../../../scripts/demo/load-demo-data.js';
import { createTestApp, signInAs, type Client } from '../../../test/app.js';
import { createTestDatabase } from '../../../test/db.js';
import type { DatabaseHandle } from '../../db/client.js';
import { programs } from '../../db/schema/index.js';
import type { App } from '../../lib/http.js';

export interface DemoContext {
  database: DatabaseHandle;
  app: App;
  unitIds: Map<string, string>;
  /** The issued 2024 program of VT. */
  programId: string;
  admin: Client;
  /** federation_officer over VT (managePrograms). */
  officer: Client;
  /** grassroots_officer of VT10, no subtree. */
  chair: Client;
  /** grassroots_officer of VT17, no subtree. */
  siblingChair: Client;
}

export function useDemoApp(): DemoContext {
  const ctx = {} as DemoContext;
  beforeAll(async () => {
    ctx.database = await createTestDatabase();
    ctx.unitIds = await loadDemoData(ctx.database.db);
    ctx.app = await createTestApp(ctx.database);
    const [p] = await ctx.database.db
      .select({ id: programs.id })
      .from(programs)
      .where(and(eq(programs.unitId, ctx.unitIds.get('VT')!), eq(programs.year, 2024)));
    ctx.programId = p!.id;
    ctx.admin = await signInAs(ctx.app, 'admin', 'Admin@2024');
    ctx.officer = await signInAs(ctx.app, 'vanphong.vt', 'Demo@2024');
    ctx.chair = await signInAs(ctx.app, 'cdcs.thpt', 'Demo@2024');
    ctx.siblingChair = await signInAs(ctx.app, 'cdcs.thuysan', 'Demo@2024');
  });
  afterAll(async () => {
    await ctx.app?.close();
    await ctx.database?.close();
  });
  return ctx;
}
