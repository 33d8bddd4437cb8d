// Xét duyệt báo cáo: the Office reads a unit's report (registry figures marked),
// writes a comment per field and one for the whole, then returns (at least one
// comment), approves, or reopens an approved report with a reason. Buttons
// follow the server's allowedActions; each step asks for confirmation; a
// stale write (409) says who changed the report and offers a reload.
import {
  Alert,
  App as AntApp,
  Button,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Result,
  Skeleton,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { ArrowLeftOutlined, CheckOutlined, DownloadOutlined, RollbackOutlined, UndoOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { REPORT_LIMITS } from '../../../../common/reports';
import { useI18n } from '../../app/i18n';
import { ApiError, download } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { useIsPhone } from '../../lib/responsive';
import {
  reportDocxUrl,
  useApproveReport,
  useReopenReport,
  useReport,
  useReturnReport,
  type ReportField,
  type ReportView,
} from './review-api';
import { ReviewStatusTag, usePeriodLabel } from './review-labels';
import './review.css';

export function ReviewPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const query = useReport(id);
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
      {t('reportReview.back')}
    </Button>
  );
  if (query.isLoading) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (query.isError || !query.data) {
    const e = query.error;
    const status = e instanceof ApiError && e.status === 404 ? '404' : e instanceof ApiError && e.status === 403 ? '403' : 'error';
    return (
      <Result
        status={status}
        title={e instanceof ApiError && e.status < 500 ? t('reportReview.notFound') : t('common.loadFailed')}
        extra={back}
      />
    );
  }
  // Keyed by version: after a step the comment boxes start empty for the new state.
  return (
    <ReviewContent
      key={`${query.data.id}:${query.data.rowVersion}`}
      report={query.data}
      back={back}
      onReload={() => void query.refetch()}
    />
  );
}

function ReviewContent({ report, back, onReload }: { report: ReportView; back: React.ReactNode; onReload: () => void }) {
  const { t } = useI18n();
  const f = useFormat();
  const isPhone = useIsPhone();
  const periodLabel = usePeriodLabel();
  const { message } = AntApp.useApp();
  const [comments, setComments] = useState<Record<string, string>>({});
  const [whole, setWhole] = useState('');
  const [stale, setStale] = useState<string | null>(null);
  const [reopening, setReopening] = useState(false);
  const [reopenForm] = Form.useForm<{ reason: string }>();
  const [downloading, setDownloading] = useState(false);
  const returnReport = useReturnReport();
  const approve = useApproveReport();
  const reopen = useReopenReport();
  const actions = report.allowedActions;
  const canComment = actions.return;

  const fieldComments = useMemo(
    () => Object.fromEntries(Object.entries(comments).filter(([, v]) => v.trim())) as Record<string, string>,
    [comments],
  );
  const commentCount = Object.keys(fieldComments).length + (whole.trim() ? 1 : 0);

  const fail = (e: unknown) => {
    if (e instanceof ApiError && e.status === 409) setStale(e.message);
    else message.error(e instanceof Error ? e.message : String(e));
  };
  const version = report.rowVersion ?? 1;
  const onReturn = async () => {
    if (commentCount === 0) {
      message.warning(t('reportReview.returnNeedsComment'));
      return;
    }
    try {
      await returnReport.mutateAsync({ id: report.id!, body: { expectedVersion: version, comment: whole.trim() || null, fieldComments } });
      message.success(t('reportReview.returned'));
    } catch (e) {
      fail(e);
    }
  };
  const onApprove = async () => {
    try {
      await approve.mutateAsync({ id: report.id!, body: { expectedVersion: version } });
      message.success(t('reportReview.approved'));
    } catch (e) {
      fail(e);
    }
  };
  const onReopen = async () => {
    const { reason } = await reopenForm.validateFields();
    try {
      await reopen.mutateAsync({ id: report.id!, body: { expectedVersion: version, reason } });
      setReopening(false);
      message.success(t('reportReview.reopened'));
    } catch (e) {
      setReopening(false);
      fail(e);
    }
  };
  const onDownload = async () => {
    setDownloading(true);
    try {
      await download(reportDocxUrl(report.id!), `${report.unit.code}.docx`);
    } catch (e) {
      message.error(e instanceof Error ? e.message : t('reportReview.downloadFailed'));
    } finally {
      setDownloading(false);
    }
  };

  const commentBox = (key: string) =>
    canComment ? (
      <Input.TextArea
        className="review-comment"
        data-testid={`review-comment-${key}`}
        aria-label={t('reportReview.commentOnField')}
        placeholder={t('reportReview.commentPlaceholder')}
        autoSize={{ minRows: 1, maxRows: 4 }}
        maxLength={REPORT_LIMITS.commentMax}
        value={comments[key] ?? ''}
        onChange={(e) => setComments((c) => ({ ...c, [key]: e.target.value }))}
      />
    ) : report.fieldComments[key] ? (
      <Alert type="warning" showIcon className="review-comment" title={report.fieldComments[key]} />
    ) : null;

  const busy = returnReport.isPending || approve.isPending || reopen.isPending;

  return (
    <div className="page review-page">
      <div className="page-header">
        <div>
          <Typography.Title level={4}>{report.unit.shortName}</Typography.Title>
          <Space wrap size={4}>
            <ReviewStatusTag status={report.status} locked={report.locked} />
            <Typography.Text type="secondary">
              {t(`reports.kind_${report.period.kind}`)} · {periodLabel(report.period)} · {report.programTitle}
            </Typography.Text>
          </Space>
          <div>
            {report.submittedAt && (
              <Typography.Text type="secondary">{t('reportReview.submittedAt', { time: f.dateTime(report.submittedAt) })} </Typography.Text>
            )}
            {report.approvedAt && (
              <Typography.Text type="secondary">· {t('reportReview.approvedAt', { time: f.dateTime(report.approvedAt) })}</Typography.Text>
            )}
          </div>
        </div>
        <Space wrap>
          {back}
          {report.id && (
            <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void onDownload()}>
              {t('reportReview.downloadDocx')}
            </Button>
          )}
        </Space>
      </div>

      {stale && (
        <Alert
          type="error"
          showIcon
          data-testid="review-stale"
          title={t('reportReview.stale')}
          description={stale}
          action={
            <Button
              size="small"
              onClick={() => {
                setStale(null);
                onReload();
              }}
            >
              {t('reportReview.staleReload')}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      {report.locked && <Alert type="info" showIcon title={t('reportReview.lockedNotice')} style={{ marginBottom: 16 }} />}
      {!report.id && <Alert type="info" showIcon title={t('reportReview.notStarted')} style={{ marginBottom: 16 }} />}
      {report.reviewComment && !canComment && (
        <Alert
          type="warning"
          showIcon
          title={t('reportReview.lastReturn')}
          description={report.reviewComment}
          style={{ marginBottom: 16 }}
        />
      )}

      {report.sections.map((section) => (
        <section key={section.taskGroupNumber ?? 'other'} className="review-section">
          <Typography.Title level={5}>{section.title}</Typography.Title>
          {section.fields.map((field) => (
            <div key={field.dataElementId} className="review-field" data-testid={`review-field-${field.code}`}>
              <div className="review-field-head">
                <span className="review-field-label">{field.label}</span>
                {field.derived &&
                  (field.records ? (
                    <Tag color="green" title={t('reportReview.derivedRecordsHint')}>
                      {t('reportReview.derivedRecords')}
                    </Tag>
                  ) : (
                    <Tag color="blue" title={t('reportReview.derivedHint')}>
                      {t('reportReview.derived')}
                    </Tag>
                  ))}
              </div>
              <div className="review-field-value">
                <FieldValue field={field} />
                {field.upperBound !== null && field.upperBoundLabel && (
                  <Typography.Text type="secondary" className="review-bound">
                    {t('reportReview.upperBound', { max: f.number(field.upperBound), bound: field.upperBoundLabel })}
                  </Typography.Text>
                )}
              </div>
              {!field.derived && commentBox(field.dataElementId)}
            </div>
          ))}
          {section.taskGroupNumber !== null && (
            <div className="review-field">
              <div className="review-field-label">{t('reportReview.narratives')}</div>
              <Typography.Paragraph className="review-text">
                {report.narratives[String(section.taskGroupNumber)] || (
                  <Typography.Text type="secondary">{t('reportReview.narrativeEmpty')}</Typography.Text>
                )}
              </Typography.Paragraph>
              {commentBox(`narrative:${section.taskGroupNumber}`)}
            </div>
          )}
        </section>
      ))}

      <section className="review-section">
        <Typography.Title level={5}>{t('reportReview.difficulties')}</Typography.Title>
        <Typography.Paragraph className="review-text">
          {report.difficulties || <Typography.Text type="secondary">{t('reportReview.narrativeEmpty')}</Typography.Text>}
        </Typography.Paragraph>
        {commentBox('difficulties')}
      </section>

      <section className="review-section">
        <Typography.Title level={5}>{t('reportReview.attachments')}</Typography.Title>
        {report.attachments.length === 0 ? (
          <Typography.Text type="secondary">{t('reportReview.noAttachments')}</Typography.Text>
        ) : (
          <ul className="review-attachments">
            {report.attachments.map((a) => (
              <li key={a.id}>
                <a href={`/api/reports/${report.id}/attachments/${a.id}`}>{a.fileName}</a>{' '}
                <Typography.Text type="secondary">({f.number(Math.ceil(a.sizeBytes / 1024))} kB)</Typography.Text>
              </li>
            ))}
          </ul>
        )}
      </section>

      {(actions.return || actions.approve || actions.reopen) && (
        <section className="review-section review-actions" data-testid="review-actions">
          {actions.return && (
            <>
              <Typography.Title level={5}>{t('reportReview.wholeComment')}</Typography.Title>
              <Input.TextArea
                data-testid="review-whole-comment"
                placeholder={t('reportReview.wholeCommentPlaceholder')}
                autoSize={{ minRows: 2, maxRows: 6 }}
                maxLength={REPORT_LIMITS.commentMax}
                value={whole}
                onChange={(e) => setWhole(e.target.value)}
              />
              {Object.keys(fieldComments).length > 0 && (
                <Typography.Text type="secondary">
                  {t('reportReview.fieldCommentsCount', { count: Object.keys(fieldComments).length })}
                </Typography.Text>
              )}
            </>
          )}
          <Space
            wrap
            className="review-buttons"
            direction={isPhone ? 'vertical' : 'horizontal'}
            style={isPhone ? { width: '100%' } : undefined}
          >
            {actions.return && (
              <Popconfirm
                title={t('reportReview.returnConfirm', { count: commentCount })}
                okText={t('reportReview.return')}
                cancelText={t('reportReview.cancel')}
                disabled={commentCount === 0}
                onConfirm={() => void onReturn()}
              >
                <Button
                  danger
                  block={isPhone}
                  icon={<RollbackOutlined />}
                  loading={returnReport.isPending}
                  disabled={busy}
                  data-testid="review-return"
                  onClick={() => commentCount === 0 && message.warning(t('reportReview.returnNeedsComment'))}
                >
                  {t('reportReview.return')}
                </Button>
              </Popconfirm>
            )}
            {actions.approve && (
              <Popconfirm
                title={t('reportReview.approveConfirm')}
                okText={t('reportReview.approve')}
                cancelText={t('reportReview.cancel')}
                onConfirm={() => void onApprove()}
              >
                <Button
                  type="primary"
                  block={isPhone}
                  icon={<CheckOutlined />}
                  loading={approve.isPending}
                  disabled={busy}
                  data-testid="review-approve"
                >
                  {t('reportReview.approve')}
                </Button>
              </Popconfirm>
            )}
            {actions.reopen && (
              <Button
                block={isPhone}
                icon={<UndoOutlined />}
                disabled={busy}
                onClick={() => setReopening(true)}
                data-testid="review-reopen"
              >
                {t('reportReview.reopen')}
              </Button>
            )}
          </Space>
        </section>
      )}

      <section className="review-section">
        <Typography.Title level={5}>{t('reportReview.history')}</Typography.Title>
        <ReportHistory report={report} />
      </section>

      <Modal
        open={reopening}
        title={t('reportReview.reopenTitle')}
        okText={t('reportReview.reopen')}
        cancelText={t('reportReview.cancel')}
        confirmLoading={reopen.isPending}
        onOk={() => void onReopen().catch(() => undefined)}
        onCancel={() => setReopening(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('reportReview.reopenHint')}</Typography.Paragraph>
        <Form form={reopenForm} layout="vertical">
          <Form.Item
            name="reason"
            label={t('reportReview.reopenReason')}
            rules={[{ required: true, whitespace: true, message: t('reportReview.reopenReasonRequired') }]}
          >
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={REPORT_LIMITS.reasonMax} data-testid="review-reopen-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}

function FieldValue({ field }: { field: ReportField }) {
  const { t } = useI18n();
  const f = useFormat();
  const v = field.value;
  if (!v) return <Typography.Text type="secondary">{t('reportReview.noValue')}</Typography.Text>;
  if (v.notApplicable)
    return (
      <span>
        <Tag>{t('reportReview.notApplicable')}</Tag>
        {v.notApplicableReason && (
          <Typography.Text type="secondary">{t('reportReview.notApplicableReason', { reason: v.notApplicableReason })}</Typography.Text>
        )}
      </span>
    );
  if (v.number !== null) return <strong>{f.number(v.number)}</strong>;
  if (v.bool !== null) return <strong>{v.bool ? t('reportReview.yes') : t('reportReview.no')}</strong>;
  if (v.text) return <strong>{v.text}</strong>;
  return <Typography.Text type="secondary">{t('reportReview.noValue')}</Typography.Text>;
}

/** The report's steps, newest last: who, when, and the comment given. */
export function ReportHistory({ report }: { report: ReportView }) {
  const { t } = useI18n();
  const f = useFormat();
  if (report.history.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reportReview.historyEmpty')} />;
  const color = (action: string) => (action === 'approved' ? 'green' : action === 'returned' || action === 'reopened' ? 'orange' : 'blue');
  return (
    <Timeline
      data-testid="review-history"
      items={report.history.map((e, i) => ({
        key: i,
        color: color(e.action),
        children: (
          <div>
            <strong>{t(`reports.action_${e.action}`)}</strong> · {e.actor?.fullName ?? '—'} ·{' '}
            <Typography.Text type="secondary">{f.dateTime(e.at)}</Typography.Text>
            {e.comment && <div className="review-text">{e.comment}</div>}
            {e.fieldComments && Object.keys(e.fieldComments).length > 0 && (
              <Typography.Text type="secondary">
                {t('reportReview.fieldCommentsCount', { count: Object.keys(e.fieldComments).length })}
              </Typography.Text>
            )}
          </div>
        ),
      }))}
    />
  );
}
