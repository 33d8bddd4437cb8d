import { describe, expect, it } from 'vitest';
import { formatDocumentNumber, formatPlaceAndDate, withEndMark } from '../../../common/programs.js';
import { DEMO_PROGRAM_2024 } from '../../../scripts/demo/program-2024.js';
import { attachmentHeader, programFileName, renderProgramDocx } from './render-program-docx.js';
import { docxPart, docxParagraphs } from './programs.fixtures.js';

const program = { ...DEMO_PROGRAM_2024 };

describe('program DOCX in the union document form', () => {
  it('carries the header, the number, the date line and the title', async () => {
    const paragraphs = await docxParagraphs(await renderProgramDocx(program));
    for (const line of [
      'LĐLĐ TỈNH KIÊN GIANG',
      'LĐLĐ HUYỆN VĨNH THUẬN',
      'Số: 02/CTr-LĐLĐ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Vĩnh Thuận, ngày 19 tháng 01 năm 2024',
      'CHƯƠNG TRÌNH',
      'Công tác Công đoàn năm 2024',
    ]) {
      expect(paragraphs, line).toContain(line);
    }
    expect(paragraphs.indexOf('Số: 02/CTr-LĐLĐ')).toBeLessThan(paragraphs.indexOf('CHƯƠNG TRÌNH'));
  });

  it('carries every section of the body in order, ending with ./.', async () => {
    const paragraphs = await docxParagraphs(await renderProgramDocx(program));
    const c = program.content;
    const expected = [
      ...c.context,
      ...c.legalBasis,
      'I. CHỦ ĐỀ HOẠT ĐỘNG NĂM 2024',
      c.theme,
      'II. CÁC CHỈ TIÊU CHỦ YẾU',
      ...c.targets.map((t) => `- ${t.text}`),
      'III. NHIỆM VỤ GIẢI PHÁP CHỦ YẾU',
      '1. Đại diện, bảo vệ quyền lợi hợp pháp, chính đáng của đoàn viên, người lao động',
      '9. Công tác lãnh đạo, chỉ đạo và tổ chức thực hiện nhiệm vụ',
      'IV. TỔ CHỨC THỰC HIỆN',
      '1. Liên đoàn Lao động huyện',
      '2. Các CĐCS trực thuộc',
      '- Định kỳ hàng tháng, 6 tháng và cuối năm báo cáo kết quả thực hiện về Ban Thường vụ LĐLĐ huyện (thông qua bộ phận Văn phòng).',
      c.closing!,
    ];
    let at = -1;
    for (const line of expected) {
      const next = paragraphs.indexOf(line, at + 1);
      expect(next, line).toBeGreaterThan(at);
      at = next;
    }
    expect(c.targets).toHaveLength(10);
    expect(paragraphs).toContain(
      '- Phát triển tăng thêm 10 đoàn viên công đoàn; thành lập mới 01 CĐCS ở doanh nghiệp ngoài nhà nước (khi có đủ điều kiện).',
    );
    for (const g of c.taskGroups) expect(paragraphs).toContain(`${g.number}. ${g.title}`);
    expect(paragraphs).toContain(
      'Tiếp tục đôn đốc để thu đúng, thu đủ và kịp thời, chống thất thu kinh phí và đoàn phí công đoàn. Thực hiện chi tài chính công đoàn tiết kiệm, hiệu quả; tăng chi trực tiếp cho đoàn viên, người lao động; tập trung chi các hoạt động quan trọng, nhiệm vụ cấp bách của các cấp công đoàn. Tăng cường thực hiện việc thu kinh phí công đoàn 2% khu vực sản xuất kinh doanh qua tài khoản Công đoàn Việt Nam mở tại các ngân hàng thương mại cổ phần nhà nước.',
    );
    expect(c.closing!.endsWith('./.')).toBe(true);
  });

  it('prints an amendment as its own document, citing the one it amends under the title', async () => {
    const amendment = {
      ...program,
      number: 5,
      issuedOn: '2024-06-15',
      amends: { kind: 'program' as const, number: 2, symbol: 'CTr-LĐLĐ', issuedOn: '2024-01-19' },
    };
    const paragraphs = await docxParagraphs(await renderProgramDocx(amendment));
    expect(paragraphs).toContain('Số: 05/CTr-LĐLĐ');
    expect(paragraphs).toContain('Vĩnh Thuận, ngày 15 tháng 6 năm 2024');
    const title = paragraphs.indexOf('Công tác Công đoàn năm 2024');
    expect(paragraphs[title - 1]).toBe('CHƯƠNG TRÌNH');
    expect(paragraphs[title + 1]).toBe('(Sửa đổi, bổ sung Chương trình số 02/CTr-LĐLĐ ngày 19/01/2024)');
    // A first version cites nothing.
    expect((await docxParagraphs(await renderProgramDocx(program))).some((p) => p.includes('Sửa đổi, bổ sung'))).toBe(false);
  });

  it('ends with the recipients and the signature', async () => {
    const paragraphs = await docxParagraphs(await renderProgramDocx(program));
    const tail = paragraphs.slice(paragraphs.indexOf('Nơi nhận:'));
    expect(tail.slice(0, 7)).toEqual([
      'Nơi nhận:',
      '- Văn phòng LĐLĐ tỉnh (b/c);',
      '- Ban Dân vận Huyện ủy (b/c);',
      '- UBMTTQ huyện (b/c);',
      '- Ủy viên BCH, UBKT LĐLĐ huyện;',
      '- Các CĐCS trực thuộc;',
      '- Lưu: VT.',
    ]);
    expect(tail).toContain('TM. BAN CHẤP HÀNH');
    expect(tail).toContain('CHỦ TỊCH');
    expect(tail.at(-1)).toBe('Lê Kim Thoa');
  });

  it('sets A4, the margins, Times New Roman 14 pt and page numbers from page 2', async () => {
    const buffer = await renderProgramDocx(program);
    const document = await docxPart(buffer, 'word/document.xml');
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(document).toMatch(/w:top="1134"/); // 20 mm
    expect(document).toMatch(/w:left="1701"/); // 30 mm
    expect(document).toMatch(/w:right="850"/); // 15 mm
    expect(document).toContain('<w:titlePg/>');
    expect(document).toMatch(/w:firstLine="720"/); // 1.27 cm
    expect(document).toContain('w:jc w:val="both"');
    const styles = await docxPart(buffer, 'word/styles.xml');
    expect(styles).toContain('Times New Roman');
    expect(styles).toMatch(/<w:sz w:val="28"\/>/);
    const headers = await Promise.all(['word/header1.xml', 'word/header2.xml'].map((p) => docxPart(buffer, p)));
    expect(headers.filter((h) => h.includes('PAGE'))).toHaveLength(1);
  });

  it('formats numbers, dates, end marks and file names', () => {
    expect(formatDocumentNumber(2, 'CTr-LĐLĐ')).toBe('Số: 02/CTr-LĐLĐ');
    expect(formatDocumentNumber(12, 'KH-LĐLĐ')).toBe('Số: 12/KH-LĐLĐ');
    expect(formatPlaceAndDate('Vĩnh Thuận', '2024-01-19')).toBe('Vĩnh Thuận, ngày 19 tháng 01 năm 2024');
    expect(formatPlaceAndDate('Rạch Giá', '2024-03-05')).toBe('Rạch Giá, ngày 05 tháng 3 năm 2024');
    expect(withEndMark('để được hướng dẫn.')).toBe('để được hướng dẫn./.');
    expect(withEndMark('để được hướng dẫn./.')).toBe('để được hướng dẫn./.');
    const name = programFileName(program);
    expect(name.utf8).toBe('02-CTr-LĐLĐ Công tác Công đoàn năm 2024.docx');
    expect(name.ascii).toBe('02-CTr-LDLD Cong tac Cong doan nam 2024.docx');
    expect(attachmentHeader(name)).toContain("filename*=UTF-8''02-CTr-L%C4%90L%C4%90");
  });
});
