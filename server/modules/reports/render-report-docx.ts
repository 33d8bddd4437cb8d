// The reporting cycle's documents in the union document form (server/lib/union-docx.ts):
// the federation's compiled report (BC: sơ kết 6 tháng / tổng kết năm) and a
// CĐCS's own report. Pure: data → docx Document.
import type { Document, Paragraph, Table } from 'docx';
import { formatNumber, formatPercent } from '../../../common/format.js';
import { archiveLine, recipientLine, ROMAN } from '../../../common/programs.js';
import { compiledReportTitle, periodPhrase, REPORT_DOCUMENT_FORM as F } from '../../../common/report-documents.js';
import { targets as targetWords } from '../../../common/i18n/vi/targets.js';
import { body, gridTable, unionDocument } from '../../lib/union-docx.js';
import type { PeriodCompliance, PeriodContext, UnitReportDocumentData } from './report-document-data.js';
import type { TargetProgress } from '../indicators/compute-targets.js';

const fill = (template: string, params: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));

export interface CompiledReportDocument {
  context: PeriodContext;
  compliance: PeriodCompliance;
  targets: (TargetProgress & { taskGroupNumber: number | null })[];
  number: number | null;
  symbol: string;
  issuedOn: string | null;
  direction: string | null;
}

/** "12", "94,5%": a target's figure in its unit. */
function figure(value: number | null, unitOfMeasure: string): string {
  if (value === null) return F.noValue;
  return unitOfMeasure === 'percent' ? formatPercent(value) : formatNumber(value);
}

function targetRow(t: TargetProgress): string[] {
  const ofPlan = t.value !== null && t.targetValue > 0 ? formatPercent((t.value / t.targetValue) * 100, { fractionDigits: 1 }) : F.noValue;
  return [
    `${t.code ? `${t.code}. ` : ''}${t.text}`,
    figure(t.targetValue, t.unitOfMeasure),
    figure(t.value, t.unitOfMeasure),
    ofPlan,
    targetWords[`status.${t.status}`],
  ];
}

/** Paragraphs of a free text: one per line written. */
const paragraphs = (text: string) =>
  text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => body(l));

export function buildCompiledReport(d: CompiledReportDocument): Document {
  const { context, compliance } = d;
  const { program, period } = context;
  const out: (Paragraph | Table)[] = [];
  const heading = (index: number, text: string) => out.push(body(`${ROMAN[index]}. ${text}`, { bold: true }));

  heading(0, F.headings.targets);
  out.push(gridTable([...F.targetTable], d.targets.map(targetRow), [0.44, 0.12, 0.12, 0.12, 0.2]));

  heading(1, F.headings.taskGroups);
  const groups = [...program.content.taskGroups.map((g) => ({ key: String(g.number), title: `${g.number}. ${g.title}` }))];
  const known = new Set(groups.map((g) => g.key));
  const others = new Set(compliance.sent.flatMap((r) => Object.keys(r.narratives)).filter((k) => !known.has(k)));
  for (const key of [...others].sort()) groups.push({ key, title: `${key}. ${F.otherTaskGroup}` });
  for (const group of groups) {
    out.push(body(group.title, { bold: true }));
    const written = compliance.sent.filter((r) => r.narratives[group.key]?.trim());
    if (written.length === 0) out.push(body(F.noNarrative, { italics: true }));
    for (const r of written) {
      const [first, ...rest] = r.narratives[group.key]!.split(/\n+/).filter((l) => l.trim());
      out.push(body(`- ${r.unitName}: ${first!.trim()}`));
      for (const line of rest) out.push(body(line.trim()));
    }
  }

  heading(2, F.headings.compliance);
  const submitted = compliance.expected.length - compliance.missing.length;
  out.push(
    body(
      fill(F.expectedUnits, {
        count: compliance.expected.length,
        submitted,
        onTime: submitted - compliance.late.length,
      }),
    ),
  );
  if (compliance.late.length === 0 && compliance.missing.length === 0) out.push(body(F.allOnTime));
  if (compliance.late.length) out.push(body(fill(F.lateUnits, { count: compliance.late.length, units: compliance.late.join(', ') })));
  if (compliance.missing.length)
    out.push(body(fill(F.missingUnits, { count: compliance.missing.length, units: compliance.missing.join(', ') })));

  heading(3, F.headings.difficulties);
  const difficulties = compliance.sent.filter((r) => r.difficulties?.trim());
  if (difficulties.length === 0) out.push(body(F.noDifficulties));
  for (const r of difficulties) out.push(body(`- ${r.unitName}: ${r.difficulties!.trim()}`));

  heading(4, F.headings.direction);
  if (d.direction?.trim()) out.push(...paragraphs(d.direction));
  else out.push(body(F.noDirection, { italics: true }));
  const title = compiledReportTitle(period.kind, period.factMonth, program.title);
  out.push(body(fill(F.closing, { what: title.charAt(0).toLowerCase() + title.slice(1) })));

  return unionDocument({
    heading: {
      superiorBodyName: program.superiorBodyName,
      issuingBodyName: program.issuingBodyName,
      number: d.number,
      symbol: d.symbol,
      place: program.place,
      issuedOn: d.issuedOn,
    },
    kindTitle: F.kindTitle,
    titleLines: [title],
    body: out,
    signature: {
      recipients: [...program.content.recipients.map(recipientLine), archiveLine(program.content.archive)],
      signatureAuthority: program.signatureAuthority,
      signerTitle: program.signerTitle,
      signerName: program.signerName,
    },
  });
}

function valueText(v: UnitReportDocumentData['values'][number]): string {
  if (v.notApplicable) return fill(F.notApplicable, { reason: v.notApplicableReason ?? '' });
  if (v.number !== null) return formatNumber(v.number);
  if (v.bool !== null) return v.bool ? F.yes : F.no;
  return v.text ?? F.noValue;
}

/** A CĐCS's own report for a period, in the same form (number left for the unit to write). */
export function buildUnitReport(d: { context: PeriodContext; report: UnitReportDocumentData }): Document {
  const { context, report } = d;
  const { program, period } = context;
  const out: (Paragraph | Table)[] = [];
  const heading = (index: number, text: string) => out.push(body(`${ROMAN[index]}. ${text}`, { bold: true }));
  heading(0, F.headings.figures);
  out.push(
    gridTable(
      [...F.figureTable],
      report.values.map((v) => [v.label, valueText(v)]),
      [0.7, 0.3],
    ),
  );
  heading(1, F.headings.taskGroups);
  for (const g of program.content.taskGroups) {
    const text = report.narratives[String(g.number)]?.trim();
    if (!text) continue;
    out.push(body(`${g.number}. ${g.title}`, { bold: true }));
    out.push(...paragraphs(text));
  }
  heading(2, F.headings.difficulties);
  if (report.difficulties?.trim()) out.push(...paragraphs(report.difficulties));
  else out.push(body(F.noDifficulties));
  const title = `Kết quả thực hiện Chương trình ${program.title} ${periodPhrase(period.kind, period.factMonth)}`;
  out.push(body(fill(F.closing, { what: title.charAt(0).toLowerCase() + title.slice(1) })));
  return unionDocument({
    heading: {
      superiorBodyName: report.unit.parentName,
      issuingBodyName: report.unit.fullName,
      number: null,
      symbol: F.grassrootsSymbol,
      place: program.place,
      issuedOn: report.submittedOn,
    },
    kindTitle: F.kindTitle,
    titleLines: [title],
    body: out,
    signature: {
      recipients: [`- ${program.issuingBodyName} (b/c);`, F.archive],
      signatureAuthority: F.grassrootsAuthority,
      signerTitle: F.grassrootsSigner,
      signerName: report.submitterName ?? '',
    },
  });
}
