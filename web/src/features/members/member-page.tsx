import { Alert, Button, Card, Descriptions, Empty, Result, Skeleton, Tag, Timeline, Typography } from 'antd';
import {
  ArrowLeftOutlined,
  EditOutlined,
  IdcardOutlined,
  LockOutlined,
  LogoutOutlined,
  SwapOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { MemberEventKind } from '../../../../common/members';
import { useI18n } from '../../app/i18n';
import { ApiError } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { EditMemberDrawer } from './admit-drawer';
import { useMember, type MemberDetail, type MemberEvent } from './api';
import { eventKey, formatBirthDate, genderKey, MemberStatusTag, positionKey, TRANSFER_STATE_COLOR, transferStateKey } from './labels';
import { IssueCardModal, LeaveModal, RejoinModal, TransferModal } from './member-dialogs';
import './members.css';

/** Trang đoàn viên: personal data, unit, status, card, the events' timeline and the actions the caller may take. */
export function MemberPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const member = useMember(id);
  if (member.isLoading) return <Skeleton active className="page" />;
  if (member.isError || !member.data) {
    const notFound = member.error instanceof ApiError && (member.error.status === 404 || member.error.status === 403);
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('members.notFound') : t('common.loadFailed')}
        subTitle={member.error instanceof ApiError && !notFound ? member.error.message : undefined}
        extra={
          <Link to="/members">
            <Button>{t('members.backToList')}</Button>
          </Link>
        }
        data-testid="member-not-found"
      />
    );
  }
  return <MemberView member={member.data} />;
}

type Dialog = 'edit' | 'transfer' | 'leave' | 'rejoin' | 'card' | null;

function MemberView({ member: m }: { member: MemberDetail }) {
  const { t } = useI18n();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const events = [...m.events].reverse();
  const dash = '—';

  const actions = [
    m.can.edit && (
      <Button key="edit" icon={<EditOutlined />} onClick={() => setDialog('edit')} data-testid="member-edit">
        {t('common.edit')}
      </Button>
    ),
    m.can.transfer && (
      <Button key="transfer" icon={<SwapOutlined />} onClick={() => setDialog('transfer')} data-testid="member-transfer">
        {t('members.transfer')}
      </Button>
    ),
    m.can.issueCard && (
      <Button key="card" icon={<IdcardOutlined />} onClick={() => setDialog('card')} data-testid="member-issue-card">
        {t('members.issueCard')}
      </Button>
    ),
    m.can.rejoin && (
      <Button key="rejoin" type="primary" icon={<UserAddOutlined />} onClick={() => setDialog('rejoin')} data-testid="member-rejoin">
        {t('members.rejoin')}
      </Button>
    ),
    m.can.leave && (
      <Button key="leave" danger icon={<LogoutOutlined />} onClick={() => setDialog('leave')} data-testid="member-leave">
        {t('members.leave')}
      </Button>
    ),
  ].filter(Boolean);

  return (
    <div className="page member-page" data-testid="member-page">
      <Link to="/members" className="members-back">
        <ArrowLeftOutlined /> {t('members.backToList')}
      </Link>
      <div className="member-header">
        <Typography.Title level={3} data-testid="member-title">
          {m.fullName}
        </Typography.Title>
        <MemberStatusTag status={m.status} pendingTransfer={m.pendingTransfer} />
        {m.partyMember && <Tag color="red">{t('members.partyMember')}</Tag>}
      </div>
      {actions.length > 0 && <div className="member-actions">{actions}</div>}

      <div className="member-grid">
        <Card title={t('members.sectionPerson')} size="small">
          {m.personalDataMasked && (
            <Alert
              type="info"
              showIcon
              icon={<LockOutlined />}
              title={t('members.maskedNote')}
              style={{ marginBottom: 12 }}
              data-testid="member-masked-note"
            />
          )}
          <Descriptions column={1} size="small" data-testid="member-details">
            <Descriptions.Item label={t('members.gender')}>{t(genderKey(m.gender))}</Descriptions.Item>
            <Descriptions.Item label={t('members.birthDate')}>{formatBirthDate(m.birthDate)}</Descriptions.Item>
            <Descriptions.Item label={t('members.citizenId')}>
              <span className="members-mono">{m.citizenId ?? dash}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('members.phone')}>
              <span className="members-mono">{m.phone ?? dash}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('members.email')}>{m.email ?? dash}</Descriptions.Item>
            <Descriptions.Item label={t('members.ethnicity')}>{m.ethnicity ?? dash}</Descriptions.Item>
            <Descriptions.Item label={t('members.job')}>{m.job ?? dash}</Descriptions.Item>
            <Descriptions.Item label={t('members.workplace')}>{m.workplace ?? dash}</Descriptions.Item>
          </Descriptions>
        </Card>

        <Card title={t('members.sectionUnion')} size="small">
          <Descriptions column={1} size="small" data-testid="member-union">
            <Descriptions.Item label={t('members.unit')}>
              <span className="members-unit" data-testid="member-unit">
                <Link to={`/units/${m.unitId}`}>{m.unitName}</Link>
                <Typography.Text type="secondary">{m.unitCode}</Typography.Text>
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('common.status')}>
              <MemberStatusTag status={m.status} pendingTransfer={m.pendingTransfer} />
            </Descriptions.Item>
            <Descriptions.Item label={t('members.admittedOn')}>{formatDate(m.admittedOn)}</Descriptions.Item>
            <Descriptions.Item label={t('members.position')}>{t(positionKey(m.unionPosition))}</Descriptions.Item>
            <Descriptions.Item label={t('members.partyMember')}>{t(m.partyMember ? 'common.yes' : 'common.no')}</Descriptions.Item>
            <Descriptions.Item label={t('members.cardNumber')}>
              {m.cardNumber ? (
                <span>
                  <span className="members-mono">{m.cardNumber}</span>
                  {m.cardIssuedOn && (
                    <Typography.Text type="secondary"> · {t('members.cardIssuedOn', { date: formatDate(m.cardIssuedOn) })}</Typography.Text>
                  )}
                </span>
              ) : (
                <Typography.Text type="secondary">{t('members.noCard')}</Typography.Text>
              )}
            </Descriptions.Item>
          </Descriptions>
        </Card>

        <Card title={t('members.timeline')} size="small" className="member-grid-wide">
          {events.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <Timeline
              data-testid="member-timeline"
              items={events.map((e) => ({ key: e.id, color: EVENT_COLOR[e.kind], content: <EventItem event={e} /> }))}
            />
          )}
        </Card>
      </div>

      <EditMemberDrawer member={m} open={dialog === 'edit'} onClose={close} />
      <TransferModal member={m} open={dialog === 'transfer'} onClose={close} />
      <LeaveModal member={m} open={dialog === 'leave'} onClose={close} />
      <RejoinModal member={m} open={dialog === 'rejoin'} onClose={close} />
      <IssueCardModal member={m} open={dialog === 'card'} onClose={close} />
    </div>
  );
}

const EVENT_COLOR: Record<MemberEventKind, string> = {
  admitted: 'green',
  rejoined: 'green',
  transferred: 'blue',
  left: 'gray',
  died: 'gray',
  card_issued: 'red',
};

function EventItem({ event: e }: { event: MemberEvent }) {
  const { t } = useI18n();
  const target = e.toUnitName ?? e.toOutsideName;
  return (
    <div className="member-event" data-testid={`member-event-${e.kind}`}>
      <div className="member-event-head">
        <Typography.Text strong>{t(eventKey(e.kind))}</Typography.Text>
        <span className="member-event-date">{formatDate(e.eventDate)}</span>
        {e.transferState && (
          <Tag color={TRANSFER_STATE_COLOR[e.transferState]}>
            {t(transferStateKey(e.transferState))}
            {e.decidedOn ? ` ${formatDate(e.decidedOn)}` : ''}
          </Tag>
        )}
      </div>
      <div>
        {e.kind === 'transferred' ? (
          <span>
            {e.unitName} → {target}
            {!e.toUnitId && e.toOutsideName && <Typography.Text type="secondary"> ({t('members.transferOutside')})</Typography.Text>}
          </span>
        ) : e.kind === 'card_issued' ? (
          <span>
            {t('members.cardNumber')}: <span className="members-mono">{e.cardNumber}</span>
          </span>
        ) : (
          <span>{e.unitName}</span>
        )}
      </div>
      {e.note && <div className="member-event-note">{e.note}</div>}
      {e.createdByName && (
        <Typography.Text type="secondary" className="member-event-by">
          {t('members.recordedBy', { name: e.createdByName })}
        </Typography.Text>
      )}
    </div>
  );
}
