import { Alert, App, Button, Card, Progress, Result, Space, Steps, Table, Typography, Upload } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, FileExcelOutlined, InboxOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { MEMBER_LIMITS } from '../../../../common/members';
import { useI18n } from '../../app/i18n';
import { NumberStatistic } from '../../lib/number-statistic';
import { ApiError } from '../../lib/api';
import { useIsPhone } from '../../lib/responsive';
import { useMe } from '../auth/use-me';
import {
  downloadImportTemplate,
  downloadRejectedRows,
  MEMBERS_KEY,
  uploadMemberImport,
  useCommitImport,
  useImportStatus,
  type ImportCellError,
  type MemberImportStatus,
} from './api';
import './members.css';

const MAX_MB = Math.round(MEMBER_LIMITS.importMaxBytes / (1024 * 1024));

type Phase = 'choose' | 'checking' | 'result' | 'importing' | 'done';

function phaseOf(status: MemberImportStatus | undefined, uploading: boolean): Phase {
  if (uploading) return 'checking';
  if (!status) return 'choose';
  if (status.fileError || status.state === 'failed') return 'choose';
  if (status.state === 'validating') return 'checking';
  if (status.state === 'importing') return 'importing';
  if (status.state === 'imported') return 'done';
  return 'result';
}

/**
 * Nhập đoàn viên từ Excel: choose a file (template provided), upload it and
 * watch the server check every row, read the errors by row and column (and
 * download the rejected rows to fix them), then import all rows or, when the
 * user says so explicitly, only the valid ones.
 */
export function MemberImportPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const client = useQueryClient();
  const isPhone = useIsPhone();
  const [search, setSearch] = useSearchParams();
  const importId = search.get('id');
  const status = useImportStatus(importId);
  const commit = useCommitImport();
  const [uploading, setUploading] = useState(false);
  const [uploadPercent, setUploadPercent] = useState(0);
  const [localError, setLocalError] = useState<string | null>(null);
  const [downloading, setDownloading] = useState<'template' | 'rejected' | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const current = status.data;
  const phase = importId && status.isLoading ? 'checking' : phaseOf(current, uploading);
  const fileError =
    localError ?? (current && (current.fileError || current.state === 'failed') ? (current.fileError ?? t('members.importFailed')) : null);

  // Once rows are imported, lists, stats and targets fed by the registry are stale.
  const imported = current?.state === 'imported';
  useEffect(() => {
    if (imported) {
      void client.invalidateQueries({ queryKey: [MEMBERS_KEY] });
      void client.invalidateQueries({ queryKey: ['targets'] });
    }
  }, [imported, client]);

  const setImportId = (id: string | null) => setSearch(id ? { id } : {}, { replace: true });

  const startUpload = async (file: File) => {
    setLocalError(null);
    if (!/\.xlsx$/i.test(file.name)) return setLocalError(t('members.importWrongType'));
    if (file.size > MEMBER_LIMITS.importMaxBytes) return setLocalError(t('members.importTooLarge', { maxMb: MAX_MB }));
    if (file.size === 0) return setLocalError(t('members.importEmptyFile'));
    setImportId(null);
    setUploading(true);
    setUploadPercent(0);
    abort.current = new AbortController();
    try {
      const s = await uploadMemberImport(file, {
        csrfToken: me.data?.csrfToken ?? null,
        language: locale,
        onProgress: setUploadPercent,
        signal: abort.current.signal,
      });
      client.setQueryData([MEMBERS_KEY, 'import', s.id], s);
      setImportId(s.id);
    } catch (e) {
      setLocalError(e instanceof Error ? e.message : String(e));
    } finally {
      setUploading(false);
    }
  };

  const chooseAnother = () => {
    setLocalError(null);
    setImportId(null);
  };

  const onDownload = async (what: 'template' | 'rejected') => {
    setDownloading(what);
    try {
      await (what === 'template' ? downloadImportTemplate() : downloadRejectedRows(current!.id));
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t('common.loadFailed'));
    } finally {
      setDownloading(null);
    }
  };

  const stepIndex = { choose: 0, checking: 1, result: 2, importing: 3, done: 3 }[phase];

  return (
    <div className="page member-import-page" data-testid="member-import-page">
      <Link to="/members" className="members-back">
        <ArrowLeftOutlined /> {t('members.backToList')}
      </Link>
      <div className="page-header">
        <div>
          <Typography.Title level={3}>{t('members.importTitle')}</Typography.Title>
          <Typography.Text type="secondary">{t('members.importSubtitle')}</Typography.Text>
        </div>
      </div>
      <Steps
        className="member-import-steps"
        current={stepIndex}
        size="small"
        // On a phone the four steps fit side by side with their titles underneath.
        responsive={false}
        titlePlacement={isPhone ? 'vertical' : 'horizontal'}
        status={phase === 'done' ? 'finish' : fileError ? 'error' : 'process'}
        items={[
          { title: t('members.importStepChoose') },
          { title: t('members.importStepCheck') },
          { title: t('members.importStepReview') },
          { title: t('members.importStepImport') },
        ]}
      />

      {status.isError && importId && (
        <Alert
          type="error"
          showIcon
          title={status.error instanceof ApiError ? status.error.message : t('common.loadFailed')}
          action={<Button onClick={chooseAnother}>{t('members.importChooseAnother')}</Button>}
          style={{ marginBottom: 16 }}
        />
      )}

      {phase === 'choose' && (
        <Card data-testid="member-import-choose">
          {fileError && (
            <Alert
              type="error"
              showIcon
              title={t('members.importFileRejected')}
              description={fileError}
              style={{ marginBottom: 16 }}
              data-testid="member-import-file-error"
            />
          )}
          <Typography.Paragraph>{t('members.importTemplateText')}</Typography.Paragraph>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => onDownload('template')}
            loading={downloading === 'template'}
            data-testid="member-import-template"
            style={{ marginBottom: 16 }}
          >
            {t('members.importTemplate')}
          </Button>
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            multiple={false}
            showUploadList={false}
            beforeUpload={(file) => {
              void startUpload(file);
              return false;
            }}
            data-testid="member-import-dropzone"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('members.importDrop')}</p>
            <p className="ant-upload-hint">{t('members.importLimits', { rows: MEMBER_LIMITS.importMaxRows, maxMb: MAX_MB })}</p>
          </Upload.Dragger>
        </Card>
      )}

      {phase === 'checking' && (
        <Card data-testid="member-import-checking">
          {uploading ? (
            <>
              <Typography.Paragraph>{t('members.importUploading')}</Typography.Paragraph>
              <Progress percent={uploadPercent} status="active" data-testid="member-import-upload-progress" />
            </>
          ) : (
            <>
              <Typography.Paragraph>{t('members.importValidating', { file: current?.fileName ?? '' })}</Typography.Paragraph>
              <Progress percent={current?.progress ?? 0} status="active" data-testid="member-import-validate-progress" />
            </>
          )}
        </Card>
      )}

      {phase === 'result' && current && (
        <ImportResult
          status={current}
          onDownloadRejected={() => onDownload('rejected')}
          downloadingRejected={downloading === 'rejected'}
          onChooseAnother={chooseAnother}
          committing={commit.isPending}
          onCommit={(validRowsOnly) =>
            commit.mutate(
              { id: current.id, validRowsOnly },
              { onError: (e) => message.error(e instanceof ApiError ? e.message : t('common.loadFailed')) },
            )
          }
        />
      )}

      {phase === 'importing' && current && (
        <Card data-testid="member-import-importing">
          <Typography.Paragraph>{t('members.importImporting', { file: current.fileName })}</Typography.Paragraph>
          <Progress percent={current.progress} status="active" />
        </Card>
      )}

      {phase === 'done' && current && (
        <Card data-testid="member-import-done">
          <Result
            status="success"
            title={t('members.importDone')}
            subTitle={current.fileName}
            extra={
              <Space wrap>
                <Link to="/members">
                  <Button type="primary" data-testid="member-import-to-list">
                    {t('members.importToList')}
                  </Button>
                </Link>
                {current.invalidRows > 0 && (
                  // The rows left out stay downloadable after importing the valid ones, to fix and import later.
                  <Button
                    icon={<DownloadOutlined />}
                    onClick={() => onDownload('rejected')}
                    loading={downloading === 'rejected'}
                    data-testid="member-import-done-rejected"
                  >
                    {t('members.importDownloadRejected')}
                  </Button>
                )}
                <Button icon={<ReloadOutlined />} onClick={chooseAnother} data-testid="member-import-again">
                  {t('members.importAnother')}
                </Button>
              </Space>
            }
          >
            <div className="member-import-counts">
              <NumberStatistic title={t('members.importImported')} value={current.importedRows} data-testid="member-import-imported" />
              <NumberStatistic title={t('members.importSkipped')} value={current.skippedRows} data-testid="member-import-skipped" />
              {current.invalidRows > 0 && <NumberStatistic title={t('members.importLeftOut')} value={current.invalidRows} />}
            </div>
            {current.skippedRows > 0 && <Typography.Paragraph type="secondary">{t('members.importSkippedHint')}</Typography.Paragraph>}
          </Result>
        </Card>
      )}
    </div>
  );
}

function ImportResult(props: {
  status: MemberImportStatus;
  onDownloadRejected: () => void;
  downloadingRejected: boolean;
  onChooseAnother: () => void;
  onCommit: (validRowsOnly: boolean) => void;
  committing: boolean;
}) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const s = props.status;
  const allValid = s.invalidRows === 0 && s.validRows > 0;
  const someValid = s.invalidRows > 0 && s.validRows > 0;

  const confirmValidOnly = () =>
    modal.confirm({
      title: t('members.importValidOnlyTitle', { valid: s.validRows }),
      content: t('members.importValidOnlyText', { valid: s.validRows, invalid: s.invalidRows }),
      okText: t('members.importValidOnly', { count: s.validRows }),
      okButtonProps: { 'data-testid': 'member-import-valid-only-confirm' },
      cancelText: t('common.cancel'),
      onOk: () => props.onCommit(true),
    });

  return (
    <Card data-testid="member-import-result">
      <Typography.Paragraph>
        <FileExcelOutlined /> {s.fileName}
      </Typography.Paragraph>
      <div className="member-import-counts">
        <NumberStatistic title={t('members.importTotal')} value={s.totalRows} data-testid="member-import-total" />
        <NumberStatistic
          title={t('members.importValid')}
          value={s.validRows}
          styles={{ content: { color: '#389e0d' } }}
          data-testid="member-import-valid"
        />
        <NumberStatistic
          title={t('members.importInvalid')}
          value={s.invalidRows}
          styles={{ content: { color: s.invalidRows ? '#cf1322' : undefined } }}
          data-testid="member-import-invalid"
        />
        <NumberStatistic title={t('members.importErrors')} value={s.errorCount} data-testid="member-import-errors" />
      </div>

      {allValid ? (
        <Alert type="success" showIcon title={t('members.importAllValid')} style={{ margin: '16px 0' }} />
      ) : s.validRows === 0 ? (
        <Alert type="error" showIcon title={t('members.importNoneValid')} style={{ margin: '16px 0' }} />
      ) : (
        <Alert type="warning" showIcon title={t('members.importSomeInvalid', { invalid: s.invalidRows })} style={{ margin: '16px 0' }} />
      )}

      <div className="member-import-actions">
        {allValid && (
          <Button
            type="primary"
            icon={<UploadOutlined />}
            onClick={() => props.onCommit(false)}
            loading={props.committing}
            data-testid="member-import-commit-all"
          >
            {t('members.importAll', { count: s.validRows })}
          </Button>
        )}
        {someValid && (
          <Button
            type="primary"
            icon={<UploadOutlined />}
            onClick={confirmValidOnly}
            loading={props.committing}
            data-testid="member-import-commit-valid"
          >
            {t('members.importValidOnly', { count: s.validRows })}
          </Button>
        )}
        {s.invalidRows > 0 && (
          <Button
            icon={<DownloadOutlined />}
            onClick={props.onDownloadRejected}
            loading={props.downloadingRejected}
            data-testid="member-import-rejected"
          >
            {t('members.importDownloadRejected')}
          </Button>
        )}
        <Button icon={<ReloadOutlined />} onClick={props.onChooseAnother} data-testid="member-import-choose-another">
          {t('members.importChooseAnother')}
        </Button>
      </div>

      {s.errorCount > 0 && <ErrorTable errors={s.errors} errorCount={s.errorCount} />}
    </Card>
  );
}

function ErrorTable({ errors, errorCount }: { errors: ImportCellError[]; errorCount: number }) {
  const { t } = useI18n();
  const isPhone = useIsPhone();
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('members.importErrorList')}
      </Typography.Title>
      {errorCount > errors.length && (
        <Typography.Paragraph type="secondary">
          {t('members.importErrorsTruncated', { shown: errors.length, total: errorCount })}
        </Typography.Paragraph>
      )}
      <Table<ImportCellError>
        data-testid="member-import-error-table"
        size="small"
        rowKey={(e) => `${e.row}:${e.column}:${e.message}`}
        dataSource={errors}
        pagination={{ pageSize: 20, showSizeChanger: false, size: isPhone ? 'small' : undefined, hideOnSinglePage: true }}
        tableLayout="fixed"
        columns={[
          {
            key: 'row',
            title: t('members.importColRow'),
            dataIndex: 'row',
            width: isPhone ? 76 : 90,
            sorter: (a, b) => a.row - b.row,
            defaultSortOrder: 'ascend',
          },
          {
            key: 'column',
            title: t('members.importColColumn'),
            dataIndex: 'column',
            width: isPhone ? 96 : 200,
            className: 'member-import-cell-wrap',
          },
          { key: 'message', title: t('members.importColMessage'), dataIndex: 'message', className: 'member-import-cell-wrap' },
        ]}
        onRow={(e) => ({ 'data-row': e.row }) as React.HTMLAttributes<HTMLElement>}
      />
    </>
  );
}
