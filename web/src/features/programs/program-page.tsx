import { Alert, App as AntApp, Button, Result, Skeleton, Space, Typography } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useI18n } from '../../app/i18n';
import { ApiError, download } from '../../lib/api';
import { programDocxUrl, useProgram } from './api';
import { ProgramDocument } from './program-document';
import { ProgramStatusTag } from './program-labels';
import './programs.css';

export function ProgramPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const query = useProgram(id);
  const [downloading, setDownloading] = useState(false);

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/programs')}>
      {t('programs.backToList')}
    </Button>
  );

  if (query.isLoading) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (query.isError || !query.data) {
    const error = query.error;
    const status = error instanceof ApiError && error.status === 404 ? '404' : error instanceof ApiError && error.status === 403 ? '403' : 'error';
    return <Result status={status} title={error?.message ?? t('common.loadFailed')} extra={back} />;
  }
  const p = query.data;

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
          <Button type="primary" icon={<DownloadOutlined />} loading={downloading} onClick={onDownload}>
            {t('programs.downloadDocx')}
          </Button>
        </Space>
      </div>
      {p.status === 'draft' && <Alert type="warning" showIcon title={t('programs.draftNotice')} style={{ marginBottom: 16 }} />}
      <Typography.Paragraph type="secondary">{t('programs.preview')}</Typography.Paragraph>
      <ProgramDocument program={p} />
    </div>
  );
}
