import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { dataElements } from '../../db/schema/indicators.js';
import { queryRows } from '../../db/sql.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { fieldError } from '../../lib/errors.js';
import { refreshMemberFacts } from '../members/member-facts.js';
import { checkDataElementShape } from './definition-rules.js';
import { requireCatalogueManage } from './policy.js';
import { presentDataElement } from './presenter.js';
import type { CreateDataElementBody } from './schemas.js';
import { isUniqueViolation } from './unique.js';

/**
 * Adds a data element (dữ liệu báo cáo) to the shared catalogue; returns it.
 * An element derived from records (derivedFrom) gets its facts computed in
 * the same transaction, so a target over it shows figures at once.
 */
export async function createDataElement(db: Database, actor: Actor, input: CreateDataElementBody) {
  requireCatalogueManage(actor);
  const shapeError = checkDataElementShape(input);
  if (shapeError) throw shapeError;
  const [taken] = await db.select({ id: dataElements.id }).from(dataElements).where(eq(dataElements.code, input.code));
  if (taken) throw fieldError('DATA_ELEMENT_CODE_TAKEN', 'code');
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(dataElements)
        .values({
          code: input.code,
          nameVi: input.nameVi,
          nameEn: input.nameEn,
          valueType: input.valueType,
          aggregation: input.aggregation,
          allowsNotApplicable: input.allowsNotApplicable,
          gradeOptions: input.valueType === 'grade' ? input.gradeOptions! : null,
          derivedFrom: input.derivedFrom ?? null,
        })
        .returning();
      if (row!.derivedFrom === 'active_members') {
        // Its facts exist from the start: every unit that ever had a member.
        const units = await queryRows<{ unit_id: string }>(tx, sql`select distinct unit_id from member_unit_periods`);
        await refreshMemberFacts(tx, units.map((u) => u.unit_id));
      }
      const view = presentDataElement(row!);
      await recordAudit(tx, actor, { action: 'data_element.create', entityType: 'data_element', entityId: row!.id, after: view });
      return view;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw fieldError('DATA_ELEMENT_CODE_TAKEN', 'code');
    throw e;
  }
}
