// A unit's own targets (chỉ tiêu của đơn vị) — what a CĐCS chair sees first: each
// target that applies to the unit, its share or inherited rate, its own value
// and status and what it still owes; the whole target's figures one tap further.
import { Progress, Tag, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { MessageKey } from '../../../../common/i18n';
import { useI18n } from '../../app/i18n';
import { LightCard } from '../../lib/light-card';
import type { UnitTargetItem } from './api';
import { NetChange } from './net-change';
import { progressPercent, STATUS_COLORS, StatusTag, useComparatorLabel, useFormatValue } from './labels';

export function OwnTargetCard({ item, asOf, parentName }: { item: UnitTargetItem; asOf: string; parentName?: string }) {
  const { t } = useI18n();
  const formatValue = useFormatValue();
  const comparator = useComparatorLabel();
  const { target, own } = item;
  const uom = target.unitOfMeasure;
  const isCondition = own.basis === 'condition' || target.measure === 'share_of_units';
  return (
    <LightCard size="small" className="target-card own-target-card" data-testid="own-target-card">
      <div className="target-card-head">
        {target.code && <span className="target-code">{target.code}</span>}
        {own.status ? <StatusTag status={own.status} /> : <Tag>{t('targets.ownNotJudged')}</Tag>}
        <Tag color="geekblue">{t(`targets.basis.${own.basis}` as MessageKey)}</Tag>
      </div>
      <Typography.Paragraph className="target-text" ellipsis={{ rows: 3, expandable: 'collapsible' }}>
        {target.text}
      </Typography.Paragraph>
      {isCondition && own.meets !== null ? (
        <Typography.Text strong>{own.meets ? t('targets.ownMeets') : t('targets.ownNotMeets')}</Typography.Text>
      ) : (
        <div className="target-values">
          <div>
            <Typography.Text type="secondary">{t('targets.ownValue')}</Typography.Text>
            <div className="target-value" data-testid="own-value">
              {own.ownValue === null ? t('targets.noValue') : formatValue(own.ownValue, uom)}
            </div>
          </div>
          <div style={{ textAlign: 'end' }}>
            <Typography.Text type="secondary">{t('targets.ownTarget')}</Typography.Text>
            <div className="target-value">
              {own.ownTarget === null ? '–' : `${comparator(target.comparator)} ${formatValue(own.ownTarget, uom)}`}
            </div>
          </div>
        </div>
      )}
      {own.ownTarget !== null && !isCondition && (
        <Progress
          percent={Math.round(progressPercent(own.ownValue, own.ownTarget, target.comparator))}
          strokeColor={own.status ? STATUS_COLORS[own.status].hex : undefined}
          showInfo={false}
          size="small"
        />
      )}
      {own.owed !== null && (
        <Typography.Text type={own.owed > 0 ? 'danger' : 'success'} data-testid="own-owed">
          {own.owed > 0 ? `${t('targets.ownOwed')}: ${formatValue(own.owed, uom)}` : t('targets.ownDone')}
        </Typography.Text>
      )}
      {own.basis === 'none' && <Typography.Text type="secondary">{t('targets.ownContributes')}</Typography.Text>}
      <div className="target-card-foot">
        <Typography.Text type="secondary">
          {t('targets.parentFiguresShort')}: {target.value === null ? t('targets.noValue') : formatValue(target.value, uom)} /{' '}
          {comparator(target.comparator)} {formatValue(target.targetValue, uom)}
        </Typography.Text>
        <Link to={`/targets/${target.targetId}?asOf=${asOf}`} data-testid="parent-figures">
          {parentName ? t('targets.parentFigures', { unit: parentName }) : t('targets.viewBreakdown')} <RightOutlined />
        </Link>
      </div>
      <NetChange item={target} />
    </LightCard>
  );
}
