import { Alert, App, Button, Card, Descriptions, Empty, List, Popconfirm, Result, Skeleton, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined, KeyOutlined, PlusOutlined, StopOutlined, CheckCircleOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../app/i18n';
import { ApiError } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/dates';
import { useMe } from '../auth/use-me';
import { useDeleteAssignment, useDisableUser, useEnableUser, useUser, type RoleAssignment, type User } from './api';
import { AddAssignmentModal, EditUserModal, EndAssignmentModal, ResetPasswordModal } from './user-dialogs';
import { useIsPhone } from '../../lib/responsive';
import { AssignmentStateTag, UserStatusTag, assignmentState, roleKey } from './user-labels';
import './users.css';

/** Trang người dùng: details, account status, password reset and role assignments. */
export function UserPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const user = useUser(id);
  if (user.isLoading) return <Skeleton active className="page" />;
  if (user.isError || !user.data) {
    const notFound = user.error instanceof ApiError && user.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('users.notFound') : t('common.loadFailed')}
        subTitle={user.error instanceof ApiError && !notFound ? user.error.message : undefined}
        extra={
          <Link to="/users">
            <Button>{t('users.backToList')}</Button>
          </Link>
        }
      />
    );
  }
  return <UserView user={user.data} />;
}

function UserView({ user }: { user: User }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const me = useMe();
  const isSelf = me.data?.user.id === user.id;
  const [editing, setEditing] = useState(false);
  const [resetting, setResetting] = useState(false);
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<RoleAssignment | null>(null);
  const disable = useDisableUser(user.id);
  const enable = useEnableUser(user.id);

  const confirmStatus = () => {
    const toDisable = !user.disabled;
    modal.confirm({
      title: t(toDisable ? 'users.disableConfirmTitle' : 'users.enableConfirmTitle', { username: user.username }),
      content: t(toDisable ? 'users.disableConfirmText' : 'users.enableConfirmText'),
      okText: t(toDisable ? 'users.disable' : 'users.enable'),
      okButtonProps: { danger: toDisable, 'data-testid': 'user-status-confirm' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await (toDisable ? disable : enable).mutateAsync(undefined);
          message.success(t(toDisable ? 'users.disabled' : 'users.enabled'));
        } catch (e) {
          message.error(e instanceof ApiError ? e.message : t('common.loadFailed'));
        }
      },
    });
  };

  return (
    <div className="page user-page" data-testid="user-page">
      <Link to="/users" className="user-back">
        <ArrowLeftOutlined /> {t('users.backToList')}
      </Link>
      <div className="user-header">
        <Typography.Title level={3} data-testid="user-title">
          {user.fullName}
        </Typography.Title>
        <UserStatusTag disabled={user.disabled} />
        {isSelf && <Tag color="blue">{t('users.you')}</Tag>}
      </div>

      <div className="user-grid">
        <Card
          title={t('users.details')}
          extra={
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="user-edit">
              {t('common.edit')}
            </Button>
          }
        >
          <Descriptions column={1} size="small" data-testid="user-details">
            <Descriptions.Item label={t('users.username')}>
              <Typography.Text code>{user.username}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('users.fullName')}>{user.fullName}</Descriptions.Item>
            <Descriptions.Item label={t('users.email')}>{user.email ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('users.locale')}>
              {t(user.locale === 'en' ? 'common.english' : 'common.vietnamese')}
            </Descriptions.Item>
            <Descriptions.Item label={t('users.createdAt')}>{formatDateTime(user.createdAt)}</Descriptions.Item>
          </Descriptions>
        </Card>

        <Card title={t('users.account')}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('common.status')}>
              <UserStatusTag disabled={user.disabled} />
            </Descriptions.Item>
          </Descriptions>
          {isSelf && !user.disabled && <Alert type="info" showIcon title={t('users.cannotDisableSelf')} style={{ margin: '12px 0' }} />}
          <div className="user-account-actions" style={{ marginTop: 12 }}>
            <Button
              danger={!user.disabled}
              icon={user.disabled ? <CheckCircleOutlined /> : <StopOutlined />}
              disabled={isSelf && !user.disabled}
              onClick={confirmStatus}
              loading={disable.isPending || enable.isPending}
              data-testid={user.disabled ? 'user-enable' : 'user-disable'}
            >
              {t(user.disabled ? 'users.enable' : 'users.disable')}
            </Button>
            <Button icon={<KeyOutlined />} onClick={() => setResetting(true)} data-testid="user-reset-password">
              {t('users.resetPassword')}
            </Button>
          </div>
        </Card>

        <Card
          className="user-grid-wide"
          title={t('users.assignments')}
          extra={
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="assignment-add">
              {t('users.addAssignment')}
            </Button>
          }
        >
          <Typography.Paragraph type="secondary">{t('users.assignmentsHint')}</Typography.Paragraph>
          <AssignmentsTable user={user} onEnd={setEnding} />
        </Card>
      </div>

      <EditUserModal user={user} open={editing} onClose={() => setEditing(false)} />
      <ResetPasswordModal user={user} open={resetting} onClose={() => setResetting(false)} />
      <AddAssignmentModal user={user} open={adding} onClose={() => setAdding(false)} />
      <EndAssignmentModal user={user} assignment={ending} onClose={() => setEnding(null)} />
    </div>
  );
}

function AssignmentsTable({ user, onEnd }: { user: User; onEnd: (a: RoleAssignment) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const remove = useDeleteAssignment(user.id);
  const empty = <Empty description={t('users.noAssignments')} data-testid="assignments-empty" />;

  const actions = (a: RoleAssignment) => (
    <span className="user-assignment-actions">
      {assignmentState(a) !== 'ended' && (
        <Button size="small" onClick={() => onEnd(a)} data-testid="assignment-end">
          {t('users.endAssignment')}
        </Button>
      )}
      <Popconfirm
        title={t('users.deleteAssignmentTitle')}
        description={<div style={{ maxWidth: 280 }}>{t('users.deleteAssignmentText')}</div>}
        okText={t('common.delete')}
        okButtonProps={{ danger: true, 'data-testid': 'assignment-delete-confirm' }}
        cancelText={t('common.cancel')}
        onConfirm={() =>
          remove.mutateAsync(a.id).then(
            () => message.success(t('users.assignmentDeleted')),
            (e: unknown) => message.error(e instanceof ApiError ? e.message : t('common.loadFailed')),
          )
        }
      >
        <Button size="small" danger data-testid="assignment-delete">
          {t('users.deleteAssignment')}
        </Button>
      </Popconfirm>
    </span>
  );

  if (isPhone) {
    return (
      <List
        dataSource={user.assignments}
        locale={{ emptyText: empty }}
        data-testid="assignments-list"
        renderItem={(a) => (
          <Card size="small" className="user-assignment-card" data-testid="assignment-row">
            <div className="user-assignment-head">
              <Typography.Text strong>{t(roleKey(a.role))}</Typography.Text>
              <AssignmentStateTag assignment={a} />
            </div>
            <div>
              {a.unitName} <Typography.Text type="secondary">({a.unitCode})</Typography.Text>
            </div>
            <div className="user-assignment-meta">
              {formatDate(a.validFrom)} – {a.validTo ? formatDate(a.validTo) : t('users.openEnded')}
              {' · '}
              {t('users.includesSubtree')}: {t(a.includesSubtree ? 'users.subtreeYes' : 'users.subtreeNo')}
            </div>
            {actions(a)}
          </Card>
        )}
      />
    );
  }

  const columns: ColumnsType<RoleAssignment> = [
    { key: 'role', title: t('users.role'), render: (_, a) => t(roleKey(a.role)) },
    {
      key: 'unit',
      title: t('users.unit'),
      render: (_, a) => (
        <>
          {a.unitName} <Typography.Text type="secondary">({a.unitCode})</Typography.Text>
        </>
      ),
    },
    {
      key: 'subtree',
      title: t('users.includesSubtree'),
      width: 150,
      render: (_, a) => t(a.includesSubtree ? 'users.subtreeYes' : 'users.subtreeNo'),
    },
    { key: 'from', title: t('users.validFrom'), width: 120, render: (_, a) => formatDate(a.validFrom) },
    { key: 'to', title: t('users.validTo'), width: 130, render: (_, a) => (a.validTo ? formatDate(a.validTo) : t('users.openEnded')) },
    { key: 'state', title: t('users.assignmentStatus'), width: 140, render: (_, a) => <AssignmentStateTag assignment={a} /> },
    { key: 'actions', title: t('common.actions'), width: 170, render: (_, a) => actions(a) },
  ];
  return (
    <Table<RoleAssignment>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={user.assignments}
      pagination={false}
      locale={{ emptyText: empty }}
      scroll={{ x: 900 }}
      onRow={() => ({ 'data-testid': 'assignment-row' }) as React.HTMLAttributes<HTMLElement>}
      data-testid="assignments-table"
    />
  );
}
