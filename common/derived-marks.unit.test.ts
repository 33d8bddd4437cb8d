import { describe, expect, it } from 'vitest';
import { DEMO_PROGRAM_2024 } from '../scripts/demo/program-2024.js';
import {
  bodyNames,
  figuresOf,
  figureWord,
  formatFigure,
  markSentences,
  marksInText,
  openMarks,
  replaceFigure,
  splitSentences,
  textLocations,
  type MarkRules,
} from './derived-marks.js';
import type { ProgramContent } from './programs.js';

const content = (over: Partial<ProgramContent>): ProgramContent => ({
  context: [],
  legalBasis: [],
  headings: { theme: 'CHỦ ĐỀ', targets: 'CHỈ TIÊU', taskGroups: 'NHIỆM VỤ', organisation: 'TỔ CHỨC THỰC HIỆN' },
  theme: 'Chủ đề',
  targets: [],
  taskGroups: [],
  organisation: [],
  recipients: [],
  archive: 'VT',
  ...over,
});
const target = (code: string, text: string) => ({ code, text, stretch: false, whenConditionsAllow: false });

/** The rules derive-program uses for a CĐCS below LĐLĐ huyện Vĩnh Thuận. */
const cdcsRules: MarkRules = {
  bodies: bodyNames(['Liên đoàn Lao động huyện Vĩnh Thuận', 'LĐLĐ huyện Vĩnh Thuận']),
  grassroots: true,
  figures: [
    { value: 10, word: 'đoàn' },
    { value: 2, word: 'căn' },
  ],
};

describe('figures in a sentence', () => {
  it('reads standalone figures, not dates, document numbers or ranges', () => {
    expect(figuresOf('Có 15 công đoàn cơ sở; 96% trở lên; 02 cuộc/năm').map((f) => f.value)).toEqual([15, 96, 2]);
    expect(figuresOf('Kết luận số 01-KL/TW, ngày 18/5/2021; nhiệm kỳ 2023 - 2028; (1929-2024)')).toEqual([]);
    expect(figuresOf('thu 1.000 đồng, tỷ lệ 1,5 lần').map((f) => f.value)).toEqual([1000, 1.5]);
  });

  it('writes a value in the style of the figure it replaces', () => {
    expect(formatFigure(1, '15')).toBe('01');
    expect(formatFigure(3, '02')).toBe('03');
    expect(formatFigure(4, '1')).toBe('4');
    expect(formatFigure(12, '02')).toBe('12');
    expect(formatFigure(1.5, '2')).toBe('1,5');
  });

  it("puts the unit's value in place of the superior's", () => {
    expect(replaceFigure('Có 15 công đoàn cơ sở tổ chức các hoạt động Tháng Công nhân năm 2024.', 15, 1)).toEqual({
      text: 'Có 01 công đoàn cơ sở tổ chức các hoạt động Tháng Công nhân năm 2024.',
      replaced: true,
    });
    expect(replaceFigure('Vận động hỗ trợ 02 căn nhà Mái ấm công đoàn.', 3, 1)).toEqual({
      text: 'Vận động hỗ trợ 02 căn nhà Mái ấm công đoàn.',
      replaced: false,
    });
    expect(figureWord('Phát triển tăng thêm 10 đoàn viên công đoàn', 10)).toBe('đoàn');
  });
});

describe('sentences', () => {
  it('splits at a full stop or colon before a capital letter, keeps semicolons', () => {
    expect(
      splitSentences(
        'Căn cứ Điều lệ Công đoàn Việt Nam; Chương trình của Ban Chấp hành Liên đoàn Lao động tỉnh. Ban Chấp hành LĐLĐ huyện ban hành Chương trình như sau:',
      ),
    ).toEqual([
      'Căn cứ Điều lệ Công đoàn Việt Nam; Chương trình của Ban Chấp hành Liên đoàn Lao động tỉnh.',
      'Ban Chấp hành LĐLĐ huyện ban hành Chương trình như sau:',
    ]);
  });

  it('names the bodies of a superior from its unit names', () => {
    expect(bodyNames(['LĐLĐ huyện Vĩnh Thuận', 'Liên đoàn Lao động huyện Vĩnh Thuận']).sort()).toEqual(
      ['LĐLĐ huyện', 'LĐLĐ huyện Vĩnh Thuận', 'Liên đoàn Lao động huyện', 'Liên đoàn Lao động huyện Vĩnh Thuận', 'cấp huyện'].sort(),
    );
  });
});

describe('markSentences', () => {
  it("marks the superior's bodies, its units as a set and its figures, with why", () => {
    const marks = markSentences(
      content({
        legalBasis: [
          'Căn cứ Điều lệ Công đoàn Việt Nam; Chương trình của Ban Chấp hành Liên đoàn Lao động tỉnh. Ban Chấp hành LĐLĐ huyện ban hành Chương trình công tác công đoàn năm 2024 như sau:',
        ],
        targets: [
          target('1', 'Có 96% trở lên đoàn viên, CNVCLĐ và người lao động được tuyên truyền.'),
          target('2', 'Có 100% công đoàn cơ sở trực thuộc tham gia với chính quyền đồng cấp.'),
          target('7', 'Phát triển tăng thêm 10 đoàn viên công đoàn; thành lập mới 01 CĐCS ở doanh nghiệp ngoài nhà nước.'),
          target('9', 'Có 01 công đoàn cơ sở tổ chức các hoạt động Tháng Công nhân năm 2024.'),
        ],
        taskGroups: [
          {
            number: 1,
            title: 'Chăm lo lợi ích đoàn viên',
            paragraphs: [],
            actions: [
              { text: 'Tổ chức Chương trình “Tết Sum vầy” cấp huyện. Thăm hỏi đoàn viên ốm đau.' },
              {
                text: 'Triển khai Nghị quyết Đại hội XI Công đoàn huyện; kỷ niệm 95 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929- 28/7/2024).',
              },
            ],
          },
        ],
      }),
      cdcsRules,
    );
    expect(marks.map((m) => [m.path, m.sentence, m.reasons.map((r) => `${r.code}:${r.text}`)])).toEqual([
      ['legalBasis.0', 'Ban Chấp hành LĐLĐ huyện ban hành Chương trình công tác công đoàn năm 2024 như sau:', ['parent_body:LĐLĐ huyện']],
      ['targets.1.text', 'Có 100% công đoàn cơ sở trực thuộc tham gia với chính quyền đồng cấp.', ['parent_units:100% công đoàn cơ sở']],
      [
        'targets.2.text',
        'Phát triển tăng thêm 10 đoàn viên công đoàn; thành lập mới 01 CĐCS ở doanh nghiệp ngoài nhà nước.',
        ['parent_units:01 CĐCS', 'parent_figure:10 đoàn'],
      ],
      ['targets.3.text', 'Có 01 công đoàn cơ sở tổ chức các hoạt động Tháng Công nhân năm 2024.', ['parent_units:01 công đoàn cơ sở']],
      ['taskGroups.0.actions.0.text', 'Tổ chức Chương trình “Tết Sum vầy” cấp huyện.', ['parent_body:cấp huyện']],
    ]);
  });

  it('leaves skipped texts alone, and adds the reasons of a sentence holding a figure', () => {
    const c = content({
      legalBasis: ['Căn cứ Chương trình số 02/CTr-LĐLĐ ngày 19/01/2024 của LĐLĐ huyện Vĩnh Thuận;'],
      targets: [target('10', 'Tập trung vận động. Vận động hỗ trợ 02 căn nhà Mái ấm công đoàn.')],
    });
    const marks = markSentences(c, {
      ...cdcsRules,
      extra: [{ path: 'targets.0.text', figure: 2, reason: { code: 'not_carried', text: '10' } }],
      skip: (path) => path === 'legalBasis.0',
    });
    expect(marks).toEqual([
      {
        path: 'targets.0.text',
        sentence: 'Vận động hỗ trợ 02 căn nhà Mái ấm công đoàn.',
        reasons: [
          { code: 'parent_figure', text: '02 căn' },
          { code: 'not_carried', text: '10' },
        ],
      },
    ]);
  });

  it('marks nothing about units as a set in the program of a unit that is not a CĐCS', () => {
    const c = content({ targets: [target('2', 'Có 100% công đoàn cơ sở trực thuộc tham gia.')] });
    expect(markSentences(c, { ...cdcsRules, grassroots: false })).toEqual([]);
  });

  it('finds the marks of the seed program derived for a CĐCS: the district speaks in its sentences', () => {
    const marks = markSentences(DEMO_PROGRAM_2024.content, { ...cdcsRules, skip: (p) => p.startsWith('organisation.') });
    const sentences = marks.map((m) => m.sentence);
    expect(sentences).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Ban Chấp hành LĐLĐ huyện ban hành/),
        expect.stringMatching(/^Có 15 công đoàn cơ sở/),
        expect.stringMatching(/^Phát triển tăng thêm 10 đoàn viên/),
        expect.stringMatching(/^Sửa đổi Quy chế khen thưởng của LĐLĐ huyện/),
        expect.stringMatching(/^Trên đây là Chương trình công tác Công đoàn năm 2024 của Ban Chấp hành LĐLĐ huyện/),
      ]),
    );
    // Target 1 applies to every unit as it stands; the context speaks of the district as "huyện ta".
    expect(sentences.some((s) => s.startsWith('Có 96%'))).toBe(false);
    expect(marks.some((m) => m.path.startsWith('context.'))).toBe(false);
  });
});

describe('open marks', () => {
  it('stay open while the sentence stands word for word and clear once it is edited', () => {
    const c = content({ targets: [target('9', 'Có 01 công đoàn cơ sở tổ chức các hoạt động Tháng Công nhân năm 2024.')] });
    const marks = markSentences(c, cdcsRules);
    expect(openMarks(c, marks)).toHaveLength(1);
    // Moved elsewhere but not edited: still open.
    const moved = content({ closing: `Mở đầu. ${c.targets[0]!.text}` });
    expect(openMarks(moved, marks)).toHaveLength(1);
    const edited = content({ targets: [target('9', 'Tổ chức các hoạt động Tháng Công nhân năm 2024.')] });
    expect(openMarks(edited, marks)).toEqual([]);
    expect(marksInText('Tổ chức các hoạt động Tháng Công nhân năm 2024.', marks)).toEqual([]);
    expect(textLocations(edited).map((l) => l.path)).toEqual(['theme', 'targets.0.text']);
  });
});
