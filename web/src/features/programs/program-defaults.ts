// Starting values of a new program document. These are document text (always
// Vietnamese, like DOCUMENT_FORM in common/programs.ts), not UI strings.
import type { ProgramBody } from './api';

export function newProgramBody(unitId: string, year: number): ProgramBody {
  return {
    unitId,
    year,
    kind: 'program',
    number: 1,
    symbol: 'CTr-LĐLĐ',
    place: '',
    issuedOn: null,
    title: `Công tác Công đoàn năm ${year}`,
    superiorBodyName: null,
    issuingBodyName: '',
    signatureAuthority: 'TM. BAN CHẤP HÀNH',
    signerTitle: 'CHỦ TỊCH',
    signerName: '',
    content: {
      context: [],
      legalBasis: [],
      headings: {
        theme: `CHỦ ĐỀ HOẠT ĐỘNG NĂM ${year}`,
        targets: 'CÁC CHỈ TIÊU CHỦ YẾU',
        taskGroups: 'NHIỆM VỤ GIẢI PHÁP CHỦ YẾU',
        organisation: 'TỔ CHỨC THỰC HIỆN',
      },
      theme: '',
      targets: [],
      taskGroups: [],
      organisation: [],
      recipients: [],
      archive: 'VT',
    },
  };
}
