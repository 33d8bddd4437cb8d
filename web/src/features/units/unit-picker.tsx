import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import type { MessageKey } from '../../../../common/i18n';
import { useI18n } from '../../app/i18n';
import { useOrgUnits, type OrgUnitNode } from './api';
import { buildTree, defaultExpanded, fold, type TreeNode } from './tree';

interface PickerNode {
  value: string;
  title: string;
  searchText: string;
  disabled?: boolean;
  children: PickerNode[];
}

interface UnitPickerProps {
  /** Only units valid on this ISO date are offered; without it the picker waits. */
  date: string | undefined;
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** This unit and everything under it cannot be chosen (a unit cannot sit under itself). */
  excludeSubtreeOf?: string;
  /** Extra ids that cannot be chosen. */
  disabledIds?: readonly string[];
  allowClear?: boolean;
  placeholder?: string;
  id?: string;
  'data-testid'?: string;
}

/**
 * Chọn đơn vị: a searchable tree of the units valid on a date, within the
 * caller's scope. Search ignores case and Vietnamese diacritics, and looks at
 * the code, short and full names.
 */
export function UnitPicker({
  date,
  value,
  onChange,
  excludeSubtreeOf,
  disabledIds,
  allowClear,
  placeholder,
  id,
  ...rest
}: UnitPickerProps) {
  const { t } = useI18n();
  const list = useOrgUnits(date, undefined, { enabled: Boolean(date) });
  const { treeData, expanded } = useMemo(() => {
    const items = list.data?.items ?? [];
    const blocked = new Set(disabledIds ?? []);
    const convert = (node: TreeNode<OrgUnitNode>, inBlocked: boolean): PickerNode => {
      const u = node.unit;
      const blockedHere = inBlocked || u.id === excludeSubtreeOf;
      return {
        value: u.id,
        title: `${u.shortName} (${u.code})`,
        searchText: fold(`${u.code} ${u.shortName} ${u.fullName} ${t(`enums.kind.${u.kind}` as MessageKey)}`),
        disabled: blockedHere || blocked.has(u.id),
        children: node.children.map((c) => convert(c, blockedHere)),
      };
    };
    const roots = buildTree(items);
    return { treeData: roots.map((n) => convert(n, false)), expanded: defaultExpanded(roots, 40) };
  }, [list.data, excludeSubtreeOf, disabledIds, t]);

  // A chosen unit that is not valid on the new date would show as a bare id.
  const known = useMemo(() => new Set((list.data?.items ?? []).map((u) => u.id)), [list.data]);
  const shown = value && (list.isFetching || known.has(value)) ? value : undefined;

  return (
    <TreeSelect
      // Remount once the units arrive so the default expansion applies to them.
      key={list.data ? `ready-${list.data.asOf}` : 'loading'}
      id={id}
      data-testid={rest['data-testid']}
      value={shown}
      onChange={(v) => onChange?.((v as string | undefined) ?? null)}
      treeData={treeData}
      loading={list.isFetching}
      disabled={!date}
      allowClear={allowClear}
      placeholder={date ? (placeholder ?? t('units.parentPlaceholder')) : t('units.parentPickDateFirst')}
      showSearch={{
        filterTreeNode: (input, node) => (node as unknown as PickerNode).searchText.includes(fold(input.trim())),
      }}
      treeDefaultExpandedKeys={expanded}
      notFoundContent={list.isError ? t('common.loadFailed') : t('common.empty')}
      style={{ width: '100%' }}
      listHeight={320}
    />
  );
}
