// What the reader's units owe (GET /api/reports/due): not started, drafts,
// overdue, returned (with the reviewer's comment) — each one tap away. Used on
// home and on the "Báo cáo" page; words from the `reports` namespace, which
// ships with the first screens.
import { Tag } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n';
import { formatDate } from '../../lib/dates';
import { dueReportPath, type DueReport } from './due-api';
import { periodLabel, STATE_COLORS } from './due-labels';
import './due-list.css';

/** Returned first, then overdue, then the nearest deadline. */
export function sortDue(items: DueReport[]): DueReport[] {
  const rank = (d: DueReport) => (d.state === 'returned' ? 0 : d.overdue ? 1 : 2);
  return [...items].sort(
    (a, b) => rank(a) - rank(b) || a.period.dueOn.localeCompare(b.period.dueOn) || a.unit.shortName.localeCompare(b.unit.shortName),
  );
}

export function DueList({ items, showUnit, emptyText }: { items: DueReport[]; showUnit: boolean; emptyText: string }) {
  const { t } = useI18n();
  if (items.length === 0)
    return (
      <p className="report-muted" data-testid="due-empty">
        {emptyText}
      </p>
    );
  return (
    <ul className="due-list" data-testid="due-list">
      {sortDue(items).map((d) => (
        <li key={`${d.period.id}:${d.unit.id}`} className="due-item">
          <Link to={dueReportPath(d)} data-testid="due-item">
            <span className="due-item-line">
              <strong>
                {t(`reports.kind_${d.period.kind}` as never)} · {periodLabel(t, d.period)}
              </strong>
              <Tag color={STATE_COLORS[d.state]}>{t(`reports.state_${d.state}` as never)}</Tag>
              {d.overdue && <Tag color="red">{t('reports.overdue')}</Tag>}
              {d.locked && <Tag>{t('reports.locked')}</Tag>}
            </span>
            <span className="due-item-line report-muted">
              {showUnit && <span>{d.unit.shortName} ·</span>}
              <span>{t('reports.dueOn', { date: formatDate(d.period.dueOn) })}</span>
            </span>
            {d.reviewComment && <span className="report-reviewer-comment">{d.reviewComment}</span>}
          </Link>
        </li>
      ))}
    </ul>
  );
}
