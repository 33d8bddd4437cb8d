// Files attached to a report: listed and downloaded by anyone who reads it,
// added and deleted while the chair may edit (server: POST/GET/DELETE
// /api/reports/:id/attachments). The type is checked by content on the server;
// the picker only suggests the accepted kinds.
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Popconfirm, Typography } from 'antd';
import { useRef, useState } from 'react';
import { REPORT_LIMITS } from '../../../../common/reports';
import { useI18n } from '../../app/i18n';
import { api, ApiError, download } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { useMe } from '../auth/use-me';
import { attachmentUrl, type ReportAttachment } from './report-form-api';

export const ATTACHMENT_ACCEPT = '.pdf,.jpg,.jpeg,.png,.webp,.docx,.xlsx,application/pdf,image/jpeg,image/png,image/webp';
const ACCEPT = ATTACHMENT_ACCEPT;

function uploadAttachment(reportId: string, file: File, csrfToken: string | null, language: string): Promise<ReportAttachment> {
  return uploadAttachmentTo(attachmentUrl(reportId), file, csrfToken, language);
}

/** Sends one file as the raw body to an attachments route (reports, activity records), with the CSRF token and the language. */
export async function uploadAttachmentTo(url: string, file: File, csrfToken: string | null, language: string): Promise<ReportAttachment> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent(file.name),
        'accept-language': language,
        ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
      },
      body: file,
    });
  } catch {
    throw new ApiError(0, 'NETWORK', language === 'en' ? 'Cannot reach the server.' : 'Không kết nối được máy chủ.');
  }
  const payload = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, payload?.error?.code ?? 'UPLOAD', payload?.error?.message ?? 'Tải tệp lên không thành công.');
  return payload as ReportAttachment;
}

export function AttachmentsPanel(props: { reportId: string | null; attachments: ReportAttachment[]; editable: boolean }) {
  const { t, locale } = useI18n();
  const fmt = useFormat();
  const me = useMe();
  const { message } = AntApp.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [items, setItems] = useState(props.attachments);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { reportId, editable } = props;

  const pick = async (files: FileList | null) => {
    if (!files || !reportId) return;
    setError(null);
    for (const file of Array.from(files)) {
      // The server checks again by content; this only spares a 10 MB upload that would be refused.
      if (file.size > REPORT_LIMITS.attachmentMaxBytes) {
        setError(`${file.name}: ${t('errors.ATTACHMENT_TOO_LARGE', { maxMb: REPORT_LIMITS.attachmentMaxBytes / 1024 / 1024 })}`);
        continue;
      }
      setBusy(true);
      try {
        const added = await uploadAttachment(reportId, file, me.data?.csrfToken ?? null, locale);
        setItems((xs) => [...xs, added]);
      } catch (e) {
        setError(`${file.name}: ${(e as Error).message}`);
      } finally {
        setBusy(false);
      }
    }
    if (input.current) input.current.value = '';
  };

  const remove = async (a: ReportAttachment) => {
    try {
      await api.delete(attachmentUrl(reportId!, a.id));
      setItems((xs) => xs.filter((x) => x.id !== a.id));
    } catch (e) {
      void message.error((e as Error).message);
    }
  };

  return (
    <section className="report-form-section" data-testid="report-attachments">
      <Typography.Title level={5}>
        <PaperClipOutlined /> {t('reportForm.attachmentsTitle')}
      </Typography.Title>
      {items.length === 0 && <Typography.Text type="secondary">{t('reportForm.attachmentsEmpty')}</Typography.Text>}
      <ul className="report-attachments">
        {items.map((a) => (
          <li key={a.id}>
            <Button
              type="link"
              onClick={() => void download(attachmentUrl(reportId!, a.id), a.fileName)}
              className="report-attachment-name"
            >
              {a.fileName}
            </Button>
            <span className="report-muted">{fmt.number(Math.max(1, Math.round(a.sizeBytes / 1024)))} kB</span>
            {editable && (
              <Popconfirm title={t('reportForm.attachDeleteConfirm', { name: a.fileName })} onConfirm={() => void remove(a)}>
                <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('reportForm.attachDelete')} />
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
            accept={ACCEPT}
            multiple
            hidden
            onChange={(e) => void pick(e.target.files)}
            data-testid="attachment-input"
          />
          <Button icon={<UploadOutlined />} size="large" loading={busy} disabled={!reportId} onClick={() => input.current?.click()}>
            {busy ? t('reportForm.attachUploading') : t('reportForm.attach')}
          </Button>
          <div className="report-muted">{reportId ? t('reportForm.attachmentsHelp') : t('reportForm.attachFirstSave')}</div>
        </div>
      )}
    </section>
  );
}
