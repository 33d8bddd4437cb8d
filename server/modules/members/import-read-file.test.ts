// The streaming read of an uploaded workbook: it stops at the row limit
// instead of reading everything first, and a zip that is not a workbook is
// named as such (not "empty").
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { buildLargeWorkbook, syntheticMember } from './import.fixtures.js';
import { readImportFile } from './import-read-file.js';

describe('reading an uploaded workbook as a stream', () => {
  it('stops at the first row over the limit', async () => {
    const file = await buildLargeWorkbook(2_000, (i) => syntheticMember(i, 'VT10'));
    await expect(readImportFile(file, 10)).rejects.toMatchObject({ code: 'IMPORT_TOO_MANY_ROWS', params: { rows: 11, max: 10 } });
    const sheet = await readImportFile(file, 2_000);
    expect(sheet.rows).toHaveLength(2_000);
    expect(sheet.rows[0]).toMatchObject({ __row: '2', fullName: 'Nguyễn Văn An 0', unitCode: 'VT10' });
  });

  it('says a zip that is not a workbook (a Word file) is not a workbook', async () => {
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Danh sách đoàn viên')] }] }));
    await expect(readImportFile(Buffer.from(docx))).rejects.toMatchObject({ code: 'IMPORT_FILE_TYPE' });
  });
});
