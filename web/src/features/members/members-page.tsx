import { Alert, App, Badge, Button, Card, Empty, Pagination, Space, Spin, Table, Tabs, Typography } from 'antd';
import { FileExcelOutlined, ImportOutlined, UserAddOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { MemberSort } from '../../../../common/members';
import { useI18n } from '../../app/i18n';
import { ApiError } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { useFormat } from '../../lib/format';
import { useIsPhone } from '../../lib/responsive';
import { useCan } from '../auth/use-me';
import { AdmitMemberDrawer } from './admit-drawer';
import { useExportMembers, useMembers, useMemberStats, usePendingTransfers, type MemberListItem } from './api';
import { formatBirthDate, genderKey, MemberStatusTag, positionKey } from './labels';
import { MemberFilterBar } from './member-filters';
import { PendingTransfers } from './pending-transfers';
import { useMemberParams } from './use-member-params';
import './members.css';

/** Sổ đoàn viên: the members of the units in scope, with search, filters, sort and server-side pages. */
export function MembersPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const canManage = useCan('manageMembers');
  const { filters, page, pageSize, tab, setFilters, setPage, setTab, clear, hasFilters } = useMemberParams();
  const list = useMembers(filters, page, pageSize);
  const transfers = usePendingTransfers();
  const exporter = useExportMembers();
  const [admitting, setAdmitting] = useState(false);

  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  // A page past the end (old link, members filtered away): go to the last page.
  const pastEnd = Boolean(list.data) && !list.isFetching && items.length === 0 && total > 0 && page > 1;
  useEffect(() => {
    if (pastEnd) setPage(Math.ceil(total / pageSize), pageSize);
  }, [pastEnd, total, pageSize, setPage]);

  const onExport = () =>
    exporter.mutate(filters, {
      onSuccess: () => message.success(t('members.exportDone')),
      onError: (e) => message.error(e instanceof ApiError ? e.message : t('common.loadFailed')),
    });

  const sortOrder = (key: MemberSort) =>
    (filters.sort ?? 'name') === key ? (filters.order === 'desc' ? ('descend' as const) : ('ascend' as const)) : null;

  const columns: ColumnsType<MemberListItem> = [
    {
      key: 'name',
      title: t('members.fullName'),
      width: 210,
      sorter: true,
      sortOrder: sortOrder('name'),
      render: (_, m) => (
        <span className="members-unit">
          <Link to={`/members/${m.id}`} data-testid="member-link" className="members-name">
            {m.fullName}
          </Link>
          {m.unionPosition !== 'member' && <Typography.Text type="secondary">{t(positionKey(m.unionPosition))}</Typography.Text>}
        </span>
      ),
    },
    {
      key: 'birthDate',
      title: t('members.birthDate'),
      width: 120,
      sorter: true,
      sortOrder: sortOrder('birthDate'),
      render: (_, m) => (
        <span className="members-unit">
          <span className="members-mono">{formatBirthDate(m.birthDate)}</span>
          <Typography.Text type="secondary">{t(genderKey(m.gender))}</Typography.Text>
        </span>
      ),
    },
    {
      key: 'citizenId',
      title: t('members.citizenIdShort'),
      width: 125,
      responsive: ['lg'],
      render: (_, m) => <span className="members-mono">{m.citizenId ?? ''}</span>,
    },
    {
      key: 'unit',
      title: t('members.unit'),
      sorter: true,
      sortOrder: sortOrder('unit'),
      render: (_, m) => (
        <span className="members-unit">
          <span>{m.unitName}</span>
          <Typography.Text type="secondary">{m.unitCode}</Typography.Text>
        </span>
      ),
    },
    {
      key: 'cardNumber',
      title: t('members.cardNumberShort'),
      width: 110,
      sorter: true,
      sortOrder: sortOrder('cardNumber'),
      responsive: ['xl'],
      render: (_, m) => <span className="members-mono">{m.cardNumber ?? ''}</span>,
    },
    {
      key: 'admittedOn',
      title: t('members.admittedOn'),
      width: 115,
      sorter: true,
      sortOrder: sortOrder('admittedOn'),
      render: (_, m) => formatDate(m.admittedOn),
    },
    {
      key: 'status',
      title: t('common.status'),
      width: 135,
      render: (_, m) => <MemberStatusTag status={m.status} pendingTransfer={m.pendingTransfer} />,
    },
  ];

  const pagination = {
    current: page,
    pageSize,
    total,
    showSizeChanger: !isPhone,
    pageSizeOptions: [20, 50, 100],
    showTotal: (n: number) => t('members.resultCount', { count: n }),
    onChange: setPage,
    size: isPhone ? ('small' as const) : undefined,
  };
  const empty = (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={hasFilters ? t('members.emptyFiltered') : t('members.empty')}
      data-testid="members-empty"
    >
      {!hasFilters && canManage && (
        <Space wrap>
          <Button type="primary" icon={<UserAddOutlined />} onClick={() => setAdmitting(true)}>
            {t('members.admit')}
          </Button>
          <Button icon={<ImportOutlined />} onClick={() => navigate('/members/import')}>
            {t('members.import')}
          </Button>
        </Space>
      )}
    </Empty>
  );
  const pendingCount = transfers.data?.items.length ?? 0;

  const listView = (
    <>
      <Card size="small" className="members-filter-card">
        <MemberFilterBar filters={filters} onChange={setFilters} onClear={clear} hasFilters={hasFilters} />
      </Card>
      {list.isError && (
        <Alert
          type="error"
          showIcon
          title={list.error instanceof ApiError ? list.error.message : t('common.loadFailed')}
          action={<Button onClick={() => list.refetch()}>{t('common.retry')}</Button>}
          style={{ marginBottom: 16 }}
          data-testid="members-error"
        />
      )}
      {isPhone ? (
        <Spin spinning={list.isFetching && !list.isLoading}>
          <div className="members-cards" data-testid="members-cards">
            {list.isLoading ? (
              <Card loading />
            ) : items.length === 0 ? (
              <Card>{empty}</Card>
            ) : (
              items.map((m) => <MemberCard key={m.id} member={m} onOpen={() => navigate(`/members/${m.id}`)} />)
            )}
          </div>
          {total > 0 && <Pagination {...pagination} className="members-pagination" />}
        </Spin>
      ) : (
        <Table<MemberListItem>
          data-testid="members-table"
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={items}
          columns={columns}
          locale={{ emptyText: list.isLoading ? ' ' : empty }}
          pagination={pagination}
          scroll={{ x: 960 }}
          onRow={(m) => ({ 'data-testid': `member-row-${m.id}` }) as React.HTMLAttributes<HTMLElement>}
          onChange={(_p, _f, sorter, extra) => {
            if (extra.action !== 'sort') return;
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            const key = s?.columnKey as MemberSort | undefined;
            if (!s?.order || !key) setFilters({ sort: undefined, order: undefined });
            else setFilters({ sort: key === 'name' ? undefined : key, order: s.order === 'descend' ? 'desc' : undefined });
          }}
        />
      )}
    </>
  );

  return (
    <div className="page members-page" data-testid="members-page">
      <div className="page-header">
        <div>
          <Typography.Title level={3}>{t('members.title')}</Typography.Title>
          <Typography.Text type="secondary">{t('members.subtitle')}</Typography.Text>
          <GenderSummary unitId={filters.unitId} />
        </div>
        <div className="members-header-actions">
          <Button
            icon={<FileExcelOutlined />}
            onClick={onExport}
            loading={exporter.isPending}
            disabled={!total}
            data-testid="members-export"
          >
            {exporter.isPending ? t('members.exporting') : t('common.exportXlsx')}
          </Button>
          {canManage && (
            <Button icon={<ImportOutlined />} onClick={() => navigate('/members/import')} data-testid="members-import">
              {t('members.import')}
            </Button>
          )}
          {canManage && (
            <Button type="primary" icon={<UserAddOutlined />} onClick={() => setAdmitting(true)} data-testid="members-admit">
              {t('members.admit')}
            </Button>
          )}
        </div>
      </div>

      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k === 'transfers' ? 'transfers' : 'list')}
        items={[
          { key: 'list', label: t('members.tabList'), children: listView },
          {
            key: 'transfers',
            label: (
              <span data-testid="members-tab-transfers">
                {t(isPhone ? 'members.tabTransfersShort' : 'members.tabTransfers')}{' '}
                {pendingCount > 0 && <Badge count={pendingCount} size="small" color="#faad14" />}
              </span>
            ),
            children: <PendingTransfers query={transfers} />,
          },
        ]}
      />

      {canManage && (
        <AdmitMemberDrawer
          open={admitting}
          onClose={() => setAdmitting(false)}
          onAdmitted={(m) => {
            setAdmitting(false);
            navigate(`/members/${m.id}`);
          }}
        />
      )}
    </div>
  );
}

function MemberCard({ member: m, onOpen }: { member: MemberListItem; onOpen: () => void }) {
  const { t } = useI18n();
  return (
    <Card
      size="small"
      className="members-card"
      hoverable
      onClick={onOpen}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onOpen();
      }}
      tabIndex={0}
      role="link"
      aria-label={m.fullName}
      data-testid="member-card"
    >
      <div className="members-card-head">
        <Typography.Text strong className="members-card-name">
          {m.fullName}
        </Typography.Text>
        <MemberStatusTag status={m.status} pendingTransfer={m.pendingTransfer} />
      </div>
      <div className="members-card-unit">{m.unitName}</div>
      <dl className="members-card-fields">
        <dt>{t('members.birthDate')}</dt>
        <dd>
          {formatBirthDate(m.birthDate)} · {t(genderKey(m.gender))}
        </dd>
        <dt>{t('members.admittedOn')}</dt>
        <dd>{formatDate(m.admittedOn)}</dd>
        {m.citizenId && (
          <>
            <dt>{t('members.citizenIdShort')}</dt>
            <dd className="members-mono">{m.citizenId}</dd>
          </>
        )}
        {m.cardNumber && (
          <>
            <dt>{t('members.cardNumber')}</dt>
            <dd className="members-mono">{m.cardNumber}</dd>
          </>
        )}
      </dl>
    </Card>
  );
}

/**
 * Active members of the scope (or of the filtered unit and its subtree) and the
 * women among them, for women's affairs: "Đang sinh hoạt: 1.165 · Nữ: 532 (45,7%)".
 */
function GenderSummary({ unitId }: { unitId: string | undefined }) {
  const { t } = useI18n();
  const fmt = useFormat();
  const stats = useMemberStats(unitId);
  const s = stats.data;
  if (!s) return null;
  return (
    <div className="members-gender-summary" data-testid="members-gender-summary">
      {t('members.summaryActive', { count: fmt.number(s.active) })}
      {s.femaleShare !== null &&
        ` · ${t('members.summaryFemale', { count: fmt.number(s.activeFemale), share: fmt.percent(s.femaleShare, { fractionDigits: 1 }) })}`}
    </div>
  );
}
