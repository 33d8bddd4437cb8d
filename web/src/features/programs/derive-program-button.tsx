// Cụ thể hóa: derive an issued program for a lower unit (POST /api/programs/:id/derive),
// and warn when the program's total targets are not fully allocated (phân bổ chưa khớp).
import { Alert, App as AntApp, Button, Form, List, Modal, Space, Typography } from 'antd';
import { BranchesOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../app/i18n';
import { useFormat } from '../../lib/format';
import { applyApiError } from '../../lib/form-errors';
import { UnitSearchSelect } from '../../components/unit-search-select';
import { useAllocationCheck, useDeriveProgram, type DeriveProgramResult, type ProgramDetail } from './api';

/** The derive button and its modal (issued programs, writePrograms), and the allocation warning. */
export function ProgramDerivation({ program }: { program: ProgramDetail }) {
  const { t } = useI18n();
  const { number: fmt } = useFormat();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const canDerive = Boolean(program.allowedActions?.includes('derive'));
  const check = useAllocationCheck(program.id);
  const derive = useDeriveProgram(program.id);
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<DeriveProgramResult | null>(null);
  const [form] = Form.useForm<{ unitId: string }>();
  const unbalanced = (check.data?.items ?? []).filter((i) => i.status === 'unbalanced');

  const close = () => {
    setOpen(false);
    setResult(null);
    form.resetFields();
  };
  const onCreate = async () => {
    const { unitId } = await form.validateFields();
    try {
      const created = await derive.mutateAsync({ unitId });
      setResult(created);
      message.success(t('programs.deriveDone'));
    } catch (e) {
      const rest = applyApiError(form, e);
      if (rest) message.error(rest);
    }
  };

  const section = (title: string, items: DeriveProgramResult['needsAllocation'], help?: string) => (
    <div style={{ marginBottom: 12 }}>
      <Typography.Text strong>{title}</Typography.Text>
      {help && items.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
          {help}
        </Typography.Paragraph>
      )}
      <List
        size="small"
        dataSource={items}
        locale={{ emptyText: t('programs.deriveNone') }}
        renderItem={(i) => (
          <List.Item>
            <Typography.Text>
              {i.code ? `${i.code}. ` : ''}
              {i.text} <Typography.Text type="secondary">({fmt(i.value)})</Typography.Text>
            </Typography.Text>
          </List.Item>
        )}
      />
    </div>
  );

  if (!unbalanced.length && !canDerive) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }}>
      {unbalanced.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('programs.allocationMismatch')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {unbalanced.map((i) => (
                <li key={i.targetId}>
                  {t('programs.allocationMismatchItem', {
                    code: i.code ?? '—',
                    total: fmt(i.total),
                    allocated: fmt(i.allocated),
                    gap: fmt(i.gap),
                  })}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {canDerive && (
        <Button icon={<BranchesOutlined />} onClick={() => setOpen(true)}>
          {t('programs.deriveButton')}
        </Button>
      )}
      <Modal
        open={open}
        title={t('programs.deriveTitle')}
        onCancel={close}
        destroyOnHidden
        footer={
          result
            ? [
                <Button key="close" onClick={close}>
                  {t('programs.deriveClose')}
                </Button>,
                <Button key="open" type="primary" onClick={() => navigate(`/programs/${result.program.id}`)}>
                  {t('programs.deriveOpen')}
                </Button>,
              ]
            : [
                <Button key="cancel" onClick={close}>
                  {t('programs.cancel')}
                </Button>,
                <Button key="create" type="primary" loading={derive.isPending} onClick={() => void onCreate().catch(() => undefined)}>
                  {t('programs.deriveCreate')}
                </Button>,
              ]
        }
      >
        {result ? (
          <>
            <Typography.Paragraph>
              {result.program.documentNumber} · {result.program.unitName}
            </Typography.Paragraph>
            {(result.program.derivation?.openMarkCount ?? 0) > 0 && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                title={t('derivedMarks.panelTitle', { count: result.program.derivation!.openMarkCount })}
              />
            )}
            {section(t('programs.deriveInherited', { count: result.inheritedTargets.length }), result.inheritedTargets)}
            {section(t('programs.deriveAllocated', { count: result.allocatedTargets.length }), result.allocatedTargets)}
            {section(
              t('programs.deriveNeedsAllocation', { count: result.needsAllocation.length }),
              result.needsAllocation,
              t('programs.deriveNeedsAllocationHelp'),
            )}
          </>
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t('programs.deriveHelp', { year: program.year })}</Typography.Paragraph>
            <Form form={form} layout="vertical" requiredMark={false}>
              <Form.Item
                name="unitId"
                label={t('programs.deriveUnit')}
                rules={[{ required: true, message: t('programs.deriveUnitRequired') }]}
              >
                <UnitSearchSelect asOf={program.issuedOn ?? `${program.year}-01-01`} />
              </Form.Item>
            </Form>
          </>
        )}
      </Modal>
    </Space>
  );
}
