import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.js';
import { createUnit } from '../../../test/factories.js';
import { MIGRATIONS_FOLDER, type DatabaseHandle } from '../../db/client.js';
import { documentNumbers } from '../../db/schema/index.js';
import { queryRows } from '../../db/sql.js';
import { inTransaction } from '../../lib/transaction.js';
import { claimDocumentNumber, DocumentNumberTakenError, nextDocumentNumber } from './document-numbers.js';

describe('document numbers: one yearly sequence per issuer across kinds', () => {
  let database: DatabaseHandle;
  let district: { id: string };
  let other: { id: string };
  beforeAll(async () => {
    database = await createTestDatabase();
    district = await createUnit(database.db, { kind: 'district_federation' });
    other = await createUnit(database.db, { kind: 'district_federation' });
  });
  afterAll(async () => {
    await database.close();
  });

  it('runs from 01 each year, shared by every kind, separate per issuer', async () => {
    const db = database.db;
    expect(await nextDocumentNumber(db, district.id, 2030)).toBe(1);
    await claimDocumentNumber(db, { issuerUnitId: district.id, year: 2030, number: 1, kind: 'CTr', entityId: randomUUID() });
    expect(await nextDocumentNumber(db, district.id, 2030)).toBe(2);
    await claimDocumentNumber(db, { issuerUnitId: district.id, year: 2030, number: 2, kind: 'KH', entityId: randomUUID() });
    await claimDocumentNumber(db, { issuerUnitId: district.id, year: 2030, number: 7, kind: 'BC', entityId: randomUUID() });
    expect(await nextDocumentNumber(db, district.id, 2030)).toBe(8);
    // A new year, another issuer: each starts at 01.
    expect(await nextDocumentNumber(db, district.id, 2031)).toBe(1);
    expect(await nextDocumentNumber(db, other.id, 2030)).toBe(1);
  });

  it('refuses a number taken by a document of another kind, leaving the caller’s transaction usable', async () => {
    const db = database.db;
    const report = randomUUID();
    await claimDocumentNumber(db, { issuerUnitId: district.id, year: 2032, number: 3, kind: 'CTr', entityId: randomUUID() });
    await inTransaction(db, async (tx) => {
      const error = await claimDocumentNumber(tx, { issuerUnitId: district.id, year: 2032, number: 3, kind: 'BC', entityId: report }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DocumentNumberTakenError);
      expect((error as DocumentNumberTakenError).code).toBe('DOCUMENT_NUMBER_TAKEN');
      expect((error as DocumentNumberTakenError).params).toEqual({ number: 3, year: 2032, next: 4 });
      expect((error as DocumentNumberTakenError).fields[0]!.field).toBe('number');
      // The transaction goes on: the next number is free.
      await claimDocumentNumber(tx, { issuerUnitId: district.id, year: 2032, number: 4, kind: 'BC', entityId: report });
    });
    // Claiming again for the same document is a no-op.
    await claimDocumentNumber(db, { issuerUnitId: district.id, year: 2032, number: 4, kind: 'BC', entityId: report });
    const rows = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from document_numbers where year = 2032`);
    expect(Number(rows[0]!.n)).toBe(2);
  });

  it('lets the database decide between two concurrent claims of one number', async () => {
    const db = database.db;
    const claims = await Promise.allSettled(
      [1, 2].map(() => claimDocumentNumber(db, { issuerUnitId: other.id, year: 2033, number: 1, kind: 'CTr', entityId: randomUUID() })),
    );
    expect(claims.filter((c) => c.status === 'fulfilled')).toHaveLength(1);
    const refused = claims.find((c) => c.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(DocumentNumberTakenError);
  });

  it('backfills the programs made before the registry (the migration’s INSERT)', async () => {
    const file = fs.readdirSync(MIGRATIONS_FOLDER).find((f) => f.endsWith('_document_numbers.sql'))!;
    const insert = fs
      .readFileSync(path.join(MIGRATIONS_FOLDER, file), 'utf8')
      .split('--> statement-breakpoint')
      .map((s) => s.replace(/^\s*(--[^\n]*\n\s*)*/, '').trim())
      .find((s) => /^INSERT\b/i.test(s))!;
    const unit = await createUnit(database.db, { kind: 'district_federation' });
    // An old database: a CTr 01 and a KH 01 of one year, and an amendment sharing the CTr's number.
    const [ctr] = await queryRows<{ id: string }>(
      database.db,
      sql`insert into programs (unit_id, year, kind, number, symbol, place, title, issuing_body_name, signature_authority, signer_title, signer_name, content, created_at)
          values (${unit.id}::uuid, 2024, 'program', 1, 'CTr-LĐLĐ', 'X', 'T', 'B', 'TM', 'CT', 'N', '{}'::jsonb, now() - interval '2 days') returning id`,
    );
    await database.db.execute(
      sql`insert into programs (unit_id, year, kind, number, symbol, place, title, issuing_body_name, signature_authority, signer_title, signer_name, content, version, previous_version_id)
          values (${unit.id}::uuid, 2024, 'program', 1, 'CTr-LĐLĐ', 'X', 'T', 'B', 'TM', 'CT', 'N', '{}'::jsonb, 2, ${ctr!.id}::uuid)`,
    );
    await database.db.execute(
      sql`insert into programs (unit_id, year, kind, number, symbol, place, title, issuing_body_name, signature_authority, signer_title, signer_name, content)
          values (${unit.id}::uuid, 2024, 'plan', 2, 'KH-LĐLĐ', 'X', 'T', 'B', 'TM', 'CT', 'N', '{}'::jsonb)`,
    );
    await database.db.execute(sql.raw(insert));
    const claimed = await database.db
      .select()
      .from(documentNumbers)
      .where(sql`${documentNumbers.issuerUnitId} = ${unit.id}::uuid`);
    expect(claimed.map((c) => [c.number, c.kind, c.entityId === ctr!.id]).sort()).toEqual([
      [1, 'CTr', true],
      [2, 'KH', false],
    ]);
    expect(await nextDocumentNumber(database.db, unit.id, 2024)).toBe(3);
  });
});
