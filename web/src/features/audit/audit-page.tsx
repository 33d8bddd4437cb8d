import { Alert, App, Button, Card, Empty, Pagination, Spin, Table, Tag, Typography } from 'antd';
import { DownOutlined, FileExcelOutlined, UpOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n';
import { ApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import { useAuditEntries, useExportAudit, type AuditEntry } from './api';
import { AuditDiff } from './audit-diff';
import { AuditFilterBar } from './audit-filters';
import { actionColor, actionLabel, entityHref, entityTypeLabel } from './labels';
import { useAuditParams } from './use-audit-params';
import './audit.css';
import { useIsPhone } from '../../lib/responsive';

/** UUIDs are long: show their first block (the full id is in the tooltip and the copy button). */
const shortId = (id: string) => (/^[0-9a-f]{8}-[0-9a-f-]{27}$/i.test(id) ? `${id.slice(0, 8)}…` : id);

const hasChanges = (e: AuditEntry) => e.before != null || e.after != null;

/** Nhật ký hệ thống: who did what, when, in the caller's scope. */
export function AuditPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const { filters, page, pageSize, setFilters, setPage, clear, hasFilters } = useAuditParams();
  const list = useAuditEntries(filters, page, pageSize);
  const exporter = useExportAudit();

  const onExport = () =>
    exporter.mutate(filters, {
      onSuccess: () => message.success(t('audit.exportDone')),
      onError: (e) => message.error(e instanceof ApiError ? e.message : t('common.loadFailed')),
    });

  const user = (e: AuditEntry) =>
    e.userId ? (
      <span className="audit-user">
        <span>{e.userFullName ?? e.userId}</span>
        {e.username && <Typography.Text type="secondary">{e.username}</Typography.Text>}
      </span>
    ) : (
      <Typography.Text type="secondary" italic>
        {t('audit.system')}
      </Typography.Text>
    );
  const action = (e: AuditEntry) => (
    <Tag color={actionColor(e.action)} title={e.action} className="audit-action">
      {actionLabel(t, e.action)}
    </Tag>
  );
  // The object's name as it was when logged, linking to its page; the id only when there is no name.
  const entity = (e: AuditEntry) => {
    const href = entityHref(e);
    return (
      <span className="audit-entity">
        <span>{entityTypeLabel(t, e.entityType)}</span>
        {e.entityLabel &&
          (href ? (
            <Link to={href} className="audit-entity-link" title={e.entityId ?? undefined} data-testid="audit-entity-link">
              {e.entityLabel}
            </Link>
          ) : (
            <Typography.Text strong title={e.entityId ?? undefined}>
              {e.entityLabel}
            </Typography.Text>
          ))}
        {e.entityId && !e.entityLabel && (
          <Typography.Text type="secondary" className="audit-entity-id" copyable={{ text: e.entityId }} title={e.entityId}>
            {shortId(e.entityId)}
          </Typography.Text>
        )}
      </span>
    );
  };
  const unit = (e: AuditEntry) =>
    e.unitId ? (
      <span className="audit-unit">
        <span>{e.unitName ?? e.unitId}</span>
        {e.unitCode && <Typography.Text type="secondary">{e.unitCode}</Typography.Text>}
      </span>
    ) : null;

  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  // A page past the end (old link, entries filtered away): go to the last page.
  const pastEnd = Boolean(list.data) && !list.isFetching && items.length === 0 && total > 0 && page > 1;
  useEffect(() => {
    if (pastEnd) setPage(Math.ceil(total / pageSize), pageSize);
  }, [pastEnd, total, pageSize, setPage]);
  const pagination = {
    current: page,
    pageSize,
    total,
    showSizeChanger: !isPhone,
    pageSizeOptions: [20, 50, 100],
    showTotal: (n: number) => t('audit.resultCount', { count: n }),
    onChange: setPage,
    size: isPhone ? ('small' as const) : undefined,
  };
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.empty')} />;

  return (
    <div className="page audit-page" data-testid="audit-page">
      <div className="page-header">
        <div>
          <Typography.Title level={3}>{t('audit.title')}</Typography.Title>
          <Typography.Text type="secondary">{t('audit.subtitle')}</Typography.Text>
        </div>
        <Button icon={<FileExcelOutlined />} onClick={onExport} loading={exporter.isPending} disabled={!total} data-testid="audit-export">
          {exporter.isPending ? t('audit.exporting') : t('audit.exportXlsx')}
        </Button>
      </div>

      <Card size="small" className="audit-filter-card">
        <AuditFilterBar filters={filters} onChange={setFilters} onClear={clear} hasFilters={hasFilters} />
      </Card>

      {list.isError && (
        <Alert
          type="error"
          showIcon
          title={list.error instanceof ApiError ? list.error.message : t('common.loadFailed')}
          action={<Button onClick={() => list.refetch()}>{t('common.retry')}</Button>}
          style={{ marginBottom: 16 }}
          data-testid="audit-error"
        />
      )}

      {isPhone ? (
        <Spin spinning={list.isFetching}>
          <div className="audit-cards" data-testid="audit-cards">
            {list.isLoading ? (
              <Card loading />
            ) : items.length === 0 ? (
              <Card>{empty}</Card>
            ) : (
              items.map((e) => <AuditCard key={e.id} entry={e} user={user(e)} action={action(e)} entity={entity(e)} unit={unit(e)} />)
            )}
          </div>
          {total > 0 && <Pagination {...pagination} className="audit-pagination" />}
        </Spin>
      ) : (
        <Table<AuditEntry>
          data-testid="audit-table"
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={items}
          locale={{ emptyText: list.isLoading ? ' ' : empty }}
          pagination={pagination}
          scroll={{ x: 900 }}
          onRow={(e) => ({ 'data-testid': `audit-row-${e.id}` }) as React.HTMLAttributes<HTMLElement>}
          expandable={{
            rowExpandable: hasChanges,
            expandedRowRender: (e) => <AuditDiff before={e.before} after={e.after} />,
          }}
          columns={[
            {
              key: 'at',
              title: t('audit.colTime'),
              width: 150,
              render: (_, e) => <span className="audit-time">{formatDateTime(e.at)}</span>,
            },
            { key: 'user', title: t('audit.colUser'), width: 200, render: (_, e) => user(e) },
            { key: 'action', title: t('audit.colAction'), width: 200, render: (_, e) => action(e) },
            { key: 'entity', title: t('audit.colEntity'), render: (_, e) => entity(e) },
            { key: 'unit', title: t('audit.colUnit'), width: 240, render: (_, e) => unit(e) },
          ]}
        />
      )}
    </div>
  );
}

function AuditCard(props: {
  entry: AuditEntry;
  user: React.ReactNode;
  action: React.ReactNode;
  entity: React.ReactNode;
  unit: React.ReactNode;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const e = props.entry;
  return (
    <Card size="small" className="audit-card" data-testid={`audit-card-${e.id}`}>
      <div className="audit-card-head">
        {props.action}
        <Typography.Text type="secondary" className="audit-time">
          {formatDateTime(e.at)}
        </Typography.Text>
      </div>
      <dl className="audit-card-fields">
        <dt>{t('audit.colUser')}</dt>
        <dd>{props.user}</dd>
        <dt>{t('audit.colEntity')}</dt>
        <dd>{props.entity}</dd>
        {e.unitId && (
          <>
            <dt>{t('audit.colUnit')}</dt>
            <dd>{props.unit}</dd>
          </>
        )}
      </dl>
      {hasChanges(e) && (
        <>
          <Button
            type="link"
            size="small"
            className="audit-card-toggle"
            onClick={() => setOpen(!open)}
            icon={open ? <UpOutlined /> : <DownOutlined />}
          >
            {open ? t('audit.hideChanges') : t('audit.showChanges')}
          </Button>
          {open && <AuditDiff before={e.before} after={e.after} />}
        </>
      )}
    </Card>
  );
}
