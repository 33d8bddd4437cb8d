// The reporting cycle's documents (docs/reporting.md): the federation's
// compiled report (BC, báo cáo sơ kết 6 tháng / tổng kết năm) and a CĐCS's own
// report, in the union document form of the program (common/programs.ts
// DOCUMENT_FORM). The words of the documents, shared by the server that writes
// them and the web that names the files.
import { formatMonth } from './format.js';
import type { ReportKind } from './reports.js';

/** Kind code of a report in the issuer's number sequence (ký hiệu loại văn bản). */
export const REPORT_DOCUMENT_KIND = 'BC';

export const REPORT_DOCUMENT_FORM = {
  kindTitle: 'BÁO CÁO',
  headings: {
    targets: 'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU',
    taskGroups: 'KẾT QUẢ THỰC HIỆN CÁC NHÓM NHIỆM VỤ',
    compliance: 'TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ',
    difficulties: 'KHÓ KHĂN, VƯỚNG MẮC, ĐỀ XUẤT',
    direction: 'PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI',
    figures: 'SỐ LIỆU BÁO CÁO',
  },
  targetTable: ['Chỉ tiêu', 'Kế hoạch', 'Kết quả', '% kế hoạch', 'Tình trạng'],
  figureTable: ['Nội dung', 'Số liệu'],
  noNarrative: 'Chưa có đơn vị báo cáo nội dung này.',
  noDifficulties: 'Không có.',
  noDirection: '(Chưa nhập phương hướng kỳ tới.)',
  allOnTime: 'Tất cả các đơn vị đã nộp báo cáo đúng hạn.',
  lateUnits: 'Đơn vị nộp muộn ({count}): {units}.',
  missingUnits: 'Đơn vị chưa nộp ({count}): {units}.',
  expectedUnits: 'Số đơn vị phải báo cáo: {count}; đã nộp: {submitted}; đúng hạn: {onTime}.',
  otherTaskGroup: 'Nội dung khác',
  yes: 'Có',
  no: 'Không',
  notApplicable: 'Không áp dụng ({reason})',
  noValue: '—',
  closing: 'Trên đây là báo cáo {what}./.',
  grassrootsSymbol: 'BC-CĐCS',
  grassrootsAuthority: 'TM. BAN CHẤP HÀNH',
  grassrootsSigner: 'CHỦ TỊCH',
  archive: '- Lưu: VT.',
} as const;

/** "6 tháng đầu năm 2024", "năm 2024", "tháng 05/2024": what a period covers, in a document's title. */
export function periodPhrase(kind: ReportKind, factMonth: string): string {
  const year = factMonth.slice(0, 4);
  if (kind === 'half_year') return `6 tháng đầu năm ${year}`;
  if (kind === 'year') return `năm ${year}`;
  return `tháng ${formatMonth(factMonth.slice(0, 7))}`;
}

/**
 * The excerpt (trích yếu) of the compiled report: "Sơ kết 6 tháng đầu năm 2024
 * thực hiện Chương trình Công tác Công đoàn năm 2024" (tổng kết for the year).
 */
export function compiledReportTitle(kind: ReportKind, factMonth: string, programTitle: string): string {
  const verb = kind === 'year' ? 'Tổng kết' : kind === 'half_year' ? 'Sơ kết' : 'Kết quả';
  return `${verb} ${periodPhrase(kind, factMonth)} thực hiện Chương trình ${programTitle}`;
}

/** "BC-LĐLĐ" from the program's "CTr-LĐLĐ": the issuer's part of the symbol stays. */
export function reportSymbol(programSymbol: string): string {
  const dash = programSymbol.indexOf('-');
  return `${REPORT_DOCUMENT_KIND}${dash >= 0 ? programSymbol.slice(dash) : ''}`;
}
