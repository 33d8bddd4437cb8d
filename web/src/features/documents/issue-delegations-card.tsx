// Ủy quyền ban hành văn bản, on the unit page: who may issue the unit's
// documents besides its leaders. Everyone who reads the unit sees the list; the
// leader of the unit itself (the server says so: canManage) grants and revokes.
import { App, Alert, Button, Card, DatePicker, Empty, Form, List, Modal, Popconfirm, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { PlusOutlined, StopOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { IssueDelegationState } from '../../../../common/api/documents';
import { useI18n } from '../../app/i18n';
import { DATE_FORMAT, formatDate, todayDayjs, toIsoDate } from '../../lib/dates';
import { applyApiError } from '../../lib/form-errors';
import { useFormatRange } from '../units/unit-labels';
import {
  useGrantIssueDelegation,
  useIssueDelegations,
  useRevokeIssueDelegation,
  type IssueDelegation,
  type IssueDelegationList,
} from './api';

const STATE_COLORS: Record<IssueDelegationState, string> = { active: 'green', upcoming: 'blue', ended: 'default', revoked: 'red' };

export function IssueDelegationsCard({ unitId }: { unitId: string }) {
  const { t } = useI18n();
  const query = useIssueDelegations(unitId);
  const [granting, setGranting] = useState(false);
  const data = query.data;
  return (
    <Card
      title={t('delegations.title')}
      data-testid="issue-delegations"
      style={{ marginTop: 16 }}
      extra={
        data?.canManage ? (
          <Button icon={<PlusOutlined />} onClick={() => setGranting(true)} data-testid="issue-delegation-grant">
            {t('delegations.grant')}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">{t('delegations.help')}</Typography.Paragraph>
      {query.isLoading ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : query.isError || !data ? (
        <Alert type="error" showIcon title={query.error instanceof Error ? query.error.message : t('common.loadFailed')} />
      ) : data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('delegations.empty')} />
      ) : (
        <List
          size="small"
          dataSource={data.items}
          renderItem={(d) => <DelegationRow key={d.id} delegation={d} unitId={unitId} canManage={data.canManage} />}
        />
      )}
      {data?.canManage && granting && <GrantModal unitId={unitId} candidates={data.candidates} onClose={() => setGranting(false)} />}
    </Card>
  );
}

function DelegationRow({ delegation: d, unitId, canManage }: { delegation: IssueDelegation; unitId: string; canManage: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const formatRange = useFormatRange();
  const revoke = useRevokeIssueDelegation(unitId);
  const onRevoke = async () => {
    try {
      await revoke.mutateAsync(d);
      message.success(t('delegations.revoked'));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const revocable = canManage && (d.state === 'active' || d.state === 'upcoming');
  return (
    <List.Item
      data-testid="issue-delegation"
      data-state={d.state}
      actions={
        revocable
          ? [
              <Popconfirm
                key="revoke"
                title={t('delegations.revokeConfirm', { name: d.userFullName })}
                description={<div style={{ maxWidth: 260 }}>{t('delegations.revokeConfirmHelp', { name: d.userFullName })}</div>}
                okText={t('delegations.revoke')}
                okButtonProps={{ danger: true }}
                cancelText={t('delegations.cancel')}
                onConfirm={onRevoke}
              >
                <Button danger size="small" icon={<StopOutlined />} loading={revoke.isPending} data-testid="issue-delegation-revoke">
                  {t('delegations.revoke')}
                </Button>
              </Popconfirm>,
            ]
          : []
      }
    >
      <Space orientation="vertical" size={0} style={{ minWidth: 0 }}>
        <Space wrap size={[8, 2]}>
          <Typography.Text strong>{d.userFullName}</Typography.Text>
          <Typography.Text type="secondary">({d.username})</Typography.Text>
          <Tag color={STATE_COLORS[d.state]} style={{ marginInlineEnd: 0 }}>
            {t(`delegations.state.${d.state}`)}
          </Tag>
        </Space>
        <Typography.Text>
          {t('delegations.period')}: {formatRange(d.validFrom, d.validTo)}
        </Typography.Text>
        <Typography.Text type="secondary">
          {d.grantedByName
            ? t('delegations.grantedBy', { name: d.grantedByName, date: formatDate(d.grantedAt) })
            : t('delegations.grantedBySystem', { date: formatDate(d.grantedAt) })}
        </Typography.Text>
        {d.revokedAt && (
          <Typography.Text type="secondary">
            {t('delegations.revokedBy', { name: d.revokedByName ?? '—', date: formatDate(d.revokedAt) })}
          </Typography.Text>
        )}
      </Space>
    </List.Item>
  );
}

interface GrantValues {
  userId: string;
  validFrom: Dayjs;
  validTo?: Dayjs | null;
}

function GrantModal({
  unitId,
  candidates,
  onClose,
}: {
  unitId: string;
  candidates: IssueDelegationList['candidates'];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<GrantValues>();
  const [error, setError] = useState<string | null>(null);
  const grant = useGrantIssueDelegation(unitId);
  const onOk = async () => {
    const v = await form.validateFields();
    setError(null);
    try {
      const created = await grant.mutateAsync({
        userId: v.userId,
        validFrom: toIsoDate(v.validFrom)!,
        validTo: toIsoDate(v.validTo) ?? null,
      });
      message.success(t('delegations.granted', { name: created.userFullName }));
      onClose();
    } catch (e) {
      setError(applyApiError(form, e));
    }
  };
  return (
    <Modal
      open
      title={t('delegations.grantTitle')}
      okText={t('delegations.grantSubmit')}
      cancelText={t('delegations.cancel')}
      okButtonProps={{ disabled: candidates.length === 0, 'data-testid': 'issue-delegation-submit' }}
      confirmLoading={grant.isPending}
      onOk={() => void onOk().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      {candidates.length === 0 && <Alert type="info" showIcon title={t('delegations.noCandidates')} style={{ marginBottom: 12 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ validFrom: todayDayjs(), validTo: null }}>
        <Form.Item name="userId" label={t('delegations.officer')} rules={[{ required: true, message: t('delegations.officerRequired') }]}>
          <Select
            placeholder={t('delegations.officerPlaceholder')}
            options={candidates.map((c) => ({ value: c.userId, label: `${c.fullName} (${c.username})` }))}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="issue-delegation-officer"
          />
        </Form.Item>
        <Space wrap size={12} style={{ width: '100%' }}>
          <Form.Item
            name="validFrom"
            label={t('delegations.validFrom')}
            rules={[{ required: true, message: t('delegations.validFromRequired') }]}
          >
            <DatePicker format={DATE_FORMAT} allowClear={false} />
          </Form.Item>
          <Form.Item name="validTo" label={t('delegations.validTo')} extra={t('delegations.validToHint')}>
            <DatePicker format={DATE_FORMAT} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
