import { Typography } from 'antd';
import { useI18n } from '../../app/i18n';
import { diffEntries, type DiffKind } from './diff';

const KIND_KEYS = { added: 'audit.added', removed: 'audit.removed', changed: 'audit.changed' } as const;

/** Before and after of an entry, key by key, with changed keys highlighted. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useI18n();
  const rows = diffEntries(before, after);
  if (rows.length === 0) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  const cell = (v: string | null) => (v === null ? <span className="audit-diff-empty">{t('audit.emptyValue')}</span> : v);
  const showBefore = before != null;
  const showAfter = after != null;
  const mark = (kind: DiffKind) =>
    kind === 'same' || kind === 'value' ? null : <span className={`audit-diff-badge audit-diff-badge-${kind}`}>{t(KIND_KEYS[kind])}</span>;
  return (
    <div className="audit-diff-wrap" data-testid="audit-diff">
      <table className="audit-diff">
        <thead>
          <tr>
            <th>{t('audit.field')}</th>
            {showBefore && <th>{t('audit.colBefore')}</th>}
            {showAfter && <th>{t('audit.colAfter')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className={`audit-diff-${r.kind}`} data-kind={r.kind}>
              <th scope="row">
                <code>{r.key || '—'}</code>
                {mark(r.kind)}
              </th>
              {showBefore && <td className="audit-diff-before">{cell(r.before)}</td>}
              {showAfter && <td className="audit-diff-after">{cell(r.after)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
