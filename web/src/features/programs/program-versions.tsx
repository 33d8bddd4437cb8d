// The versions panel (các phiên bản) of a program page: every version of the
// document with what changed from the one before, each a link.
import { Card, List, Skeleton, Space, Typography } from 'antd';
import { Link } from 'react-router';
import type { MessageKey } from '../../../../common/i18n';
import type { MeasuredTargetChange, ProgramChanges } from '../../../../common/program-diff';
import { useI18n } from '../../app/i18n';
import { formatDate } from '../../lib/dates';
import { useProgramVersions } from './api';
import { ProgramStatusTag } from './program-labels';

/** One line per measured target changed by the amendment: old → new value, added, retired. */
function useMeasuredLines() {
  const { t } = useI18n();
  const aim = (x: { comparator: string; value: number }) =>
    `${t(`targets.comparator.${x.comparator}` as MessageKey)} ${t('programs.measuredNumber', { value: x.value })}`;
  return (m: MeasuredTargetChange): string => {
    const code = m.code ?? '–';
    if (m.change === 'added' && m.after) return t('programs.changes.measuredAdded', { code, aim: aim(m.after) });
    if (m.change === 'retired' && m.before) return t('programs.changes.measuredRetired', { code, aim: aim(m.before) });
    const before = m.before!;
    const after = m.after!;
    const details = m.fields.map((f) => {
      switch (f) {
        case 'value':
          return t('programs.changes.measuredValue', { before: before.value, after: after.value });
        case 'comparator':
          return t('programs.changes.measuredComparator', {
            before: t(`targets.comparator.${before.comparator}` as MessageKey),
            after: t(`targets.comparator.${after.comparator}` as MessageKey),
          });
        case 'tolerance':
          return t('programs.changes.measuredTolerance', { before: before.tolerance, after: after.tolerance });
        case 'text':
          return t('programs.changes.measuredText', { after: after.text });
      }
    });
    return t('programs.changes.measuredEdited', { code, details: details.join('; ') });
  };
}

/** What changed from the previous version: header, sections, the document's targets and task groups, and the measured targets. */
export function ChangeLines({ changes }: { changes: ProgramChanges }) {
  const { t } = useI18n();
  const measuredLine = useMeasuredLines();
  const join = (items: Array<string | number>) => items.join(', ');
  const lines: string[] = [];
  if (changes.header.length)
    lines.push(
      t('programs.changes.header', { items: join(changes.header.map((h) => t(`programs.field.${h}` as 'programs.field.title'))) }),
    );
  if (changes.sections.length)
    lines.push(
      t('programs.changes.sections', { items: join(changes.sections.map((s) => t(`programs.section.${s}` as 'programs.section.theme'))) }),
    );
  const item = (
    key: 'targetsAdded' | 'targetsRemoved' | 'targetsEdited' | 'groupsAdded' | 'groupsRemoved' | 'groupsEdited',
    values: Array<string | number>,
  ) => {
    if (values.length) lines.push(t(`programs.changes.${key}`, { items: join(values) }));
  };
  item('targetsAdded', changes.targets.added);
  item('targetsRemoved', changes.targets.removed);
  item('targetsEdited', changes.targets.edited);
  item('groupsAdded', changes.taskGroups.added);
  item('groupsRemoved', changes.taskGroups.removed);
  item('groupsEdited', changes.taskGroups.edited);
  if (changes.targets.reordered) lines.push(t('programs.changes.targetsReordered'));
  if (changes.taskGroups.reordered) lines.push(t('programs.changes.groupsReordered'));
  for (const m of changes.measured ?? []) lines.push(measuredLine(m));
  if (!lines.length) return <Typography.Text type="secondary">{t('programs.noChanges')}</Typography.Text>;
  return (
    <ul className="versions-changes" data-testid="version-changes">
      {lines.map((line, i) => (
        <li key={`${i}-${line}`}>{line}</li>
      ))}
    </ul>
  );
}

export function ProgramVersions({ programId }: { programId: string }) {
  const { t } = useI18n();
  const query = useProgramVersions(programId);
  if (query.isLoading) return <Skeleton active paragraph={{ rows: 2 }} />;
  const versions = query.data ?? [];
  if (versions.length <= 1) return null;
  return (
    <Card size="small" title={t('programs.versions')} style={{ marginBottom: 16 }}>
      <List
        className="versions-list"
        dataSource={[...versions].reverse()}
        renderItem={(v) => (
          <List.Item>
            <Space orientation="vertical" size={2} style={{ width: '100%' }}>
              <Space wrap size={6}>
                {v.id === programId ? (
                  <Typography.Text strong>{t('programs.version', { version: v.version })}</Typography.Text>
                ) : (
                  <Link to={`/programs/${v.id}`}>{t('programs.version', { version: v.version })}</Link>
                )}
                <ProgramStatusTag status={v.status} />
                {v.status !== 'draft' && <Typography.Text title={t('programs.number')}>{v.documentNumber}</Typography.Text>}
                {v.issuedOn && <Typography.Text type="secondary">{formatDate(v.issuedOn)}</Typography.Text>}
                {v.id === programId && <Typography.Text type="secondary">({t('programs.versionCurrent')})</Typography.Text>}
              </Space>
              {v.changes ? (
                <ChangeLines changes={v.changes} />
              ) : (
                <Typography.Text type="secondary">{t('programs.firstVersion')}</Typography.Text>
              )}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
