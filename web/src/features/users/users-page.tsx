import { Alert, Button, Card, Empty, Input, List, Pagination, Select, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ROLES, type Role } from '../../../../common/enums';
import { LIMITS } from '../../../../common/limits';
import { useI18n } from '../../app/i18n';
import { formatDateTime } from '../../lib/dates';
import { useUsers, type User, type UserListParams, type UserSort } from './api';
import { UserCreateDrawer } from './user-create-drawer';
import { useIsPhone } from '../../lib/responsive';
import { RoleTags, UserStatusTag, roleKey } from './user-labels';
import './users.css';

const SORTS: UserSort[] = ['username', 'fullName', 'createdAt'];
const SORT_LABEL = { username: 'users.sortUsername', fullName: 'users.sortFullName', createdAt: 'users.sortCreatedAt' } as const;

/** Reads the list's filters from the address bar, so Back returns to the same view. */
function useListParams(): [UserListParams, (patch: Partial<UserListParams>) => void] {
  const [search, setSearch] = useSearchParams();
  const sort = search.get('sort');
  const params: UserListParams = {
    q: search.get('q') ?? undefined,
    role: (ROLES as readonly string[]).includes(search.get('role') ?? '') ? (search.get('role') as Role) : undefined,
    status:
      search.get('status') === 'active' || search.get('status') === 'disabled'
        ? (search.get('status') as 'active' | 'disabled')
        : undefined,
    page: Math.max(1, Number(search.get('page')) || 1),
    pageSize: Math.min(LIMITS.pageSizeMax, Number(search.get('pageSize')) || LIMITS.pageSizeDefault),
    sort: SORTS.includes(sort as UserSort) ? (sort as UserSort) : 'username',
    order: search.get('order') === 'desc' ? 'desc' : 'asc',
  };
  const update = (patch: Partial<UserListParams>) => {
    const next = { ...params, page: 1, ...patch };
    const out = new URLSearchParams();
    if (next.q) out.set('q', next.q);
    if (next.role) out.set('role', next.role);
    if (next.status) out.set('status', next.status);
    if (next.page > 1) out.set('page', String(next.page));
    if (next.pageSize !== LIMITS.pageSizeDefault) out.set('pageSize', String(next.pageSize));
    if (next.sort !== 'username') out.set('sort', next.sort);
    if (next.order !== 'asc') out.set('order', next.order);
    setSearch(out, { replace: true });
  };
  return [params, update];
}

/** Người dùng: the accounts, with search, filters, sort and server-side pages. */
export function UsersPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const [params, update] = useListParams();
  const [creating, setCreating] = useState(false);
  const list = useUsers(params);
  const data = list.data;

  const columns: ColumnsType<User> = [
    {
      key: 'username',
      title: t('users.username'),
      dataIndex: 'username',
      sorter: true,
      sortOrder: params.sort === 'username' ? (params.order === 'asc' ? 'ascend' : 'descend') : null,
      render: (v: string, u) => (
        <Link to={`/users/${u.id}`} data-testid="user-link">
          {v}
        </Link>
      ),
    },
    {
      key: 'fullName',
      title: t('users.fullName'),
      dataIndex: 'fullName',
      sorter: true,
      sortOrder: params.sort === 'fullName' ? (params.order === 'asc' ? 'ascend' : 'descend') : null,
    },
    { key: 'email', title: t('users.email'), dataIndex: 'email', responsive: ['lg'], render: (v: string | null) => v ?? '' },
    { key: 'roles', title: t('users.roles'), render: (_, u) => <RoleTags assignments={u.assignments} /> },
    { key: 'status', title: t('common.status'), width: 150, render: (_, u) => <UserStatusTag disabled={u.disabled} /> },
    {
      key: 'createdAt',
      title: t('users.createdAt'),
      dataIndex: 'createdAt',
      width: 150,
      sorter: true,
      responsive: ['lg'],
      sortOrder: params.sort === 'createdAt' ? (params.order === 'asc' ? 'ascend' : 'descend') : null,
      render: (v: string) => formatDateTime(v),
    },
  ];

  const empty = <Empty description={t('users.empty')} data-testid="users-empty" />;

  return (
    <div className="page users-page" data-testid="users-page">
      <div className="page-header">
        <div>
          <Typography.Title level={3}>{t('users.title')}</Typography.Title>
          <Typography.Text type="secondary">{t('users.subtitle')}</Typography.Text>
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="users-add">
          {t('users.add')}
        </Button>
      </div>

      <Card size={isPhone ? 'small' : 'default'}>
        <div className="users-toolbar">
          <Input.Search
            className="users-search"
            allowClear
            defaultValue={params.q}
            placeholder={t('users.searchPlaceholder')}
            aria-label={t('common.search')}
            onSearch={(q) => update({ q: q.trim() || undefined })}
            data-testid="users-search"
          />
          <Select
            className="users-filter"
            allowClear
            value={params.role}
            placeholder={t('users.allRoles')}
            aria-label={t('users.filterRole')}
            onChange={(role?: Role) => update({ role })}
            options={ROLES.map((r) => ({ value: r, label: t(roleKey(r)) }))}
            data-testid="users-filter-role"
          />
          <Select
            className="users-filter"
            allowClear
            value={params.status}
            placeholder={t('users.allStatuses')}
            aria-label={t('users.filterStatus')}
            onChange={(status?: 'active' | 'disabled') => update({ status })}
            options={[
              { value: 'active', label: t('users.statusActive') },
              { value: 'disabled', label: t('users.statusDisabled') },
            ]}
            data-testid="users-filter-status"
          />
          {isPhone && (
            <Space.Compact className="users-sort">
              <Select
                value={params.sort}
                aria-label={t('users.sortBy')}
                onChange={(sort: UserSort) => update({ sort })}
                options={SORTS.map((s) => ({ value: s, label: t(SORT_LABEL[s]) }))}
                style={{ flex: 1 }}
                data-testid="users-sort"
              />
              <Select
                value={params.order}
                onChange={(order: 'asc' | 'desc') => update({ order })}
                options={[
                  { value: 'asc', label: t('users.orderAsc') },
                  { value: 'desc', label: t('users.orderDesc') },
                ]}
                style={{ flex: 1 }}
                data-testid="users-order"
              />
            </Space.Compact>
          )}
        </div>

        {list.isError && (
          <Alert
            type="error"
            showIcon
            title={t('common.loadFailed')}
            action={<Button onClick={() => list.refetch()}>{t('common.retry')}</Button>}
            style={{ marginBottom: 12 }}
          />
        )}

        {isPhone ? (
          <>
            <List
              loading={list.isLoading || (list.isFetching && list.isPlaceholderData)}
              dataSource={data?.items ?? []}
              locale={{ emptyText: empty }}
              data-testid="users-list"
              renderItem={(u) => (
                <Card size="small" className="users-card" hoverable onClick={() => navigate(`/users/${u.id}`)} data-testid="user-card">
                  <div className="users-card-head">
                    <Typography.Text strong className="users-card-name">
                      {u.fullName}
                    </Typography.Text>
                    <UserStatusTag disabled={u.disabled} />
                  </div>
                  <Typography.Text type="secondary">{u.username}</Typography.Text>
                  <div className="users-card-roles">
                    <RoleTags assignments={u.assignments} max={2} />
                  </div>
                </Card>
              )}
            />
            {data && data.total > 0 && (
              <Pagination
                className="users-pagination"
                size="small"
                current={params.page}
                pageSize={params.pageSize}
                total={data.total}
                showSizeChanger={false}
                showTotal={(total) => t('common.total', { count: total })}
                onChange={(page) => update({ page })}
              />
            )}
          </>
        ) : (
          <Table<User>
            rowKey="id"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={list.isLoading || (list.isFetching && list.isPlaceholderData)}
            locale={{ emptyText: empty }}
            scroll={{ x: 900 }}
            data-testid="users-table"
            onRow={(u) => ({ 'data-testid': `user-row-${u.username}` }) as React.HTMLAttributes<HTMLElement>}
            pagination={{
              current: params.page,
              pageSize: params.pageSize,
              total: data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [10, 20, 50, 100],
              showTotal: (total) => t('common.total', { count: total }),
            }}
            onChange={(pagination, _filters, sorter, extra) => {
              if (extra.action === 'sort') {
                const s = Array.isArray(sorter) ? sorter[0] : sorter;
                const key = s?.columnKey as UserSort | undefined;
                if (!s?.order || !key) update({ sort: 'username', order: 'asc' });
                else update({ sort: key, order: s.order === 'descend' ? 'desc' : 'asc' });
              } else {
                update({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? params.pageSize });
              }
            }}
          />
        )}
      </Card>

      <UserCreateDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(u) => {
          setCreating(false);
          navigate(`/users/${u.id}`);
        }}
      />
    </div>
  );
}
