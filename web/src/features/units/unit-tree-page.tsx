import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Empty, Input, Result, Skeleton, Spin, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useI18n } from '../../app/i18n';
import { DATE_FORMAT, formatDate, todayIso } from '../../lib/dates';
import { useCan } from '../auth/use-me';
import { useOrgUnits, type OrgUnitNode } from './api';
import { ancestorIds, branchIds, buildTree, defaultExpanded, splitHighlight, type TreeNode } from './tree';
import { KindTag, useFormatRange } from './unit-labels';
import { UnitFormDrawer } from './unit-form-drawer';
import './units.css';

const SEARCH_DEBOUNCE_MS = 350;

/** Link to a unit page that keeps the date the user is looking at. */
export function unitHref(id: string, asOf?: string | null): string {
  return asOf && asOf !== todayIso() ? `/units/${id}?asOf=${asOf}` : `/units/${id}`;
}

/**
 * Cây đơn vị: the union tree as of a date, with a server-side search. The
 * date and the search live in the URL (?asOf=YYYY-MM-DD&q=…) so a link
 * reproduces the view.
 */
export function UnitTreePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const canManage = useCan('manageUnits');
  const [params, setParams] = useSearchParams();
  const asOfParam = params.get('asOf');
  const asOf = asOfParam && dayjs(asOfParam, 'YYYY-MM-DD', true).isValid() ? asOfParam : todayIso();
  const q = params.get('q')?.trim() ?? '';
  const [searchText, setSearchText] = useState(q);
  const [creating, setCreating] = useState(false);

  // The box follows the URL (back/forward), and the URL follows the box after a pause.
  const [boxFollows, setBoxFollows] = useState(q);
  if (q !== boxFollows) {
    setBoxFollows(q);
    setSearchText(q);
  }
  useEffect(() => {
    const next = searchText.trim();
    if (next === q) return;
    const timer = setTimeout(() => updateParams({ q: next }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [searchText]);

  function updateParams(change: { asOf?: string | null; q?: string }) {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if ('asOf' in change) {
          if (change.asOf && change.asOf !== todayIso()) next.set('asOf', change.asOf);
          else next.delete('asOf');
        }
        if ('q' in change) {
          if (change.q) next.set('q', change.q);
          else next.delete('q');
        }
        return next;
      },
      { replace: true },
    );
  }

  const list = useOrgUnits(asOf, q || undefined);
  const data = list.data;
  const roots = useMemo(() => buildTree(data?.items ?? []), [data]);
  const branches = useMemo(() => branchIds(roots), [roots]);
  const matchIds = useMemo(() => new Set(q ? (data?.matchIds ?? []) : []), [data, q]);

  const [expanded, setExpanded] = useState<string[]>([]);
  // Open the paths to the matches on a search; otherwise the first levels (each time the list or the search changes).
  const [expandedFor, setExpandedFor] = useState<{ data: typeof data; q: string }>();
  if (data && (expandedFor?.data !== data || expandedFor.q !== q)) {
    setExpandedFor({ data, q });
    setExpanded(q ? ancestorIds(data.items, data.matchIds) : defaultExpanded(roots));
  }

  const formatRange = useFormatRange();
  const treeData = useMemo(() => {
    const convert = (node: TreeNode<OrgUnitNode>): DataNode => ({
      key: node.unit.id,
      title: <UnitTitle unit={node.unit} q={q} match={matchIds.has(node.unit.id)} asOf={asOf} formatRange={formatRange} />,
      children: node.children.map(convert),
      isLeaf: node.children.length === 0,
    });
    return roots.map(convert);
  }, [roots, q, matchIds, asOf, formatRange]);

  const showingPlaceholder = list.isPlaceholderData;

  return (
    <div className="page units-page">
      <div className="page-header">
        <div>
          <Typography.Title level={3}>{t('units.title')}</Typography.Title>
          <Typography.Text type="secondary">{t('units.subtitle')}</Typography.Text>
        </div>
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="add-unit-button">
            {t('units.add')}
          </Button>
        )}
      </div>

      <Card>
        <div className="units-toolbar">
          <Input.Search
            allowClear
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            onSearch={(value) => updateParams({ q: value.trim() })}
            placeholder={t('units.searchPlaceholder')}
            aria-label={t('common.search')}
            data-testid="unit-search"
            className="units-search"
          />
          <label className="units-asof">
            <span>{t('units.asOf')}</span>
            <DatePicker
              value={dayjs(asOf)}
              format={DATE_FORMAT}
              allowClear={false}
              onChange={(d) => d && updateParams({ asOf: d.format('YYYY-MM-DD') })}
              aria-label={t('units.asOf')}
              data-testid="as-of-date"
            />
          </label>
          {branches.length > 0 && (
            <div className="units-toolbar-buttons">
              <Button onClick={() => setExpanded(branches)} data-testid="expand-all">
                {t('units.expandAll')}
              </Button>
              <Button onClick={() => setExpanded([])} data-testid="collapse-all">
                {t('units.collapseAll')}
              </Button>
            </div>
          )}
        </div>

        {data && !list.isError && (
          <Typography.Text type="secondary" className="units-count" data-testid="unit-count">
            {q ? t('units.matchCount', { count: data.matchIds.length }) : t('units.unitCount', { count: data.items.length })}
          </Typography.Text>
        )}

        {list.isError ? (
          <Result
            status="error"
            title={t('common.loadFailed')}
            subTitle={list.error instanceof Error ? list.error.message : undefined}
            extra={
              <Button icon={<ReloadOutlined />} onClick={() => list.refetch()}>
                {t('common.retry')}
              </Button>
            }
          />
        ) : !data ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : data.items.length === 0 ? (
          <Empty
            data-testid="unit-tree-empty"
            description={q ? t('units.noMatches', { q, date: formatDate(asOf) }) : t('units.emptyTree', { date: formatDate(asOf) })}
          >
            {q && <Button onClick={() => setSearchText('')}>{t('units.clearSearch')}</Button>}
          </Empty>
        ) : (
          <Spin spinning={list.isFetching && showingPlaceholder}>
            <Tree
              className="units-tree"
              data-testid="unit-tree"
              aria-label={t('units.title')}
              treeData={treeData}
              expandedKeys={expanded}
              onExpand={(keys) => setExpanded(keys as string[])}
              selectable
              selectedKeys={[]}
              onSelect={(_, info) => navigate(unitHref(String(info.node.key), asOf))}
              blockNode
              showLine={{ showLeafIcon: false }}
            />
          </Spin>
        )}
      </Card>

      {canManage && (
        <UnitFormDrawer
          open={creating}
          onClose={() => setCreating(false)}
          initialDate={asOf}
          onCreated={(u) => navigate(unitHref(u.id, asOf))}
        />
      )}
    </div>
  );
}

function UnitTitle({
  unit,
  q,
  match,
  asOf,
  formatRange,
}: {
  unit: OrgUnitNode;
  q: string;
  match: boolean;
  asOf: string;
  formatRange: (from: string, to: string | null) => string;
}) {
  const parts = match ? splitHighlight(unit.shortName, q) : [{ text: unit.shortName, match: false }];
  return (
    <span className={match ? 'units-node units-node-match' : 'units-node'} data-testid="unit-node" data-unit-code={unit.code}>
      <Link to={unitHref(unit.id, asOf)} title={unit.fullName} className="units-node-name" onClick={(e) => e.stopPropagation()}>
        {parts.map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
      </Link>
      <KindTag kind={unit.kind} />
      {unit.validTo && <span className="units-node-dates">{formatRange(unit.validFrom, unit.validTo)}</span>}
    </span>
  );
}
