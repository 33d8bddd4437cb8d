import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Audit log (nhật ký): one row per write, in the same transaction as the write. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: uuid('user_id'), // null for the system (demo data, migrations)
    action: text('action').notNull(), // e.g. "org_unit.move"
    entityType: text('entity_type').notNull(), // e.g. "org_unit"
    entityId: text('entity_id'),
    entityLabel: text('entity_label'), // the object's name as it was when logged (tên đối tượng)
    unitId: uuid('unit_id'), // the org unit the entity belongs to, for scope and filters
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_user_idx').on(t.userId, t.at),
    index('audit_log_unit_idx').on(t.unitId, t.at),
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
  ],
);
