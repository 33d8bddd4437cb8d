// A use-case given an open transaction joins it (inTransaction): the caller's
// rollback undoes the use-case's rows and its audit entry; an error inside
// the use-case rolls back to its savepoint only.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db.js';
import type { DatabaseHandle } from '../db/client.js';
import { auditLog, dataElements } from '../db/schema/index.js';
import { queryRows } from '../db/sql.js';
import { createDataElement } from '../modules/indicators/create-data-element.js';
import { CreateDataElementBody } from '../modules/indicators/schemas.js';
import { SYSTEM_ACTOR } from './access.js';
import { AppError } from './errors.js';
import { inTransaction } from './transaction.js';

const element = (code: string) =>
  CreateDataElementBody.parse({ code, nameVi: `Chỉ số ${code}`, nameEn: `Element ${code}`, valueType: 'number', aggregation: 'sum' });

describe('use-cases join the caller’s transaction', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });
  const counts = async () => {
    const [row] = await queryRows<{ elements: number; audits: number }>(
      database.db,
      sql`select (select count(*)::int from data_elements) as elements, (select count(*)::int from audit_log) as audits`,
    );
    return { elements: Number(row!.elements), audits: Number(row!.audits) };
  };

  it('leaves nothing written, audit entry included, when the outer transaction throws after the use-case', async () => {
    const before = await counts();
    let created: string | undefined;
    await expect(
      database.db.transaction(async (tx) => {
        created = (await createDataElement(tx, SYSTEM_ACTOR, element('rollback_me'))).id;
        // The use-case's row and audit entry are visible inside the outer transaction…
        expect(await tx.select().from(auditLog).where(eq(auditLog.entityId, created))).toHaveLength(1);
        throw new Error('caller fails afterwards');
      }),
    ).rejects.toThrow('caller fails afterwards');
    // …and gone with its rollback.
    expect(created).toBeDefined();
    expect(await counts()).toEqual(before);
    expect(await database.db.select().from(dataElements).where(eq(dataElements.code, 'rollback_me'))).toHaveLength(0);
  });

  it('commits the use-case with the outer transaction, audited as the system (no user)', async () => {
    const before = await counts();
    const id = await database.db.transaction(async (tx) => (await createDataElement(tx, SYSTEM_ACTOR, element('kept'))).id);
    expect(await counts()).toEqual({ elements: before.elements + 1, audits: before.audits + 1 });
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit).toMatchObject({ action: 'data_element.create', userId: null });
  });

  it('keeps the outer transaction usable after a use-case refuses or its SQL fails inside it', async () => {
    const before = await counts();
    await database.db.transaction(async (tx) => {
      // A typed refusal: nothing of that call is written.
      await expect(createDataElement(tx, SYSTEM_ACTOR, element('kept'))).rejects.toMatchObject({ code: 'DATA_ELEMENT_CODE_TAKEN' });
      // A failed statement inside a joined use-case rolls back to its savepoint, not the caller's transaction.
      await expect(
        inTransaction(tx, async (inner) => {
          await inner.insert(dataElements).values({ code: 'kept', nameVi: 'x', nameEn: 'x', valueType: 'number', aggregation: 'sum' });
        }),
      ).rejects.not.toBeInstanceOf(AppError);
      await createDataElement(tx, SYSTEM_ACTOR, element('after_failure'));
    });
    expect(await counts()).toEqual({ elements: before.elements + 1, audits: before.audits + 1 });
  });
});
