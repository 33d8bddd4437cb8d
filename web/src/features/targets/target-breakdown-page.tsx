import { Alert, App, Button, Empty, Input, Progress, Skeleton, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { lazy, Suspense, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { MessageKey } from '../../../../common/i18n';
import { useI18n } from '../../app/i18n';
import { download } from '../../lib/api';
import { LazyDatePicker, LazyPagination, LazySelect, LazyTable } from '../../lib/lazy-antd';
import { LightCard } from '../../lib/light-card';
import { LightList } from '../../lib/light-list';
import { DATE_FORMAT, formatDate, todayIso, toIsoDate } from '../../lib/dates';
import {
  countingFrom,
  targetBreakdownXlsxUrl,
  UNIT_STATES,
  useMonthlyPeriodId,
  useTargetBreakdown,
  useTargetProgress,
  useTargets,
  useTargetSeries,
  type UnitBreakdown,
  type UnitState,
} from './api';
import { progressPercent, STATUS_COLORS, StateTag, StatusTag, useComparatorLabel, useFormatValue } from './labels';
import './targets.css';
import { useFormat } from '../../lib/format';
import { useIsPhone } from '../../lib/responsive';
import { useCan } from '../auth/use-me';

const collator = new Intl.Collator('vi');
// The monthly chart's ECharts code loads only when the breakdown shows it.
const SeriesChart = lazy(() => import('./series-chart').then((m) => ({ default: m.SeriesChart })));
const STATUS_HEX = Object.fromEntries(Object.entries(STATUS_COLORS).map(([k, v]) => [k, v.hex])) as Record<
  keyof typeof STATUS_COLORS,
  string
>;
/** Unit cards per page on a phone. */
const PHONE_PAGE_SIZE = 20;
const byNumber = (a: number | null, b: number | null) => (a ?? -Infinity) - (b ?? -Infinity);

/** Per-unit results of one target (kết quả chỉ tiêu theo đơn vị), units holding it back first. */
export function TargetBreakdownPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { id } = useParams();
  const isPhone = useIsPhone();
  const [search, setSearch] = useSearchParams();
  const asOf = search.get('asOf') ?? todayIso();
  const counting = countingFrom(search.get('counting'));
  const [state, setState] = useState<UnitState | ''>('');
  const [text, setText] = useState('');
  const [page, setPage] = useState(1);
  const [exporting, setExporting] = useState(false);
  const breakdown = useTargetBreakdown(id, asOf, counting);
  const list = useTargets();
  const target = list.data?.items.find((x) => x.id === id);
  const progress = useTargetProgress(
    target?.programId ? { programId: target.programId, asOf, counting } : { scopeUnitId: target?.scopeUnitId, asOf, counting },
    Boolean(target),
  );
  const series = useTargetSeries(id, { asOf, counting });
  // The monthly report of the as-of month gave each unit's figure: its row links there.
  const periodId = useMonthlyPeriodId(target?.programId, asOf, useCan('approveReports'));
  const reportLink = (unitId: string) =>
    periodId ? (
      <Link to={`/report-periods/${periodId}/units/${unitId}`} data-testid="unit-report-link">
        {t('reports.openReport')}
      </Link>
    ) : null;
  const current = progress.data?.items.find((x) => x.targetId === id);
  const formatValue = useFormatValue();
  const { number: formatNumber } = useFormat();
  const comparator = useComparatorLabel();
  const uom = target?.unitOfMeasure ?? 'count';

  const units = useMemo(() => {
    const q = text.trim().toLocaleLowerCase('vi');
    return (breakdown.data?.units ?? []).filter(
      (u) =>
        (!state || u.state === state) && (!q || u.unitName.toLocaleLowerCase('vi').includes(q) || u.unitCode.toLowerCase().includes(q)),
    );
  }, [breakdown.data, state, text]);
  const hasAllocations = (breakdown.data?.units ?? []).some((u) => u.allocated !== null);
  const hasFraction = (breakdown.data?.units ?? []).some((u) => u.denominator !== null);
  const hasMeets = (breakdown.data?.units ?? []).some((u) => u.meets !== null);
  const hasGrade = (breakdown.data?.units ?? []).some((u) => u.grade !== null);
  const hasStatus = (breakdown.data?.units ?? []).some((u) => u.status !== null);
  /** Units below the target (at risk or off track against their own target) are marked. */
  const isBelow = (u: UnitBreakdown) => u.status === 'at_risk' || u.status === 'off_track';
  const gradeLabel = (grade: string | null) => {
    if (grade === null) return '–';
    const key = `targets.grade.${grade}` as MessageKey;
    const label = t(key);
    return label === key ? grade : label;
  };

  const exportXlsx = async () => {
    if (!id) return;
    setExporting(true);
    try {
      await download(targetBreakdownXlsxUrl(id, asOf), 'chi-tieu.xlsx');
      message.success(t('targets.exportDone'));
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setExporting(false);
    }
  };

  const meetsText = (m: boolean | null) => (m === null ? '–' : m ? t('targets.yes') : t('targets.no'));
  const unitValue = (u: UnitBreakdown) => formatValue(u.value, uom);

  if (breakdown.isError && !breakdown.data) {
    return (
      <div className="page">
        <Alert
          type="error"
          showIcon
          title={breakdown.error.message || t('targets.notFound')}
          action={
            <Link to="/targets">
              <Button>{t('targets.back')}</Button>
            </Link>
          }
        />
      </div>
    );
  }

  return (
    <div className="page breakdown-page">
      <Link to="/targets">
        <ArrowLeftOutlined /> {t('targets.back')}
      </Link>
      <div className="page-header" style={{ marginTop: 8 }}>
        <Typography.Title level={3}>{t('targets.breakdownTitle')}</Typography.Title>
        <Button type="primary" icon={<DownloadOutlined />} loading={exporting} onClick={exportXlsx} disabled={!breakdown.data}>
          {t('targets.exportXlsx')}
        </Button>
      </div>
      <LightCard size="small" className="breakdown-head">
        {!target ? (
          <Skeleton active paragraph={{ rows: 2 }} />
        ) : (
          <Space orientation="vertical" size={8} style={{ width: '100%' }}>
            <div className="target-card-head">
              {target.code && <span className="target-code">{target.code}</span>}
              {current && <StatusTag status={current.status} />}
              {target.stretch && <Tag color="gold">{t('targets.stretch')}</Tag>}
              {target.whenConditionsAllow && <Tag color="cyan">{t('targets.whenConditionsAllow')}</Tag>}
            </div>
            <Typography.Paragraph className="target-text">{target.text}</Typography.Paragraph>
            <div className="target-values">
              <div>
                <Typography.Text type="secondary">{t('targets.current')}</Typography.Text>
                <div className="target-value">
                  {!current || current.value === null ? t('targets.noValue') : formatValue(current.value, uom)}
                </div>
              </div>
              <div style={{ textAlign: 'end' }}>
                <Typography.Text type="secondary">{t('targets.target')}</Typography.Text>
                <div className="target-value">
                  {comparator(target.comparator)} {formatValue(target.value, uom)}
                </div>
              </div>
            </div>
            {current && (
              <Progress
                percent={Math.round(progressPercent(current.value, current.targetValue, current.comparator))}
                strokeColor={STATUS_COLORS[current.status].hex}
                showInfo={false}
                size="small"
              />
            )}
          </Space>
        )}
      </LightCard>

      <LightCard size="small" title={t('reports.seriesTitle')} style={{ marginBottom: 16 }}>
        {series.data && series.data.points.some((p) => p.value !== null) ? (
          <Suspense fallback={<div style={{ height: 220 }} />}>
            <SeriesChart
              points={series.data.points}
              target={target?.value ?? null}
              colors={STATUS_HEX}
              formatValue={(v) => formatValue(v, uom)}
              targetLabel={t('targets.target')}
              ariaLabel={t('reports.seriesTitle')}
            />
          </Suspense>
        ) : series.isLoading ? (
          <Skeleton active paragraph={{ rows: 3 }} />
        ) : (
          <Typography.Text type="secondary">{t('reports.seriesEmpty')}</Typography.Text>
        )}
      </LightCard>

      {(breakdown.data?.allocations.length ?? 0) > 0 && (
        <LightCard size="small" title={t('targets.allocations')} style={{ marginBottom: 16 }}>
          <LightList
            items={breakdown.data!.allocations}
            rowKey={(a) => a.unitId}
            renderItem={(a) => (
              <div style={{ width: '100%' }}>
                <div className="breakdown-card-row">
                  <Typography.Text strong>{a.unitName}</Typography.Text>
                  <StatusTag status={a.status} />
                </div>
                <Typography.Text type="secondary">
                  {t('targets.allocationOf', { value: formatValue(a.value, uom), allocated: formatValue(a.allocated, uom) })}
                </Typography.Text>
                <Progress
                  percent={Math.round(progressPercent(a.value, a.allocated, target?.comparator ?? 'gte'))}
                  strokeColor={STATUS_COLORS[a.status].hex}
                  showInfo={false}
                  size="small"
                />
              </div>
            )}
          />
        </LightCard>
      )}

      <div className="toolbar">
        <Input.Search
          allowClear
          placeholder={t('targets.searchUnit')}
          aria-label={t('targets.searchUnit')}
          onChange={(e) => {
            setText(e.target.value);
            setPage(1);
          }}
          style={{ maxWidth: isPhone ? undefined : 320 }}
        />
        <LazySelect<UnitState | ''>
          aria-label={t('targets.stateFilter')}
          value={state}
          onChange={(v) => {
            setState(v);
            setPage(1);
          }}
          style={{ minWidth: 200 }}
          options={[
            { value: '', label: `${t('targets.stateFilter')}: ${t('targets.allStates')}` },
            ...UNIT_STATES.map((s) => ({ value: s, label: t(`targets.state.${s}`) })),
          ]}
        />
        <LazyDatePicker
          aria-label={t('targets.asOf')}
          format={DATE_FORMAT}
          allowClear={false}
          value={dayjs(asOf)}
          onChange={(d) => setSearch({ asOf: toIsoDate(d) ?? todayIso() }, { replace: true })}
          prefix={<span className="targets-muted">{t('targets.asOf')}</span>}
        />
      </div>
      {breakdown.data && (
        <Typography.Paragraph type="secondary">{t('targets.asOfLabel', { date: formatDate(breakdown.data.asOf) })}</Typography.Paragraph>
      )}

      {isPhone ? (
        <div className="breakdown-cards">
          {breakdown.isLoading ? (
            <Skeleton active />
          ) : units.length === 0 ? (
            <Empty description={t('targets.noUnits')} />
          ) : (
            units.slice((page - 1) * PHONE_PAGE_SIZE, page * PHONE_PAGE_SIZE).map((u) => (
              <LightCard key={u.unitId} size="small" className="breakdown-card" data-testid="unit-card">
                <div className="breakdown-card-row">
                  <Typography.Text strong>{u.unitName}</Typography.Text>
                  <StateTag state={u.state} />
                </div>
                <div className="breakdown-card-row">
                  <Typography.Text type="secondary">{u.unitCode}</Typography.Text>
                  {reportLink(u.unitId)}
                </div>
                {(u.status || u.grade) && (
                  <div className="breakdown-card-row">
                    {u.status && <StatusTag status={u.status} />}
                    {isBelow(u) && (
                      <Tag color="red" data-testid="below-target">
                        {t('targets.belowTarget')}
                      </Tag>
                    )}
                    {u.grade && <span>{gradeLabel(u.grade)}</span>}
                  </div>
                )}
                <div className="breakdown-card-row">
                  {(u.value !== null || u.meets === null) && (
                    <span>
                      {t('targets.colValue')}: <b>{unitValue(u)}</b>
                    </span>
                  )}
                  {u.meets !== null && (
                    <span>
                      {t('targets.colMeets')}: <b>{meetsText(u.meets)}</b>
                    </span>
                  )}
                </div>
                {u.denominator !== null && (
                  <div>
                    {t('targets.colNumerator')}/{t('targets.colDenominator')}: {formatNumber(u.numerator)} / {formatNumber(u.denominator)}
                  </div>
                )}
                {u.allocated !== null && (
                  <div>
                    {t('targets.colAllocated')}: {formatValue(u.allocated, uom)}
                  </div>
                )}
              </LightCard>
            ))
          )}
          {units.length > PHONE_PAGE_SIZE && (
            <LazyPagination
              className="breakdown-pagination"
              size="small"
              current={page}
              pageSize={PHONE_PAGE_SIZE}
              total={units.length}
              onChange={setPage}
            />
          )}
        </div>
      ) : (
        <LazyTable<UnitBreakdown>
          rowKey="unitId"
          size="middle"
          loading={breakdown.isLoading}
          dataSource={units}
          locale={{ emptyText: <Empty description={t('targets.noUnits')} /> }}
          scroll={{ x: 800 }}
          rowClassName={(u) => (isBelow(u) ? 'breakdown-below' : '')}
          pagination={units.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          columns={[
            {
              title: t('targets.colUnit'),
              key: 'unit',
              sorter: (a, b) => collator.compare(a.unitName, b.unitName),
              render: (_, u) => (
                <div>
                  <div>{u.unitName}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {u.unitCode}
                  </Typography.Text>{' '}
                  {reportLink(u.unitId)}
                </div>
              ),
            },
            {
              title: t('targets.colState'),
              dataIndex: 'state',
              width: 170,
              sorter: (a, b) => UNIT_STATES.indexOf(a.state) - UNIT_STATES.indexOf(b.state),
              render: (s: UnitState) => <StateTag state={s} />,
            },
            {
              title: t('targets.colValue'),
              dataIndex: 'value',
              width: 130,
              align: 'right',
              sorter: (a, b) => byNumber(a.value, b.value),
              render: (_, u) => unitValue(u),
            },
            ...(hasStatus
              ? [
                  {
                    title: t('targets.colStatus'),
                    key: 'status',
                    width: 190,
                    render: (_: unknown, u: UnitBreakdown) =>
                      u.status === null ? (
                        '–'
                      ) : (
                        <Space size={2} wrap>
                          <StatusTag status={u.status} />
                          {isBelow(u) && (
                            <Tag color="red" data-testid="below-target">
                              {t('targets.belowTarget')}
                            </Tag>
                          )}
                        </Space>
                      ),
                  },
                ]
              : []),
            ...(hasGrade
              ? [
                  {
                    title: t('targets.colGrade'),
                    key: 'grade',
                    width: 200,
                    render: (_: unknown, u: UnitBreakdown) => gradeLabel(u.grade),
                  },
                ]
              : []),
            ...(hasFraction
              ? [
                  {
                    title: `${t('targets.colNumerator')} / ${t('targets.colDenominator')}`,
                    key: 'fraction',
                    width: 170,
                    align: 'right' as const,
                    sorter: (a: UnitBreakdown, b: UnitBreakdown) => byNumber(a.numerator, b.numerator),
                    render: (_: unknown, u: UnitBreakdown) =>
                      u.denominator === null ? '–' : `${formatNumber(u.numerator)} / ${formatNumber(u.denominator)}`,
                  },
                ]
              : []),
            ...(hasMeets
              ? [
                  {
                    title: t('targets.colMeets'),
                    dataIndex: 'meets',
                    width: 140,
                    sorter: (a: UnitBreakdown, b: UnitBreakdown) => Number(a.meets ?? -1) - Number(b.meets ?? -1),
                    render: (m: boolean | null) => (m === null ? '–' : <Tag color={m ? 'green' : 'red'}>{meetsText(m)}</Tag>),
                  },
                ]
              : []),
            ...(hasAllocations
              ? [
                  {
                    title: t('targets.colAllocated'),
                    key: 'allocated',
                    width: 200,
                    sorter: (a: UnitBreakdown, b: UnitBreakdown) => byNumber(a.allocated, b.allocated),
                    render: (_: unknown, u: UnitBreakdown) =>
                      u.allocated === null ? (
                        '–'
                      ) : (
                        <div>
                          {formatValue(u.value, uom)} / {formatValue(u.allocated, uom)}
                          <Progress
                            percent={Math.round(progressPercent(u.value, u.allocated, target?.comparator ?? 'gte'))}
                            size="small"
                            showInfo={false}
                          />
                        </div>
                      ),
                  },
                ]
              : []),
          ]}
        />
      )}
    </div>
  );
}
