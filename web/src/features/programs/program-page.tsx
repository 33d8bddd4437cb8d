import { Alert, App as AntApp, Button, Form, Input, Modal, Popconfirm, Result, Skeleton, Space, Typography } from 'antd';
import {
  AimOutlined,
  ArrowLeftOutlined,
  CalendarOutlined,
  CheckOutlined,
  DownloadOutlined,
  EditOutlined,
  ForkOutlined,
} from '@ant-design/icons';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { AmendProgramBody } from '../../../../common/api/programs';
import { PROGRAM_LIMITS, type ProgramAction } from '../../../../common/programs';
import { useI18n } from '../../app/i18n';
import { ApiError, download } from '../../lib/api';
import { applyApiError } from '../../lib/form-errors';
import { fieldRule } from '../../lib/field-rule';
import { programDocxUrl, useAmendProgram, useIssueProgram, useProgram } from './api';
import { ProgramDocument } from './program-document';
import { ProgramStatusTag } from './program-labels';
import { ProgramVersions } from './program-versions';
import { ProgramDerivation } from './derive-program-button';
import { DerivationPanel, DerivedMarksProvider, useIssueWithMarks } from './derived-marks';
import './programs.css';

export function ProgramPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const query = useProgram(id);
  const [downloading, setDownloading] = useState(false);
  const issue = useIssueProgram();
  const amend = useAmendProgram();
  const issueWithMarks = useIssueWithMarks(issue.mutateAsync);
  const [amending, setAmending] = useState(false);
  const [amendForm] = Form.useForm<{ reason: string }>();

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/programs')}>
      {t('programs.backToList')}
    </Button>
  );

  if (query.isLoading) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (query.isError || !query.data) {
    const error = query.error;
    const status =
      error instanceof ApiError && error.status === 404 ? '404' : error instanceof ApiError && error.status === 403 ? '403' : 'error';
    return <Result status={status} title={error?.message ?? t('common.loadFailed')} extra={back} />;
  }
  const p = query.data;
  // The server says what this user may do with this program (policy and scope); no guessing here.
  const can = (action: ProgramAction) => Boolean(p.allowedActions?.includes(action));

  const onDownload = async () => {
    setDownloading(true);
    try {
      await download(programDocxUrl(p.id), `${p.symbol}-${p.year}.docx`);
    } catch (e) {
      message.error(e instanceof Error ? e.message : t('programs.downloadFailed'));
    } finally {
      setDownloading(false);
    }
  };

  const onIssue = async () => {
    try {
      if (await issueWithMarks(p)) message.success(t('programs.issued'));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const onAmend = async () => {
    const { reason } = await amendForm.validateFields();
    try {
      const draft = await amend.mutateAsync({ id: p.id, reason });
      setAmending(false);
      amendForm.resetFields();
      navigate(`/programs/${draft.id}/edit`);
    } catch (e) {
      const rest = applyApiError(amendForm, e);
      if (rest) message.error(rest);
    }
  };

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <Typography.Title level={4}>
            {t(`programs.kind.${p.kind}`)} {p.title}
          </Typography.Title>
          <Space wrap size={4}>
            <ProgramStatusTag status={p.status} />
            <Typography.Text type="secondary">
              {p.documentNumber} · {p.unitName}
            </Typography.Text>
          </Space>
        </div>
        <Space wrap>
          {back}
          {can('edit') && (
            <Button icon={<EditOutlined />} onClick={() => navigate(`/programs/${p.id}/edit`)}>
              {t('programs.edit')}
            </Button>
          )}
          {can('issue') && (
            <Popconfirm
              title={t('programs.issueConfirm')}
              okText={t('programs.issue')}
              cancelText={t('programs.cancel')}
              onConfirm={onIssue}
            >
              <Button icon={<CheckOutlined />} loading={issue.isPending}>
                {t('programs.issue')}
              </Button>
            </Popconfirm>
          )}
          {can('amend') && (
            <Button icon={<ForkOutlined />} onClick={() => setAmending(true)}>
              {t('programs.amend')}
            </Button>
          )}
          {p.status !== 'draft' && (
            <Link to={`/targets?programId=${p.id}`} data-testid="program-targets-progress">
              <Button icon={<AimOutlined />}>{t('programs.targetsProgress')}</Button>
            </Link>
          )}
          {p.status !== 'draft' && (
            <Link to={`/programs/${p.id}/report-schedule`} data-testid="program-report-schedule">
              <Button icon={<CalendarOutlined />}>{t('reportReview.scheduleOpen')}</Button>
            </Link>
          )}
          <Button type="primary" icon={<DownloadOutlined />} loading={downloading} onClick={onDownload}>
            {t('programs.downloadDocx')}
          </Button>
        </Space>
      </div>
      {/* Who may edit but not issue is told who issues (docs/issue-delegations.md), instead of meeting a 403. */}
      {p.status === 'draft' && (
        <Alert
          type="warning"
          showIcon
          title={t('programs.draftNotice')}
          description={can('edit') && !can('issue') ? t('programs.issueNeedsDelegation') : undefined}
          style={{ marginBottom: 16 }}
          data-testid="program-draft-notice"
        />
      )}
      <ProgramVersions programId={p.id} />
      <ProgramDerivation program={p} />
      <DerivationPanel program={p} content={p.content} editing={false} />
      <Typography.Paragraph type="secondary">{t('programs.preview')}</Typography.Paragraph>
      <DerivedMarksProvider marks={p.status === 'draft' ? p.derivation?.marks : undefined}>
        <ProgramDocument program={p} />
      </DerivedMarksProvider>
      <Modal
        open={amending}
        title={t('programs.amendTitle')}
        okText={t('programs.amendCreate')}
        cancelText={t('programs.cancel')}
        confirmLoading={amend.isPending}
        onOk={() => void onAmend().catch(() => undefined)}
        onCancel={() => setAmending(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('programs.amendHelp')}</Typography.Paragraph>
        <Form form={amendForm} layout="vertical" requiredMark={false}>
          <Form.Item
            name="reason"
            label={t('programs.amendReason')}
            rules={[
              { required: true, whitespace: true, message: t('programs.amendReasonRequired') },
              fieldRule(AmendProgramBody.shape.reason, t),
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={PROGRAM_LIMITS.textMax} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
