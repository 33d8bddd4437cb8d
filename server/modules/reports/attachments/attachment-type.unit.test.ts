import { describe, expect, it } from 'vitest';
import { cleanFileName, correctedFileName, detectAttachmentType } from './attachment-type.js';
import { docx, pdf, plainZip, PNG, xlsx } from './attachments.fixtures.js';

describe('attachment type by content', () => {
  it('names PDF, PNG, DOCX and XLSX from their bytes and refuses other content', async () => {
    expect(await detectAttachmentType(pdf())).toBe('application/pdf');
    expect(await detectAttachmentType(PNG)).toBe('image/png');
    expect(await detectAttachmentType(await docx())).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(await detectAttachmentType(await xlsx())).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(await detectAttachmentType(await plainZip())).toBeNull();
    expect(await detectAttachmentType(Buffer.from('GIF89a\x01\x00\x01\x00'))).toBeNull();
    expect(await detectAttachmentType(Buffer.alloc(0))).toBeNull();
  });

  it('makes the name’s extension match the detected type', () => {
    expect(correctedFileName('Ảnh.pdf', 'image/png')).toBe('Ảnh.png');
    expect(correctedFileName('Ảnh.JPEG', 'image/jpeg')).toBe('Ảnh.JPEG');
    expect(correctedFileName('Số liệu', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).toBe('Số liệu.xlsx');
    expect(correctedFileName('Kế hoạch v1.2', 'application/pdf')).toBe('Kế hoạch v1.2.pdf');
    expect(correctedFileName('Báo cáo.doc', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe(
      'Báo cáo.docx',
    );
  });

  it('keeps only a safe base name', () => {
    expect(cleanFileName(encodeURIComponent('../../etc/Biên bản.pdf'))).toBe('Biên bản.pdf');
    expect(cleanFileName('C:\\Users\\a\\b.png')).toBe('b.png');
    expect(cleanFileName('')).toBe('tep');
    expect(cleanFileName(`${'a'.repeat(300)}.pdf`)).toHaveLength(200);
  });
});
