// The program rendered like the paper document (thể thức văn bản Công đoàn):
// the same lines as the DOCX, from the same shared helpers.
import {
  actionText,
  amendmentCitation,
  archiveLine,
  DOCUMENT_FORM,
  emphasisRuns,
  formatDocumentNumber,
  recipientLine,
  ROMAN,
  withEndMark,
} from '../../../../common/programs';
import type { ProgramDetail } from './api';
import { MarkedText } from './derived-marks';

function Text({ value }: { value: string }) {
  return <>{emphasisRuns(value).map((r, i) => (r.italic ? <em key={i}>{r.text}</em> : <span key={i}>{r.text}</span>))}</>;
}

function Para({ value, className }: { value: string; className?: string }) {
  return (
    <p className={className ?? 'doc-p'}>
      <MarkedText value={value} render={(part) => <Text value={part} />} />
    </p>
  );
}

export function ProgramDocument({ program: p }: { program: ProgramDetail }) {
  const c = p.content;
  return (
    <article className="doc-sheet" lang="vi" data-testid="program-document">
      <header className="doc-header">
        <div className="doc-header-left">
          {p.superiorBodyName && <div>{p.superiorBodyName.toUpperCase()}</div>}
          <div className="doc-bold">{p.issuingBodyName.toUpperCase()}</div>
          <div className="doc-rule doc-rule-short" />
          <div>{formatDocumentNumber(p.number, p.symbol)}</div>
        </div>
        <div className="doc-header-right">
          <div className="doc-bold">{DOCUMENT_FORM.nation}</div>
          <div className="doc-bold doc-motto">{DOCUMENT_FORM.motto}</div>
          <div className="doc-rule doc-rule-motto" />
          <div className="doc-italic">{p.placeAndDate}</div>
        </div>
      </header>
      <div className="doc-title">
        {p.status === 'draft' && (
          <div className="doc-bold" data-testid="program-draft-mark">
            {DOCUMENT_FORM.draftMark}
          </div>
        )}
        <div className="doc-bold">{DOCUMENT_FORM.kindTitle[p.kind]}</div>
        <div className="doc-bold">{p.title}</div>
        {p.amends && (
          <div className="doc-bold" data-testid="program-amends-citation">
            ({amendmentCitation(p.amends)})
          </div>
        )}
        <div className="doc-rule doc-rule-title" />
      </div>
      {c.context.map((v, i) => (
        <Para key={`c${i}`} value={v} />
      ))}
      {c.legalBasis.map((v, i) => (
        <Para key={`l${i}`} value={v} />
      ))}
      <Para className="doc-p doc-bold" value={`${ROMAN[0]}. ${c.headings.theme.toUpperCase()}`} />
      <Para className="doc-p doc-bold" value={c.theme} />
      <Para className="doc-p doc-bold" value={`${ROMAN[1]}. ${c.headings.targets.toUpperCase()}`} />
      {c.targets.map((target) => (
        <Para key={target.code} value={`- ${target.text}`} />
      ))}
      <Para className="doc-p doc-bold" value={`${ROMAN[2]}. ${c.headings.taskGroups.toUpperCase()}`} />
      {c.taskGroups.map((g) => (
        <section key={g.number}>
          <Para className="doc-p doc-bold" value={`${g.number}. ${g.title}`} />
          {g.paragraphs.map((para, i) => (
            <div key={`p${i}`}>
              <Para value={para.text} />
              {para.bullets.map((b, j) => (
                <Para key={j} value={`- ${b}`} />
              ))}
            </div>
          ))}
          {g.actions.map((a, i) => (
            <Para key={`a${i}`} value={`- ${actionText(a)}`} />
          ))}
        </section>
      ))}
      <Para className="doc-p doc-bold" value={`${ROMAN[3]}. ${c.headings.organisation.toUpperCase()}`} />
      {c.organisation.map((r, i) => (
        <section key={i}>
          <Para className="doc-p doc-bold" value={`${i + 1}. ${r.actor}`} />
          {r.duties.map((d, j) => (
            <Para key={j} value={`- ${d}`} />
          ))}
        </section>
      ))}
      <Para value={c.closing ? withEndMark(c.closing) : DOCUMENT_FORM.end} />
      <footer className="doc-footer">
        <div className="doc-recipients">
          <div className="doc-bold doc-italic doc-recipients-title">{DOCUMENT_FORM.recipients}</div>
          {c.recipients.map((r, i) => (
            <div key={i}>{recipientLine(r)}</div>
          ))}
          <div>{archiveLine(c.archive)}</div>
        </div>
        <div className="doc-signature">
          <div className="doc-bold">{p.signatureAuthority.toUpperCase()}</div>
          <div className="doc-bold">{p.signerTitle.toUpperCase()}</div>
          <div className="doc-signature-space" />
          <div className="doc-bold">{p.signerName}</div>
        </div>
      </footer>
    </article>
  );
}
