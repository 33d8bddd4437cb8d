// The measured targets of a draft program (chỉ tiêu đo lường), in its editor:
// what progress is computed against. On an amendment (sửa đổi, bổ sung) the
// officer changes a target's value, comparator, tolerance and sentence, adds
// targets and retires them here; each change is saved at once (PATCH/POST
// /api/targets, version-checked) and listed under "changes from version n",
// the same comparison the versions panel shows once it is issued.
import { App as AntApp, Button, Card, Empty, Skeleton, Space, Tag, Typography, type FormInstance } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import type { MessageKey } from '../../../../common/i18n';
import type { TargetAction } from '../../../../common/indicators';
import { useI18n } from '../../app/i18n';
import { useCatalogueTargets, useIndicators, type Target } from '../catalogue/api';
import { useCanManage } from '../catalogue/shared';
import { TargetEditDrawer, TargetRetireDialog } from '../catalogue/target-dialogs';
import { TargetDrawer } from '../catalogue/targets-tab';
import { useFormatValue } from '../targets/labels';
import { useProgramVersions, type ProgramBody, type ProgramDetail } from './api';
import { ChangeLines } from './program-versions';

export function MeasuredTargets({ program, form }: { program: ProgramDetail; form: FormInstance<ProgramBody> }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const formatValue = useFormatValue();
  const canAdd = useCanManage();
  const list = useCatalogueTargets(program.id);
  const indicators = useIndicators();
  const versions = useProgramVersions(program.previousVersionId ? program.id : undefined);
  const [adding, setAdding] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [retiringId, setRetiringId] = useState<string | null>(null);
  const indicatorById = useMemo(() => new Map((indicators.data?.items ?? []).map((i) => [i.id, i])), [indicators.data]);
  const rows = list.data?.items ?? [];
  const rowById = (id: string | null) => (id ? (rows.find((r) => r.id === id) ?? null) : null);
  const editing = rowById(editingId);
  const can = (r: Target, action: TargetAction) => Boolean(r.allowedActions?.includes(action));
  const current = versions.data?.find((v) => v.id === program.id);

  /** A corrected sentence goes into the document's target of the same code too (saved with the draft). */
  const syncText = (before: Target, after: Target) => {
    if (before.text === after.text || !after.code) return;
    const items = (form.getFieldValue(['content', 'targets']) ?? []) as Array<{ code?: string; text?: string }>;
    const index = items.findIndex((x) => x?.code === (before.code ?? after.code));
    if (index < 0) return;
    form.setFieldValue(['content', 'targets', index, 'text'], after.text);
    message.info(t('programs.measuredTextSynced', { code: after.code }));
  };

  const aim = (r: Target) => {
    const base = `${t(`targets.comparator.${r.comparator}` as MessageKey)} ${formatValue(r.value, r.unitOfMeasure)}`;
    return r.tolerance ? `${base} (${t('programs.measuredTolerance', { value: r.tolerance })})` : base;
  };

  return (
    <Card size="small" title={t('programs.measuredTitle')} className="editor-section" data-testid="measured-targets">
      <Typography.Paragraph type="secondary">{t('programs.measuredHelp')}</Typography.Paragraph>
      {list.isLoading ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('programs.measuredEmpty')} />
      ) : (
        <div className="editor-list">
          {rows.map((r) => (
            <div key={r.id} className="editor-item measured-target" data-testid={`measured-target-${r.code ?? r.id}`}>
              <div className="measured-target-text">
                {r.code && <Tag color="red">{r.code}</Tag>}
                {r.text}
              </div>
              <div className="measured-target-bar">
                <Typography.Text strong data-testid="measured-aim">
                  {aim(r)}
                </Typography.Text>
                <Space size={4} wrap>
                  {can(r, 'edit') && (
                    <Button
                      size="small"
                      icon={<EditOutlined />}
                      onClick={() => setEditingId(r.id)}
                      aria-label={`${t('catalogue.edit')}: ${r.code ?? r.text}`}
                      data-testid={`edit-target-${r.code ?? r.id}`}
                    >
                      {t('catalogue.edit')}
                    </Button>
                  )}
                  {can(r, 'archive') && (
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => setRetiringId(r.id)}
                      aria-label={`${t('catalogue.retire')}: ${r.code ?? r.text}`}
                      data-testid={`retire-target-${r.code ?? r.id}`}
                    >
                      {t('catalogue.retire')}
                    </Button>
                  )}
                </Space>
              </div>
            </div>
          ))}
        </div>
      )}
      {canAdd && (
        <Button type="dashed" icon={<PlusOutlined />} onClick={() => setAdding(true)} style={{ marginTop: 8 }} data-testid="measured-add">
          {t('programs.measuredAdd')}
        </Button>
      )}
      {program.previousVersionId && current?.changes && (
        <div className="measured-changes" data-testid="pending-changes">
          <Typography.Text strong>{t('programs.pendingChanges', { version: program.version - 1 })}</Typography.Text>
          <ChangeLines changes={current.changes} />
        </div>
      )}
      <TargetEditDrawer
        target={editing}
        indicator={editing ? indicatorById.get(editing.indicatorId) : undefined}
        onClose={() => setEditingId(null)}
        onSaved={syncText}
      />
      <TargetRetireDialog target={rowById(retiringId)} onClose={() => setRetiringId(null)} />
      <TargetDrawer
        open={adding}
        onClose={() => setAdding(false)}
        defaultProgramId={program.id}
        defaultScopeUnitId={program.unitId}
        year={program.year}
        indicators={indicators.data?.items ?? []}
      />
    </Card>
  );
}
