// A report to attach files to, and sample files of each kind, for the attachment tests.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { eq } from 'drizzle-orm';
import { createUnit, createUser } from '../../../../test/factories.js';
import type { Executor } from '../../../db/client.js';
import { reportPeriods, reports } from '../../../db/schema/index.js';
import { SYSTEM_ACTOR } from '../../../lib/access.js';
import { createProgram } from '../../programs/create-program.js';
import { sampleProgramBody } from '../../programs/programs.fixtures.js';

export async function seedAttachmentFixture(db: Executor) {
  const province = await createUnit(db, { kind: 'province_federation' });
  const district = await createUnit(db, { kind: 'district_federation', parentId: province.id });
  const school = await createUnit(db, { parentId: district.id, shortName: 'CĐCS Trường THPT' });
  const other = await createUnit(db, { parentId: district.id, shortName: 'CĐCS khác' });
  const chair = await createUser(db, { role: 'grassroots_officer', unitId: school.id });
  const otherChair = await createUser(db, { role: 'grassroots_officer', unitId: other.id });
  const officer = await createUser(db, { role: 'federation_officer', unitId: district.id });
  const program = await createProgram(db, SYSTEM_ACTOR, sampleProgramBody(district.id));
  const programId = program.program.id;
  const [period] = await db
    .insert(reportPeriods)
    .values({ programId, kind: 'monthly', dataFrom: '2024-03-01', dataTo: '2024-03-25', dueOn: '2024-03-25', factMonth: '2024-03-01' })
    .returning();
  const [report] = await db.insert(reports).values({ periodId: period!.id, unitId: school.id, createdBy: chair.id }).returning();
  return { district, school, other, chair, otherChair, officer, period: period!, report: report! };
}

export async function setReportStatus(db: Executor, reportId: string, status: 'draft' | 'submitted' | 'returned' | 'approved') {
  await db.update(reports).set({ status }).where(eq(reports.id, reportId));
}

export async function setPeriodClosed(db: Executor, periodId: string, closed: boolean) {
  await db
    .update(reportPeriods)
    .set({ closedAt: closed ? new Date() : null })
    .where(eq(reportPeriods.id, periodId));
}

/** A 1×1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

export function pdf(extraBytes = 0): Buffer {
  const head = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n');
  const tail = Buffer.from('\n%%EOF\n');
  return Buffer.concat([head, Buffer.alloc(extraBytes, 0x20), tail]);
}

/** A minimal Word package: [Content_Types].xml declares word/document.xml as the document's main part. */
export async function docx(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Báo cáo</w:t></w:r></w:p></w:body></w:document>',
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

export async function xlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Số liệu').addRow(['Đoàn viên', 42]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A zip that is no Office document. */
export async function plainZip(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('readme.txt', 'không phải văn bản Word');
  return zip.generateAsync({ type: 'nodebuffer' });
}
