import { Tag } from 'antd';
import type { OrgUnitKind } from '../../../../common/enums';
import type { MessageKey } from '../../../../common/i18n';
import { useI18n } from '../../app/i18n';
import { formatDate } from '../../lib/dates';

/** One colour per level of the tree so the eye finds the level quickly. */
const KIND_COLORS: Record<OrgUnitKind, string> = {
  national_confederation: 'red',
  province_federation: 'volcano',
  district_federation: 'orange',
  sector_union: 'gold',
  industrial_zone_union: 'cyan',
  commune_union: 'geekblue',
  grassroots_union: 'green',
  section: 'default',
};

export function KindTag({ kind }: { kind: OrgUnitKind }) {
  const { t } = useI18n();
  return (
    <Tag color={KIND_COLORS[kind]} variant="filled" style={{ marginInlineEnd: 0 }}>
      {t(`enums.kind.${kind}` as MessageKey)}
    </Tag>
  );
}

/** "dd/mm/yyyy – dd/mm/yyyy", with "nay" for an open end. */
export function useFormatRange() {
  const { t } = useI18n();
  return (from: string, to: string | null) =>
    t('units.dateRange', { from: formatDate(from), to: to ? formatDate(to) : t('units.present') });
}
