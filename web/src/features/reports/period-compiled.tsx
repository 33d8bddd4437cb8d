// Báo cáo tổng hợp (BC) of a half-year or year period: the officer writes the
// next period's direction and the issue date (version-checked; the number is
// given on the first save from the issuer's yearly sequence), then downloads
// the DOCX in the union document form.
import { Alert, App as AntApp, Button, Drawer, Form, Input, Skeleton, Space, Typography } from 'antd';
import { DownloadOutlined, SaveOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { REPORT_LIMITS } from '../../../../common/reports';
import { formatDocumentNumber } from '../../../../common/programs';
import { useI18n } from '../../app/i18n';
import { ApiError, download } from '../../lib/api';
import { useIsPhone } from '../../lib/responsive';
import { compiledDocxUrl, useCompiledReport, useSaveCompiledReport, type ReportPeriod } from './review-api';
import { usePeriodLabel } from './review-labels';

export function PeriodCompiledDrawer({ period, onClose }: { period: ReportPeriod | null; onClose: () => void }) {
  const { t } = useI18n();
  const isPhone = useIsPhone();
  const periodLabel = usePeriodLabel();
  return (
    <Drawer
      open={Boolean(period)}
      onClose={onClose}
      size={isPhone ? 'large' : 'default'}
      width={isPhone ? '100%' : 520}
      destroyOnHidden
      title={period ? `${t('reportReview.compiledTitle')} · ${periodLabel(period)}` : ''}
    >
      {period && <CompiledForm periodId={period.id} />}
    </Drawer>
  );
}

function CompiledForm({ periodId }: { periodId: string }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const query = useCompiledReport(periodId);
  const save = useSaveCompiledReport(periodId);
  const [form] = Form.useForm<{ direction: string; issuedOn: string }>();
  const [error, setError] = useState<string | null>(null);
  const [downloading, setDownloading] = useState(false);
  const compiled = query.data;
  useEffect(() => {
    if (compiled) form.setFieldsValue({ direction: compiled.direction ?? '', issuedOn: compiled.issuedOn ?? '' });
  }, [compiled, form]);
  if (query.isLoading) return <Skeleton active />;
  if (!compiled) return <Alert type="error" showIcon title={query.error?.message ?? t('common.loadFailed')} />;

  const onSave = async () => {
    const values = await form.validateFields();
    setError(null);
    try {
      await save.mutateAsync({
        direction: values.direction?.trim() || null,
        issuedOn: values.issuedOn || null,
        expectedVersion: compiled.rowVersion,
      });
      message.success(t('reportReview.compiledSaved'));
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 409 ? `${t('reportReview.stale')}: ${e.message}` : e instanceof Error ? e.message : String(e),
      );
    }
  };
  const onDownload = async () => {
    setDownloading(true);
    try {
      await download(compiledDocxUrl(periodId), `${compiled.symbol}.docx`);
    } catch (e) {
      message.error(e instanceof Error ? e.message : t('reportReview.downloadFailed'));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Form form={form} layout="vertical" data-testid="compiled-form">
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 12 }}
          action={
            <Button size="small" onClick={() => void query.refetch().then(() => setError(null))}>
              {t('reportReview.staleReload')}
            </Button>
          }
        />
      )}
      <Form.Item label={t('reportReview.compiledNumber')}>
        <Typography.Text>
          {compiled.number ? formatDocumentNumber(compiled.number, compiled.symbol) : t('reportReview.compiledNumberPending')}
        </Typography.Text>
      </Form.Item>
      <Form.Item name="issuedOn" label={t('reportReview.compiledIssuedOn')}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="direction" label={t('reportReview.compiledDirection')} extra={t('reportReview.compiledDirectionHint')}>
        <Input.TextArea autoSize={{ minRows: 6, maxRows: 16 }} maxLength={REPORT_LIMITS.narrativeMax} data-testid="compiled-direction" />
      </Form.Item>
      <Space wrap>
        <Button
          type="primary"
          icon={<SaveOutlined />}
          loading={save.isPending}
          onClick={() => void onSave().catch(() => undefined)}
          data-testid="compiled-save"
        >
          {t('reportReview.compiledSave')}
        </Button>
        <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void onDownload()} data-testid="compiled-download">
          {t('reportReview.compiledDownload')}
        </Button>
      </Space>
    </Form>
  );
}
