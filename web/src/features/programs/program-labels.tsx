import { Tag } from 'antd';
import type { ProgramStatus } from '../../../../common/programs';
import { useI18n } from '../../app/i18n';

const STATUS_COLORS: Record<ProgramStatus, string> = { draft: 'gold', issued: 'green', superseded: 'default' };

export function ProgramStatusTag({ status }: { status: ProgramStatus }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLORS[status]}>{t(`programs.status.${status}`)}</Tag>;
}
