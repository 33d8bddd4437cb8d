import {
  ApartmentOutlined,
  ArrowLeftOutlined,
  BranchesOutlined,
  EditOutlined,
  MergeCellsOutlined,
  PlusOutlined,
  ReloadOutlined,
  StopOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import { Button, Card, DatePicker, Descriptions, Empty, List, Result, Skeleton, Space, Spin, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { MessageKey } from '../../../../common/i18n';
import { useI18n } from '../../app/i18n';
import { ApiError } from '../../lib/api';
import { DATE_FORMAT, dayAfter, formatDate, todayIso } from '../../lib/dates';
import { IssueDelegationsCard } from '../documents/issue-delegations-card';
import { useOrgUnit, type OrgUnitDeparture, type OrgUnitDetail, type OrgUnitLink } from './api';
import { UnitActionDrawer, type UnitAction } from './unit-actions';
import { UnitFormDrawer } from './unit-form-drawer';
import { KindTag, useFormatRange } from './unit-labels';
import { unitHref } from './unit-tree-page';
import './units.css';

/** Trang đơn vị: who the unit is, its parents over time, mergers and splits, and its children on a date. */
export function UnitPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { id } = useParams<{ id: string }>();
  const [params, setParams] = useSearchParams();
  const asOfParam = params.get('asOf');
  const asOf = asOfParam && dayjs(asOfParam, 'YYYY-MM-DD', true).isValid() ? asOfParam : todayIso();
  const detail = useOrgUnit(id, asOf);
  const treeHref = asOf === todayIso() ? '/units' : `/units?asOf=${asOf}`;

  // A unit that has ended (or not started yet) is shown on a day it existed,
  // so its parent and children are not empty: its last (or first) day.
  const data = detail.data;
  useEffect(() => {
    if (asOfParam || !data || data.id !== id) return;
    const today = todayIso();
    const day = data.validTo && data.validTo < today ? data.validTo : data.validFrom > today ? data.validFrom : null;
    if (day) setParams((prev) => new URLSearchParams({ ...Object.fromEntries(prev), asOf: day }), { replace: true });
  }, [asOfParam, data, id, setParams]);

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(treeHref)}>
      {t('units.backToTree')}
    </Button>
  );

  if (detail.isError) {
    const status = detail.error instanceof ApiError ? detail.error.status : 0;
    if (status === 404 || status === 403) {
      return (
        <Result
          status={status === 404 ? '404' : '403'}
          title={status}
          subTitle={t(status === 404 ? 'units.notFound' : 'units.forbidden')}
          extra={back}
          data-testid="unit-not-available"
        />
      );
    }
    return (
      <Result
        status="error"
        title={t('common.loadFailed')}
        subTitle={detail.error instanceof Error ? detail.error.message : undefined}
        extra={
          <Space wrap>
            {back}
            <Button type="primary" icon={<ReloadOutlined />} onClick={() => detail.refetch()}>
              {t('common.retry')}
            </Button>
          </Space>
        }
      />
    );
  }

  const unit = detail.data;
  const loaded = unit && unit.id === id ? unit : null;
  if (!loaded) {
    return (
      <div className="page">
        <Card>
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      </div>
    );
  }

  const setAsOf = (iso: string) =>
    setParams(
      (prev) => {
        // Kept even for today, so an ended unit is not sent back to its last day.
        const next = new URLSearchParams(prev);
        next.set('asOf', iso);
        return next;
      },
      { replace: true },
    );

  return (
    <Spin spinning={detail.isFetching && detail.isPlaceholderData}>
      <UnitView unit={loaded} asOf={asOf} setAsOf={setAsOf} treeHref={treeHref} />
    </Spin>
  );
}

function UnitView({
  unit,
  asOf,
  setAsOf,
  treeHref,
}: {
  unit: OrgUnitDetail;
  asOf: string;
  setAsOf: (iso: string) => void;
  treeHref: string;
}) {
  const { t } = useI18n();
  // The server says whether this user may change this unit (role, scope and date); no guessing here.
  const canManage = Boolean(unit.canManage);
  const formatRange = useFormatRange();
  const [editing, setEditing] = useState(false);
  const [addingChild, setAddingChild] = useState(false);
  const [action, setAction] = useState<UnitAction | null>(null);
  const today = todayIso();
  const ended = Boolean(unit.validTo && unit.validTo < today);
  const active = !unit.validTo;
  const parentNow = unit.parents.find((p) => p.validFrom <= asOf && (!p.validTo || p.validTo >= asOf));

  return (
    <div className="page units-page">
      <Space wrap style={{ marginBottom: 12 }}>
        <Link to={treeHref}>
          <ApartmentOutlined /> {t('units.backToTree')}
        </Link>
      </Space>

      <Card>
        <div className="page-header" style={{ marginBottom: 8 }}>
          <div className="unit-header-title">
            <Typography.Title level={3} data-testid="unit-full-name">
              {unit.fullName}
            </Typography.Title>
            <KindTag kind={unit.kind} />
            {ended && <Tag color="default">{t('units.endedTag')}</Tag>}
          </div>
        </div>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
          data-testid="unit-details"
          items={[
            { key: 'code', label: t('units.code'), children: <Typography.Text code>{unit.code}</Typography.Text> },
            { key: 'shortName', label: t('units.shortName'), children: unit.shortName },
            { key: 'kind', label: t('units.kind'), children: t(`enums.kind.${unit.kind}` as MessageKey) },
            ...(unit.kind === 'grassroots_union'
              ? [{ key: 'sector', label: t('units.sector'), children: unit.sector ? t(`enums.sector.${unit.sector}` as MessageKey) : '—' }]
              : []),
            { key: 'validity', label: t('units.validity'), children: formatRange(unit.validFrom, unit.validTo) },
            {
              key: 'parent',
              label: t('units.parent'),
              children: parentNow ? (
                <UnitName id={parentNow.parentId} name={parentNow.parentName} visible={parentNow.visible} asOf={asOf} />
              ) : (
                '—'
              ),
            },
            { key: 'address', label: t('units.address'), children: unit.address || '—' },
          ]}
        />
        {unit.kind === 'grassroots_union' && <FoundingRecord unit={unit} />}
        {canManage && (
          <div className="unit-actions" style={{ marginTop: 16 }}>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-unit-button">
              {t('units.actionEdit')}
            </Button>
            {active && (
              <>
                <Button icon={<SwapOutlined />} onClick={() => setAction('move')} data-testid="move-unit-button">
                  {t('units.actionMove')}
                </Button>
                <Button icon={<MergeCellsOutlined />} onClick={() => setAction('merge')} data-testid="merge-unit-button">
                  {t('units.actionMerge')}
                </Button>
                <Button icon={<BranchesOutlined />} onClick={() => setAction('split')} data-testid="split-unit-button">
                  {t('units.actionSplit')}
                </Button>
                <Button danger icon={<StopOutlined />} onClick={() => setAction('dissolve')} data-testid="dissolve-unit-button">
                  {t('units.actionDissolve')}
                </Button>
              </>
            )}
          </div>
        )}
      </Card>

      <div className="unit-section-grid">
        <Card title={t('units.history')} data-testid="unit-history">
          <div className="unit-subheading">{t('units.parentHistory')}</div>
          {unit.parents.length === 0 ? (
            <Typography.Paragraph type="secondary" data-testid="parent-history">
              {t('units.noParentHistory')}
            </Typography.Paragraph>
          ) : (
            <Timeline
              data-testid="parent-history"
              items={[...unit.parents]
                .sort((a, b) => b.validFrom.localeCompare(a.validFrom))
                .map((p) => {
                  const current = p.validFrom <= today && (!p.validTo || p.validTo >= today);
                  const upcoming = p.validFrom > today;
                  return {
                    key: p.id,
                    color: current ? 'green' : upcoming ? '#1677ff' : 'gray',
                    content: (
                      <div data-testid="parent-period" data-parent-code={p.parentCode}>
                        <UnitName id={p.parentId} name={p.parentName} visible={p.visible} asOf={asOf} />{' '}
                        <Typography.Text type="secondary">({p.parentCode})</Typography.Text>
                        <div>
                          <Typography.Text>{formatRange(p.validFrom, p.validTo)}</Typography.Text>
                          {(current || upcoming) && (
                            <Tag color={current ? 'green' : 'blue'} style={{ marginInlineStart: 8 }}>
                              {t(current ? 'units.current' : 'units.upcoming')}
                            </Tag>
                          )}
                        </div>
                      </div>
                    ),
                  };
                })}
            />
          )}

          <div className="unit-subheading" style={{ marginTop: 8 }}>
            {t('units.successorLinks')}
          </div>
          {unit.links.length === 0 && unit.departures.length === 0 ? (
            <Typography.Paragraph type="secondary" data-testid="unit-links">
              {t('units.noLinks')}
            </Typography.Paragraph>
          ) : unit.links.length === 0 ? null : (
            <List
              className="unit-link-list"
              data-testid="unit-links"
              size="small"
              dataSource={[...unit.links].sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate))}
              renderItem={(l) => (
                <List.Item key={l.id} data-testid="unit-link">
                  <span>
                    <Typography.Text strong>{t(linkLabel(l))}</Typography.Text>{' '}
                    <UnitName id={l.otherUnitId} name={l.otherName} visible={l.visible} asOf={asOf} />{' '}
                    <Typography.Text type="secondary">({l.otherCode})</Typography.Text>
                  </span>
                  <Typography.Text type="secondary">{t('units.linkOnDate', { date: formatDate(l.effectiveDate) })}</Typography.Text>
                </List.Item>
              )}
            />
          )}
          {unit.departures.length > 0 && <Departures departures={unit.departures} asOf={asOf} />}
        </Card>

        <Card
          title={t('units.childrenAsOf', { date: formatDate(asOf) })}
          data-testid="unit-children"
          extra={
            canManage && active ? (
              <Button
                size="small"
                icon={<PlusOutlined />}
                onClick={() => setAddingChild(true)}
                aria-label={t('units.addChild')}
                title={t('units.addChild')}
                data-testid="add-child-unit-button"
              />
            ) : null
          }
        >
          <label className="units-asof" style={{ marginBottom: 12, display: 'flex' }}>
            <span>{t('units.asOf')}</span>
            <DatePicker
              value={dayjs(asOf)}
              format={DATE_FORMAT}
              allowClear={false}
              onChange={(d) => d && setAsOf(d.format('YYYY-MM-DD'))}
              aria-label={t('units.asOf')}
              data-testid="unit-as-of-date"
            />
          </label>
          {unit.children.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('units.noChildren')} />
          ) : (
            <List
              className="unit-children-list"
              size="small"
              dataSource={unit.children}
              renderItem={(c) => (
                <List.Item key={c.id} data-testid="unit-child">
                  <Space wrap size={[8, 2]}>
                    <Link to={unitHref(c.id, asOf)}>{c.shortName}</Link>
                    <KindTag kind={c.kind} />
                    {c.validTo && <Typography.Text type="secondary">{formatRange(c.validFrom, c.validTo)}</Typography.Text>}
                  </Space>
                </List.Item>
              )}
            />
          )}
        </Card>
      </div>

      {/* Who issues the unit's documents besides its leaders (a CĐCS chair issues their own union's without one). */}
      {unit.kind !== 'grassroots_union' && unit.kind !== 'section' && <IssueDelegationsCard unitId={unit.id} />}

      {canManage && (
        <>
          <UnitFormDrawer open={editing} onClose={() => setEditing(false)} unit={unit} />
          <UnitFormDrawer open={addingChild} onClose={() => setAddingChild(false)} initialParentId={unit.id} initialDate={asOf} />
          <UnitActionDrawer action={action} unit={unit} onClose={() => setAction(null)} />
        </>
      )}
    </div>
  );
}

function linkLabel(l: OrgUnitLink): MessageKey {
  if (l.kind === 'merged_into') return l.direction === 'out' ? 'units.linkMergedIntoOut' : 'units.linkMergedIntoIn';
  return l.direction === 'out' ? 'units.linkSplitFromOut' : 'units.linkSplitFromIn';
}

/** Nơi các đơn vị trực thuộc chuyển đến: each unit that left this one, where it went and from when. */
function Departures({ departures, asOf }: { departures: OrgUnitDeparture[]; asOf: string | undefined }) {
  const { t } = useI18n();
  const verb = (d: OrgUnitDeparture): MessageKey =>
    !d.to
      ? d.ended
        ? 'units.departureEnded'
        : 'units.departureNone'
      : d.to.kind === 'parent'
        ? 'units.departureParent'
        : d.to.kind === 'merged_into'
          ? 'units.departureMerged'
          : 'units.departureSplit';
  return (
    <>
      <div className="unit-subheading" style={{ marginTop: 8 }}>
        {t('units.departures')}
      </div>
      <List
        className="unit-link-list"
        data-testid="unit-departures"
        size="small"
        dataSource={departures}
        renderItem={(d) => (
          <List.Item key={`${d.id}-${d.leftOn}`} data-testid="unit-departure">
            <span>
              <UnitName id={d.id} name={d.shortName} visible asOf={d.leftOn} />{' '}
              <Typography.Text type="secondary">({d.code})</Typography.Text> {t(verb(d))}{' '}
              {d.to && (
                <>
                  <UnitName id={d.to.id} name={d.to.shortName} visible={d.to.visible} asOf={asOf} />{' '}
                  <Typography.Text type="secondary">({d.to.code})</Typography.Text>
                </>
              )}
            </span>
            <Typography.Text type="secondary">
              {t('units.departureFrom', { date: formatDate(d.to ? d.to.from : dayAfter(d.leftOn)) })}
            </Typography.Text>
          </List.Item>
        )}
      />
    </>
  );
}

/** A unit's name: a link when the user may open its page, plain text otherwise (no dead-end 403). */
function UnitName(props: { id: string; name: string; visible: boolean; asOf: string | undefined }) {
  return props.visible ? <Link to={unitHref(props.id, props.asOf)}>{props.name}</Link> : <span>{props.name}</span>;
}

/** Hồ sơ thành lập CĐCS: founding date (= start of validity), decision, members at founding, dissolution. */
function FoundingRecord({ unit }: { unit: OrgUnitDetail }) {
  const { t } = useI18n();
  const notRecorded = <Typography.Text type="secondary">{t('units.foundingNotRecorded')}</Typography.Text>;
  return (
    <Descriptions
      size="small"
      title={t('units.foundingRecord')}
      style={{ marginTop: 16 }}
      column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
      data-testid="unit-founding-record"
      items={[
        { key: 'foundingDate', label: t('units.foundingDate'), children: formatDate(unit.validFrom) },
        { key: 'foundingDecision', label: t('units.foundingDecision'), children: unit.foundingDecision || notRecorded },
        {
          key: 'initialMemberCount',
          label: t('units.initialMemberCount'),
          children: unit.initialMemberCount === null ? notRecorded : t('units.initialMemberCountValue', { count: unit.initialMemberCount }),
        },
        ...(unit.validTo ? [{ key: 'dissolvedOn', label: t('units.dissolvedOn'), children: formatDate(unit.validTo) }] : []),
      ]}
    />
  );
}
