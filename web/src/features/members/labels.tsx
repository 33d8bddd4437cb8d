// Labels, colours and formatting shared by the member pages.
import { Tag } from 'antd';
import type { MessageKey } from '../../../../common/i18n';
import type { MemberEventKind, MemberStatus, TransferState, UnionPosition, Gender, AgeBand } from '../../../../common/members';
import { useI18n } from '../../app/i18n';
import { formatDate } from '../../lib/dates';

export const STATUS_COLOR: Record<MemberStatus, string> = {
  active: 'green',
  transferred_out: 'blue',
  left: 'default',
  deceased: 'default',
};

export const statusKey = (s: MemberStatus) => `members.status_${s}` as MessageKey;
export const positionKey = (p: UnionPosition) => `members.position_${p}` as MessageKey;
export const genderKey = (g: Gender) => `members.gender_${g}` as MessageKey;
export const ageBandKey = (a: AgeBand) => `members.ageBand_${a}` as MessageKey;
export const eventKey = (k: MemberEventKind) => `members.event_${k}` as MessageKey;
export const transferStateKey = (s: TransferState) => `members.transfer_${s}` as MessageKey;

export const TRANSFER_STATE_COLOR: Record<TransferState, string> = { pending: 'gold', accepted: 'green', refused: 'red' };

export function MemberStatusTag({ status, pendingTransfer }: { status: MemberStatus; pendingTransfer?: boolean }) {
  const { t } = useI18n();
  return (
    <span className="members-tags">
      <Tag color={STATUS_COLOR[status]} data-testid={`member-status-${status}`}>
        {t(statusKey(status))}
      </Tag>
      {pendingTransfer && (
        <Tag color="gold" data-testid="member-pending-transfer">
          {t('members.pendingTransferTag')}
        </Tag>
      )}
    </span>
  );
}

/** A birth date as the API gives it: "1985-**-**" (masked) → "**\/**\/1985", ISO → dd/mm/yyyy. */
export function formatBirthDate(value: string | null | undefined): string {
  if (!value) return '';
  if (value.includes('*')) return `**/**/${value.slice(0, 4)}`;
  return formatDate(value);
}
