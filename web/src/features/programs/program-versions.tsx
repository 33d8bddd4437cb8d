// The versions panel (các phiên bản) of a program page: every version of the
// document with what changed from the one before, each a link.
import { Card, List, Skeleton, Space, Typography } from 'antd';
import { Link } from 'react-router';
import type { ProgramChanges } from '../../../../common/program-diff';
import { useI18n } from '../../app/i18n';
import { formatDate } from '../../lib/dates';
import { useProgramVersions } from './api';
import { ProgramStatusTag } from './program-labels';

function ChangeLines({ changes }: { changes: ProgramChanges }) {
  const { t } = useI18n();
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
  if (!lines.length) return <Typography.Text type="secondary">{t('programs.noChanges')}</Typography.Text>;
  return (
    <ul className="versions-changes">
      {lines.map((line) => (
        <li key={line}>{line}</li>
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
