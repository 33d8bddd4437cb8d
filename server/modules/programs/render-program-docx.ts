// The program as a DOCX in the form of union documents (QĐ 933/QĐ-TLĐ on
// Nghị định 30/2020/NĐ-CP; DOMAIN.md "Documents"). Pure: program → Buffer.
import { AlignmentType, type Document, type Paragraph } from 'docx';
import { attachmentHeader, body, docxFileName, renderDocx, unionDocument } from '../../lib/union-docx.js';
import {
  actionText,
  amendmentCitation,
  archiveLine,
  DOCUMENT_FORM,
  recipientLine,
  ROMAN,
  withEndMark,
  type AmendedDocument,
  type ProgramContent,
  type ProgramKind,
} from '../../../common/programs.js';

/** What the document needs of a program (ProgramDetail has all of it). */
export interface ProgramDocument {
  kind: ProgramKind;
  number: number;
  symbol: string;
  place: string;
  issuedOn: string | null;
  title: string;
  superiorBodyName: string | null;
  issuingBodyName: string;
  signatureAuthority: string;
  signerTitle: string;
  signerName: string;
  content: ProgramContent;
  /** A draft carries "DỰ THẢO" above the title. */
  status?: string;
  /** An amendment cites the document it amends under its title (its number and date: amendmentCitation). */
  amends?: AmendedDocument | null;
}

/** The body in reading order; the last paragraph ends with "./.". */
function bodyParagraphs(p: ProgramDocument): Paragraph[] {
  const c = p.content;
  const out: Paragraph[] = [];
  const heading = (index: number, text: string) => out.push(body(`${ROMAN[index]}. ${text.toUpperCase()}`, { bold: true }));
  const bullet = (text: string) => out.push(body(`- ${text}`));
  for (const text of c.context) out.push(body(text));
  for (const text of c.legalBasis) out.push(body(text));
  heading(0, c.headings.theme);
  out.push(body(c.theme, { bold: true }));
  heading(1, c.headings.targets);
  for (const t of c.targets) bullet(t.text);
  heading(2, c.headings.taskGroups);
  for (const g of c.taskGroups) {
    out.push(body(`${g.number}. ${g.title}`, { bold: true }));
    for (const para of g.paragraphs) {
      out.push(body(para.text));
      for (const b of para.bullets) bullet(b);
    }
    for (const a of g.actions) bullet(actionText(a));
  }
  heading(3, c.headings.organisation);
  c.organisation.forEach((r, i) => {
    out.push(body(`${i + 1}. ${r.actor}`, { bold: true }));
    for (const d of r.duties) bullet(d);
  });
  if (c.closing) {
    out.push(body(withEndMark(c.closing)));
  } else {
    out.push(body(DOCUMENT_FORM.end, {}, { alignment: AlignmentType.LEFT }));
  }
  return out;
}

export function buildProgramDocument(p: ProgramDocument): Document {
  return unionDocument({
    heading: p,
    kindTitle: DOCUMENT_FORM.kindTitle[p.kind],
    titleLines: [p.title, ...(p.amends ? [`(${amendmentCitation(p.amends)})`] : [])],
    draftMark: p.status === 'draft' ? DOCUMENT_FORM.draftMark : null,
    body: bodyParagraphs(p),
    signature: {
      recipients: [...p.content.recipients.map(recipientLine), archiveLine(p.content.archive)],
      signatureAuthority: p.signatureAuthority,
      signerTitle: p.signerTitle,
      signerName: p.signerName,
    },
  });
}

/** The program as a .docx file. */
export async function renderProgramDocx(p: ProgramDocument): Promise<Buffer> {
  return renderDocx(buildProgramDocument(p));
}

/** "02-CTr-LĐLĐ Công tác Công đoàn năm 2024.docx" and its ASCII fallback for old clients. */
export function programFileName(p: Pick<ProgramDocument, 'number' | 'symbol' | 'title'>): { utf8: string; ascii: string } {
  return docxFileName(`${String(p.number).padStart(2, '0')}-${p.symbol} ${p.title}`);
}

export { attachmentHeader };
