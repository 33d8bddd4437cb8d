// Files attached to a record (POST/GET/DELETE /api/activities/:id/attachments):
// the same pieces as a report's attachments — listed and downloaded by anyone
// who reads the record, added and deleted by whoever may edit it.
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Popconfirm, Skeleton, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { REPORT_LIMITS } from '../../../../common/reports';
import { useI18n } from '../../app/i18n';
import { api, download } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { useMe } from '../auth/use-me';
import { ATTACHMENT_ACCEPT, uploadAttachmentTo } from '../reports/attachments-panel';
import { ACTIVITIES_KEY, activityAttachmentUrl, useActivityAttachments } from './api';

export function ActivityAttachments({ recordId, editable }: { recordId: string | null; editable: boolean }) {
  const { t, locale } = useI18n();
  const fmt = useFormat();
  const me = useMe();
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const input = useRef<HTMLInputElement>(null);
  const list = useActivityAttachments(recordId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const items = list.data ?? [];
  // The list's attachment counts and this list.
  const refresh = () => client.invalidateQueries({ queryKey: [ACTIVITIES_KEY] });

  const pick = async (files: FileList | null) => {
    if (!files || !recordId) return;
    setError(null);
    for (const file of Array.from(files)) {
      // The server checks again by content; this only spares an upload that would be refused.
      if (file.size > REPORT_LIMITS.attachmentMaxBytes) {
        setError(`${file.name}: ${t('errors.ATTACHMENT_TOO_LARGE', { maxMb: REPORT_LIMITS.attachmentMaxBytes / 1024 / 1024 })}`);
        continue;
      }
      setBusy(true);
      try {
        await uploadAttachmentTo(activityAttachmentUrl(recordId), file, me.data?.csrfToken ?? null, locale);
      } catch (e) {
        setError(`${file.name}: ${(e as Error).message}`);
      } finally {
        setBusy(false);
      }
    }
    await refresh();
    if (input.current) input.current.value = '';
  };

  const remove = async (attachmentId: string) => {
    try {
      await api.delete(activityAttachmentUrl(recordId!, attachmentId));
      await refresh();
    } catch (e) {
      void message.error((e as Error).message);
    }
  };

  return (
    <section className="activities-attachments" data-testid="activity-attachments">
      <Typography.Title level={5}>
        <PaperClipOutlined /> {t('activities.attachmentsTitle')}
      </Typography.Title>
      {list.isLoading ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : (
        items.length === 0 && <Typography.Text type="secondary">{t('activities.attachmentsEmpty')}</Typography.Text>
      )}
      <ul className="activities-attachment-list">
        {items.map((a) => (
          <li key={a.id} data-testid="activity-attachment">
            <Button type="link" onClick={() => void download(activityAttachmentUrl(recordId!, a.id), a.fileName)}>
              {a.fileName}
            </Button>
            <Typography.Text type="secondary">{fmt.number(Math.max(1, Math.round(a.sizeBytes / 1024)))} kB</Typography.Text>
            {editable && (
              <Popconfirm
                title={t('activities.attachDeleteConfirm', { name: a.fileName })}
                okText={t('common.delete')}
                cancelText={t('common.cancel')}
                onConfirm={() => void remove(a.id)}
              >
                <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('activities.attachDelete')} />
              </Popconfirm>
            )}
          </li>
        ))}
      </ul>
      {error && (
        <Typography.Text type="danger" role="alert">
          {error}
        </Typography.Text>
      )}
      {editable && (
        <div>
          <input
            ref={input}
            type="file"
            accept={ATTACHMENT_ACCEPT}
            multiple
            hidden
            onChange={(e) => void pick(e.target.files)}
            data-testid="activity-attachment-input"
          />
          <Button icon={<UploadOutlined />} loading={busy} disabled={!recordId} onClick={() => input.current?.click()}>
            {busy ? t('activities.attachUploading') : t('activities.attach')}
          </Button>
          <div>
            <Typography.Text type="secondary">
              {recordId ? t('activities.attachmentsHelp') : t('activities.attachFirstSave')}
            </Typography.Text>
          </div>
        </div>
      )}
    </section>
  );
}
