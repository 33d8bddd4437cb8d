import { Alert, App, Button, Card, Empty, Pagination, Select, Skeleton, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { ClearOutlined, FileExcelOutlined, PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { Fragment, useEffect, useMemo, useState } from 'react';
import { ACTIVITY_KINDS, type ActivityKind } from '../../../../common/activities';
import type { ACTIVITY_SORTS } from '../../../../common/api/activities';
import { useI18n } from '../../app/i18n';
import { ApiError } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { useFormat } from '../../lib/format';
import { useIsPhone } from '../../lib/responsive';
import { useMe } from '../auth/use-me';
import { useDataElements } from '../catalogue/api';
import { useOrgUnit } from '../units/api';
import { ActivityDrawer } from './activity-drawer';
import { ActivityFilterBar } from './activity-filters';
import { useActivities, useExportActivities, type ActivityRecord } from './api';
import { KIND_COLUMNS, summaryOf } from './details';
import { kindKey, kindShortKey, writableKinds } from './labels';
import { WelfareTotals } from './welfare-totals';
import { useActivityParams } from './use-activity-params';
import './activities.css';

const ALL = 'all';
type ActivitySort = (typeof ACTIVITY_SORTS)[number];

/** Hồ sơ hoạt động: the records of the units in scope, by kind, with search, filters, sort and server-side pages. */
export function ActivitiesPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const fmt = useFormat();
  const isPhone = useIsPhone();
  const me = useMe();
  const { filters, page, pageSize, setFilters, setPage, clear, hasFilters } = useActivityParams();
  const list = useActivities(filters, page, pageSize);
  const exporter = useExportActivities();
  const writable = useMemo(() => writableKinds(me.data?.permissions ?? []), [me.data]);
  /** The drawer: a new record (of a kind) or an existing one. */
  const [drawer, setDrawer] = useState<{ record: ActivityRecord | null; kind?: ActivityKind } | null>(null);

  const kind = filters.kind;
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  // A page past the end (old link, records filtered away): go to the last page.
  const pastEnd = Boolean(list.data) && !list.isFetching && items.length === 0 && total > 0 && page > 1;
  useEffect(() => {
    if (pastEnd) setPage(Math.ceil(total / pageSize), pageSize);
  }, [pastEnd, total, pageSize, setPage]);

  const canCreate = kind ? writable.includes(kind) : writable.length > 0;
  const openNew = () => setDrawer({ record: null, kind: kind ?? writable[0] });

  const onExport = () =>
    exporter.mutate(filters, {
      onSuccess: () => message.success(t('activities.exportDone')),
      onError: (e) => message.error(e instanceof ApiError ? e.message : t('common.loadFailed')),
    });

  const sortOrder = (key: ActivitySort) =>
    (filters.sort ?? 'occurredOn') === key ? (filters.order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null;

  const columns: ColumnsType<ActivityRecord> = [
    {
      key: 'occurredOn',
      title: t('activities.occurredOn'),
      width: 115,
      sorter: true,
      // The newest first by default: a click shows the oldest first, another goes back.
      sortDirections: ['descend', 'ascend'],
      sortOrder: sortOrder('occurredOn'),
      render: (_, r) => <span className="activities-mono">{formatDate(r.occurredOn)}</span>,
    },
    {
      key: 'unit',
      title: t('activities.unit'),
      width: 200,
      sorter: true,
      sortOrder: sortOrder('unit'),
      render: (_, r) => r.unitName,
    },
    {
      key: 'title',
      title: t('activities.titleLabel'),
      sorter: true,
      sortOrder: sortOrder('title'),
      render: (_, r) => (
        <span className="activities-title-cell">
          <Button type="link" className="activities-title-link" onClick={() => setDrawer({ record: r })} data-testid="activity-open">
            {r.title}
          </Button>
          {!kind && <Tag>{t(kindShortKey(r.kind))}</Tag>}
          {r.attachmentCount > 0 && (
            <Typography.Text type="secondary" aria-label={t('activities.attachmentsCount', { count: r.attachmentCount })}>
              <PaperClipOutlined /> {r.attachmentCount}
            </Typography.Text>
          )}
        </span>
      ),
    },
    ...(kind
      ? KIND_COLUMNS[kind].map((c) => ({
          key: c.key,
          title: t(c.label),
          width: c.width,
          align: c.align,
          render: (_: unknown, r: ActivityRecord) => c.render(r, t, fmt),
        }))
      : [
          {
            key: 'summary',
            title: t('activities.details'),
            render: (_: unknown, r: ActivityRecord) => <Typography.Text type="secondary">{summaryOf(r, t, fmt)}</Typography.Text>,
          },
        ]),
  ];

  const pagination = {
    current: page,
    pageSize,
    total,
    showSizeChanger: !isPhone,
    pageSizeOptions: [20, 50, 100],
    showTotal: (n: number) => t('activities.resultCount', { count: n }),
    onChange: setPage,
    size: isPhone ? ('small' as const) : undefined,
  };

  const empty = (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={hasFilters ? t('activities.emptyFiltered') : t(kind ? 'activities.emptyKind' : 'activities.empty')}
      data-testid="activities-empty"
    >
      {!hasFilters && canCreate && (
        <Button type="primary" icon={<PlusOutlined />} onClick={openNew} data-testid="activities-empty-add">
          {t('activities.add')}
        </Button>
      )}
    </Empty>
  );

  const chooser = isPhone ? (
    <Select
      className="activities-kind-select"
      data-testid="activities-kind-select"
      aria-label={t('activities.kindLabel')}
      value={kind ?? ALL}
      onChange={(v) => setFilters({ kind: v === ALL ? undefined : (v as ActivityKind) })}
      options={[{ value: ALL, label: t('activities.allKinds') }, ...ACTIVITY_KINDS.map((k) => ({ value: k, label: t(kindKey(k)) }))]}
    />
  ) : (
    <Tabs
      size="small"
      className="activities-kind-tabs"
      data-testid="activities-kind-tabs"
      activeKey={kind ?? ALL}
      onChange={(v) => setFilters({ kind: v === ALL ? undefined : (v as ActivityKind) })}
      items={[
        { key: ALL, label: <span data-testid="activities-tab-all">{t('activities.allKinds')}</span> },
        ...ACTIVITY_KINDS.map((k) => ({ key: k, label: <span data-testid={`activities-tab-${k}`}>{t(kindShortKey(k))}</span> })),
      ]}
    />
  );

  return (
    <div className="page activities-page" data-testid="activities-page">
      <div className="page-header">
        <div>
          <Typography.Title level={3}>{t('activities.title')}</Typography.Title>
          <Typography.Text type="secondary">{t('activities.subtitle')}</Typography.Text>
        </div>
        <div className="activities-header-actions">
          <Button
            icon={<FileExcelOutlined />}
            onClick={onExport}
            loading={exporter.isPending}
            disabled={!total}
            data-testid="activities-export"
          >
            {exporter.isPending ? t('activities.exporting') : t('common.exportXlsx')}
          </Button>
          {canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={openNew} data-testid="activities-add">
              {t('activities.add')}
            </Button>
          )}
        </div>
      </div>

      {chooser}

      {filters.elementId && (
        <ElementBanner elementId={filters.elementId} unitId={filters.unitId} from={filters.from} to={filters.to} onClear={clear} />
      )}

      <Card size="small" className="activities-filter-card">
        <ActivityFilterBar filters={filters} onChange={setFilters} onClear={clear} hasFilters={hasFilters} />
      </Card>

      {kind === 'welfare' && <WelfareTotals unitId={filters.unitId} from={filters.from} to={filters.to} />}

      {list.isError && (
        <Alert
          type="error"
          showIcon
          title={list.error instanceof ApiError ? list.error.message : t('common.loadFailed')}
          action={<Button onClick={() => list.refetch()}>{t('common.retry')}</Button>}
          style={{ marginBottom: 16 }}
          data-testid="activities-error"
        />
      )}

      {isPhone ? (
        <Spin spinning={list.isFetching && !list.isLoading}>
          <div className="activities-cards" data-testid="activities-cards">
            {list.isLoading ? (
              <>
                <Card size="small">
                  <Skeleton active paragraph={{ rows: 2 }} />
                </Card>
                <Card size="small">
                  <Skeleton active paragraph={{ rows: 2 }} />
                </Card>
              </>
            ) : items.length === 0 ? (
              <Card>{empty}</Card>
            ) : (
              items.map((r) => <ActivityCard key={r.id} record={r} showKind={!kind} onOpen={() => setDrawer({ record: r })} />)
            )}
          </div>
          {total > 0 && <Pagination {...pagination} className="activities-pagination" />}
        </Spin>
      ) : list.isLoading ? (
        <Card>
          <Skeleton active paragraph={{ rows: 6 }} data-testid="activities-loading" />
        </Card>
      ) : (
        <Table<ActivityRecord>
          data-testid="activities-table"
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={items}
          columns={columns}
          locale={{ emptyText: empty }}
          pagination={pagination}
          scroll={{ x: 900 }}
          onRow={(r) => ({ 'data-testid': `activity-row-${r.id}`, 'data-kind': r.kind }) as React.HTMLAttributes<HTMLElement>}
          onChange={(_p, _f, sorter, extra) => {
            if (extra.action !== 'sort') return;
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            const key = s?.columnKey as ActivitySort | undefined;
            if (!s?.order || !key) setFilters({ sort: undefined, order: undefined });
            else setFilters({ sort: key === 'occurredOn' ? undefined : key, order: s.order === 'ascend' ? 'asc' : undefined });
          }}
        />
      )}

      {drawer && (
        <ActivityDrawer
          key={drawer.record?.id ?? `new-${drawer.kind}`}
          record={drawer.record}
          initialKind={drawer.kind}
          writableKinds={writable}
          defaultUnitId={filters.unitId}
          onClose={() => setDrawer(null)}
        />
      )}
    </div>
  );
}

/** The figure a report form linked from: which element, unit and period the list is narrowed to, and a way out. */
function ElementBanner(props: { elementId: string; unitId?: string; from?: string; to?: string; onClear: () => void }) {
  const { t, locale } = useI18n();
  const elements = useDataElements();
  const unit = useOrgUnit(props.unitId);
  const element = elements.data?.items.find((e) => e.id === props.elementId);
  const name = element ? (locale === 'en' ? element.nameEn : element.nameVi) : t('activities.elementUnknown');
  return (
    <Alert
      type="info"
      showIcon
      className="activities-element-banner"
      data-testid="activities-element-banner"
      title={t('activities.elementBanner', { element: name })}
      description={[
        unit.data ? t('activities.elementBannerUnit', { unit: unit.data.shortName }) : null,
        props.from || props.to
          ? t('activities.elementBannerPeriod', { from: formatDate(props.from ?? null) || '…', to: formatDate(props.to ?? null) || '…' })
          : null,
      ]
        .filter(Boolean)
        .join(' · ')}
      action={
        <Button size="small" icon={<ClearOutlined />} onClick={props.onClear} data-testid="activities-element-clear">
          {t('activities.clearFilters')}
        </Button>
      }
    />
  );
}

function ActivityCard({ record: r, showKind, onOpen }: { record: ActivityRecord; showKind: boolean; onOpen: () => void }) {
  const { t } = useI18n();
  const fmt = useFormat();
  return (
    <Card
      size="small"
      className="activities-card"
      hoverable
      onClick={onOpen}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onOpen();
      }}
      tabIndex={0}
      role="button"
      aria-label={r.title}
      data-testid="activity-card"
      data-kind={r.kind}
    >
      <div className="activities-card-head">
        <Typography.Text strong className="activities-card-title">
          {r.title}
        </Typography.Text>
        <span className="activities-mono">{formatDate(r.occurredOn)}</span>
      </div>
      <div className="activities-card-unit">
        {showKind && <Tag>{t(kindShortKey(r.kind))}</Tag>}
        {r.unitName}
      </div>
      <dl className="activities-card-fields">
        {KIND_COLUMNS[r.kind].map((c) => {
          const value = c.render(r, t, fmt);
          if (value === '' || value === null || value === '–') return null;
          return (
            <Fragment key={c.key}>
              <dt>{t(c.label)}</dt>
              <dd>{value}</dd>
            </Fragment>
          );
        })}
        {r.attachmentCount > 0 && (
          <>
            <dt>
              <PaperClipOutlined />
            </dt>
            <dd>{t('activities.attachmentsCount', { count: r.attachmentCount })}</dd>
          </>
        )}
      </dl>
    </Card>
  );
}
