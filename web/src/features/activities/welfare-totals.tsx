// Welfare totals by source (GET /api/activities/totals): what each unit paid
// out over the period, from the union fund, sponsors, the social fund or other
// sources. The period is the list's date filter, or this year so far.
import { Card, Collapse, Skeleton, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { FUND_SOURCES } from '../../../../common/activities';
import { useI18n } from '../../app/i18n';
import { formatDate, todayIso } from '../../lib/dates';
import { useFormat } from '../../lib/format';
import { useIsPhone } from '../../lib/responsive';
import { useActivityTotals, type ActivityTotals } from './api';
import { valueKey } from './labels';

type Row = ActivityTotals['rows'][number];

export function WelfareTotals({ unitId, from, to }: { unitId?: string; from?: string; to?: string }) {
  const { t } = useI18n();
  const fmt = useFormat();
  const isPhone = useIsPhone();
  const today = todayIso();
  const period = { from: from ?? (to ? `${to.slice(0, 4)}-01-01` : `${today.slice(0, 4)}-01-01`), to: to ?? today };
  const totals = useActivityTotals({ kind: 'welfare', unitId, ...period });
  const rows = useMemo(() => totals.data?.rows ?? [], [totals.data]);
  const sum = useMemo(() => {
    const bySource: Record<string, number> = {};
    let amount = 0;
    let records = 0;
    for (const r of rows) {
      amount += r.amountVnd;
      records += r.records;
      for (const [s, v] of Object.entries(r.bySource)) bySource[s] = (bySource[s] ?? 0) + v;
    }
    return { amount, records, bySource };
  }, [rows]);

  const header = (
    <span data-testid="welfare-totals-header">
      {t('activities.totalsTitle', { from: formatDate(period.from), to: formatDate(period.to) })}:{' '}
      <Typography.Text strong data-testid="welfare-totals-sum">
        {fmt.vnd(sum.amount)}
      </Typography.Text>{' '}
      <Typography.Text type="secondary">({t('activities.resultCount', { count: sum.records })})</Typography.Text>
    </span>
  );

  const body = totals.isLoading ? (
    <Skeleton active paragraph={{ rows: 3 }} />
  ) : isPhone ? (
    <div className="activities-totals-cards">
      {rows.map((r) => (
        <div key={r.unitId} className="activities-totals-card">
          <div className="activities-card-head">
            <Typography.Text strong>{r.unitName}</Typography.Text>
            <span className="activities-mono">{fmt.vnd(r.amountVnd)}</span>
          </div>
          <dl className="activities-card-fields">
            {FUND_SOURCES.filter((s) => r.bySource[s]).map((s) => (
              <FragmentRow key={s} label={t(valueKey('fundSource', s))} value={fmt.vnd(r.bySource[s])} />
            ))}
          </dl>
        </div>
      ))}
      {rows.length === 0 && <Typography.Text type="secondary">{t('activities.totalsEmpty')}</Typography.Text>}
    </div>
  ) : (
    <Table<Row>
      size="small"
      rowKey="unitId"
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: t('activities.totalsEmpty') }}
      scroll={{ x: 720 }}
      columns={[
        { key: 'unit', title: t('activities.unit'), render: (_, r) => r.unitName },
        { key: 'records', title: t('activities.records'), align: 'right', width: 90, render: (_, r) => fmt.number(r.records) },
        ...FUND_SOURCES.map((s) => ({
          key: s,
          title: t(valueKey('fundSource', s)),
          align: 'right' as const,
          render: (_: unknown, r: Row) => <span className="activities-mono">{fmt.vnd(r.bySource[s] ?? 0)}</span>,
        })),
        {
          key: 'amount',
          title: t('activities.amountVnd'),
          align: 'right',
          render: (_, r) => <strong className="activities-mono">{fmt.vnd(r.amountVnd)}</strong>,
        },
      ]}
      summary={() =>
        rows.length > 1 ? (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>{t('activities.totalAll')}</Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              {fmt.number(sum.records)}
            </Table.Summary.Cell>
            {FUND_SOURCES.map((s, i) => (
              <Table.Summary.Cell key={s} index={2 + i} align="right">
                {fmt.vnd(sum.bySource[s] ?? 0)}
              </Table.Summary.Cell>
            ))}
            <Table.Summary.Cell index={2 + FUND_SOURCES.length} align="right">
              <strong>{fmt.vnd(sum.amount)}</strong>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        ) : null
      }
    />
  );

  return (
    <Card size="small" className="activities-totals" data-testid="welfare-totals">
      <Collapse
        ghost
        size="small"
        defaultActiveKey={isPhone ? [] : ['totals']}
        items={[{ key: 'totals', label: header, children: totals.isError ? t('common.loadFailed') : body }]}
      />
    </Card>
  );
}

function FragmentRow({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd className="activities-mono">{value}</dd>
    </>
  );
}
