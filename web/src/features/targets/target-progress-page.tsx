import { Alert, Button, Card, Col, DatePicker, Empty, Progress, Row, Segmented, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { AimOutlined, RightOutlined, TableOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { lazy, Suspense, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { MessageKey } from '../../../../common/i18n';
import { useI18n } from '../../app/i18n';
import { NumberStatistic } from '../../lib/number-statistic';
import { useIsPhone } from '../../lib/responsive';
import { DATE_FORMAT, formatDate, toIsoDate } from '../../lib/dates';
import {
  countingFrom,
  defaultAsOf,
  type Counting,
  latestTargetProgramId,
  TARGET_STATUSES,
  useDashboardPrograms,
  useOwnUnit,
  useTargetProgress,
  useTargets,
  useUnitTargets,
  type TargetProgress,
  type TargetStatus,
} from './api';
import { OwnTargetCard } from './own-targets';
import { formatMonth, progressPercent, STATUS_COLORS, StatusTag, useComparatorLabel, useFormatValue } from './labels';
import { NetChange } from './net-change';
import './targets.css';

// ECharts (≈130 kB compressed even tree-shaken) arrives after the figures: the page is usable without it.
const StatusChart = lazy(() => import('./status-chart').then((m) => ({ default: m.StatusChart })));

/** The Select's value for "every target in progress on the as-of date" (no program filter). */
const ACTIVE = 'active';

export function TargetProgressPage() {
  const { t } = useI18n();
  const [search, setSearch] = useSearchParams();
  const programs = useDashboardPrograms();
  const targets = useTargets();
  const isPhone = useIsPhone();
  const ownUnit = useOwnUnit();
  // A chair opens on their own union's targets; "all" shows the targets as a whole.
  const ownView = Boolean(ownUnit) && search.get('view') !== 'all';
  const statusFilter = (search.get('status') as TargetStatus | null) ?? undefined;
  // Without a choice in the address, open on the program of the most recent targets in scope.
  const chosen =
    search.get('programId') ??
    (targets.isLoading || programs.isLoading ? undefined : (latestTargetProgramId(targets.data?.items, programs.items) ?? ACTIVE));
  const programId = chosen === ACTIVE ? undefined : chosen;
  const program = programs.items.find((p) => p.id === programId);
  const asOf = search.get('asOf') ?? defaultAsOf(program);
  // Which facts count (docs/reporting.md): submitted and approved reports (default), or approved only.
  const counting = countingFrom(search.get('counting'));
  const query = useTargetProgress({ programId, asOf, counting }, chosen !== undefined && (!programId || !programs.isLoading) && !ownView);
  const own = useUnitTargets(ownUnit ? { unitId: ownUnit.unitId, programId, asOf } : undefined, chosen !== undefined && ownView);
  const allItems = useMemo(() => query.data?.items ?? [], [query.data]);
  const items = useMemo(() => (statusFilter ? allItems.filter((i) => i.status === statusFilter) : allItems), [allItems, statusFilter]);

  const update = (next: { programId?: string; asOf?: string; status?: TargetStatus | null; view?: string; counting?: Counting }) => {
    const params: Record<string, string> = {};
    const p = 'programId' in next ? next.programId : chosen;
    if (p) params.programId = p;
    if (next.asOf) params.asOf = next.asOf;
    else if (!('programId' in next) && search.get('asOf')) params.asOf = search.get('asOf')!;
    const status = 'status' in next ? next.status : statusFilter;
    if (status) params.status = status;
    const view = 'view' in next ? next.view : search.get('view');
    if (view) params.view = view;
    const c = next.counting ?? counting;
    if (c !== 'submitted') params.counting = c;
    setSearch(params, { replace: true });
  };

  const counts = useMemo(() => {
    const c = Object.fromEntries(TARGET_STATUSES.map((s) => [s, 0])) as Record<(typeof TARGET_STATUSES)[number], number>;
    for (const i of allItems) c[i.status] += 1;
    return c;
  }, [allItems]);
  const slices = useMemo(
    () => TARGET_STATUSES.map((s) => ({ name: t(`targets.status.${s}` as MessageKey), value: counts[s], color: STATUS_COLORS[s].hex })),
    [counts, t],
  );

  return (
    <div className="page targets-page">
      <div className="page-header">
        <div>
          <Typography.Title level={3}>{t('targets.title')}</Typography.Title>
          <Typography.Text type="secondary">{t('targets.subtitle')}</Typography.Text>
        </div>
        {!ownUnit && (
          <Link to={`/targets/matrix?${new URLSearchParams({ ...(programId ? { programId } : {}), asOf }).toString()}`}>
            <Button icon={<TableOutlined />} data-testid="open-matrix">
              {t('targets.matrixOpen')}
            </Button>
          </Link>
        )}
      </div>
      {ownUnit && (
        <Segmented
          style={{ marginBottom: 12 }}
          value={ownView ? 'own' : 'all'}
          onChange={(v) => update({ view: v === 'all' ? 'all' : '', status: null })}
          options={[
            { value: 'own', label: t('targets.viewOwn') },
            { value: 'all', label: t('targets.viewAll') },
          ]}
        />
      )}
      <div className="toolbar">
        <Select
          aria-label={t('targets.program')}
          className="targets-program-select"
          value={chosen}
          loading={programs.isLoading || targets.isLoading}
          onChange={(v) => update({ programId: v })}
          options={[
            { value: ACTIVE, label: t('targets.allPrograms') },
            ...programs.items.map((p) => ({ value: p.id, label: `${p.year} · ${p.documentNumber} · ${p.title} · ${p.unitName}` })),
          ]}
          popupMatchSelectWidth={false}
          // A phone shows the chosen program by its title only (the list keeps year and number), not cut off.
          labelRender={({ value, label }) => (isPhone ? (programs.items.find((p) => p.id === value)?.title ?? label) : label)}
        />
        <DatePicker
          aria-label={t('targets.asOf')}
          data-testid="as-of"
          format={DATE_FORMAT}
          allowClear={false}
          value={dayjs(asOf)}
          onChange={(d) => update({ asOf: toIsoDate(d) })}
          prefix={<span className="targets-muted">{t('targets.asOf')}</span>}
        />
        <Segmented<Counting>
          aria-label={t('reports.countingLabel')}
          data-testid="counting"
          value={counting}
          onChange={(c) => update({ counting: c })}
          options={[
            { value: 'submitted', label: t('reports.countingSubmitted') },
            { value: 'approved', label: t('reports.countingApproved') },
          ]}
        />
      </div>
      {query.isError && (
        <Alert
          type="error"
          showIcon
          title={t('common.loadFailed')}
          description={query.error.message}
          action={<Button onClick={() => query.refetch()}>{t('common.retry')}</Button>}
          style={{ marginBottom: 16 }}
        />
      )}
      {ownView ? (
        own.isLoading || chosen === undefined ? (
          <Card>
            <Skeleton active paragraph={{ rows: 6 }} />
          </Card>
        ) : (own.data?.items.length ?? 0) === 0 ? (
          <Card>
            <Empty description={t('targets.ownEmpty')} />
          </Card>
        ) : (
          <>
            <Typography.Title level={5}>{t('targets.ownTitle', { unit: own.data!.unitName })}</Typography.Title>
            <Typography.Paragraph type="secondary">{t('targets.ownHelp')}</Typography.Paragraph>
            <div className="own-targets-list">
              {own.data!.items.map((item) => (
                <OwnTargetCard key={item.target.targetId} item={item} asOf={own.data!.asOf} />
              ))}
            </div>
          </>
        )
      ) : query.isLoading || chosen === undefined ? (
        <Card>
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      ) : !query.isError && allItems.length === 0 ? (
        <Card>
          <Empty image={<AimOutlined style={{ fontSize: 48, color: '#bfbfbf' }} />} description={t('targets.empty')} />
        </Card>
      ) : allItems.length > 0 ? (
        <>
          <Row gutter={[16, 16]} className="targets-summary">
            <Col xs={24} lg={14}>
              <Card size="small" title={t('targets.summary')} extra={t('targets.total', { count: allItems.length })}>
                {/* The tiles filter the list below (a second tap clears the filter). */}
                <div className="targets-counts">
                  {TARGET_STATUSES.map((s) => (
                    <button
                      type="button"
                      key={s}
                      className={`targets-count targets-count-button${statusFilter === s ? ' is-active' : ''}`}
                      style={{ borderTopColor: STATUS_COLORS[s].hex }}
                      aria-pressed={statusFilter === s}
                      data-testid={`status-tile-${s}`}
                      onClick={() => update({ status: statusFilter === s ? null : s })}
                    >
                      <NumberStatistic title={t(`targets.status.${s}` as MessageKey)} value={counts[s]} />
                    </button>
                  ))}
                </div>
                {statusFilter && (
                  <Space size={4} style={{ marginBottom: 4 }}>
                    <Tag color={STATUS_COLORS[statusFilter].tag}>
                      {t('targets.filterByStatus', { status: t(`targets.status.${statusFilter}` as MessageKey) })}
                    </Tag>
                    <Button size="small" type="link" onClick={() => update({ status: null })}>
                      {t('targets.clearFilter')}
                    </Button>
                  </Space>
                )}
                <Typography.Text type="secondary">{t('targets.asOfLabel', { date: formatDate(query.data!.asOf) })}</Typography.Text>
              </Card>
            </Col>
            <Col xs={24} lg={10}>
              <Card size="small" title={t('targets.chartTitle')}>
                <Suspense fallback={<div style={{ height: 200 }} />}>
                  <StatusChart slices={slices} ariaLabel={t('targets.chartTitle')} height={200} />
                </Suspense>
              </Card>
            </Col>
          </Row>
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            {items.map((item) => (
              <Col xs={24} md={12} xl={8} key={item.targetId}>
                <TargetCard item={item} asOf={query.data!.asOf} counting={counting} />
              </Col>
            ))}
          </Row>
        </>
      ) : null}
    </div>
  );
}

function TargetCard({ item, asOf, counting }: { item: TargetProgress; asOf: string; counting: Counting }) {
  const { t } = useI18n();
  const formatValue = useFormatValue();
  const comparator = useComparatorLabel();
  const percent = progressPercent(item.value, item.targetValue, item.comparator);
  return (
    <Card size="small" className="target-card" data-testid="target-card" data-target-code={item.code ?? undefined}>
      <div className="target-card-head">
        {item.code && <span className="target-code">{item.code}</span>}
        <StatusTag status={item.status} />
        {item.stretch && <Tag color="gold">{t('targets.stretch')}</Tag>}
        {item.whenConditionsAllow && <Tag color="cyan">{t('targets.whenConditionsAllow')}</Tag>}
      </div>
      <Typography.Paragraph className="target-text" ellipsis={{ rows: 4, expandable: 'collapsible' }}>
        {item.text}
      </Typography.Paragraph>
      <div className="target-values">
        <div>
          <Typography.Text type="secondary">{t('targets.current')}</Typography.Text>
          <div className="target-value" data-testid="target-value">
            {item.value === null ? t('targets.noValue') : formatValue(item.value, item.unitOfMeasure)}
          </div>
        </div>
        <div style={{ textAlign: 'end' }}>
          <Typography.Text type="secondary">{t('targets.target')}</Typography.Text>
          <div className="target-value">
            {comparator(item.comparator)} {formatValue(item.targetValue, item.unitOfMeasure)}
          </div>
        </div>
      </div>
      <Progress percent={Math.round(percent)} strokeColor={STATUS_COLORS[item.status].hex} showInfo={false} size="small" />
      <Space wrap size={[4, 4]} className="target-units">
        <Tag>{t('targets.unitsReported', { count: item.reportedUnits })}</Tag>
        {item.measure === 'average_per_eligible_unit' && <Tag>{t('targets.unitsEligible', { count: item.eligibleUnits })}</Tag>}
        <Tag>{t('targets.unitsNotApplicable', { count: item.notApplicableUnits })}</Tag>
        <Tag color={item.noDataUnits > 0 ? 'orange' : undefined}>{t('targets.unitsNoData', { count: item.noDataUnits })}</Tag>
      </Space>
      <NetChange item={item} />
      <div className="target-card-foot">
        <Typography.Text type="secondary">
          {t('targets.period', { from: formatMonth(item.periodFrom), to: formatMonth(item.periodTo) })}
        </Typography.Text>
        <Link to={`/targets/${item.targetId}?asOf=${asOf}${counting === 'submitted' ? '' : `&counting=${counting}`}`}>
          {t('targets.viewBreakdown')} <RightOutlined />
        </Link>
      </div>
    </Card>
  );
}
