import { DatePicker, Form, Input, Radio, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useEffect, useMemo } from 'react';
import { LIMITS } from '../../../../common/limits';
import { citizenId, emailAddress, personName, phoneNumber } from '../../../../common/fields';
import { GENDERS, UNION_POSITIONS, type Gender, type UnionPosition } from '../../../../common/members';
import { useI18n } from '../../app/i18n';
import { DATE_FORMAT, todayDayjs, toIsoDate } from '../../lib/dates';
import { fieldRule, normalised } from '../../lib/field-rule';
import { useOrgUnits } from '../units/api';
import { UnitPicker } from '../units/unit-picker';
import type { MemberPersonInput } from './api';
import { genderKey, positionKey } from './labels';

/** Kinds of unit a member belongs to (sinh hoạt): a grassroots union or a section of one. */
export const MEMBER_UNIT_KINDS = ['grassroots_union', 'section'] as const;

export interface PersonFormValues {
  fullName: string;
  gender: Gender;
  birthDate: Dayjs;
  citizenId?: string;
  phone?: string;
  email?: string;
  ethnicity?: string;
  job?: string;
  workplace?: string;
  unionPosition: UnionPosition;
  partyMember: boolean;
}

const blank = (v: string | undefined) => (v?.trim() ? v.trim() : null);

/** The body sent: each field in the form its rule stores (common/fields.ts), blank → null. */
export function toPersonBody(v: PersonFormValues): MemberPersonInput {
  return {
    fullName: normalised(personName, v.fullName) ?? '',
    gender: v.gender,
    birthDate: toIsoDate(v.birthDate)!,
    citizenId: normalised(citizenId, v.citizenId),
    phone: normalised(phoneNumber, v.phone),
    email: normalised(emailAddress, v.email),
    ethnicity: blank(v.ethnicity),
    job: blank(v.job),
    workplace: blank(v.workplace),
    unionPosition: v.unionPosition,
    partyMember: v.partyMember,
  };
}

/** Thông tin cá nhân: the person's fields, shared by the admit and edit drawers. */
export function PersonFields({ masked = false }: { masked?: boolean }) {
  const { t } = useI18n();
  const required = { required: true, message: t('validation.required') };
  const tooLong = (maximum: number) => ({ max: maximum, message: t('validation.tooLong', { maximum }) });
  return (
    <>
      <Form.Item
        name="fullName"
        label={t('members.fullName')}
        rules={[required, { whitespace: true, message: t('validation.required') }, fieldRule(personName, t)]}
      >
        <Input autoComplete="off" data-testid="member-fullname" />
      </Form.Item>
      <div className="members-form-pair">
        <Form.Item name="gender" label={t('members.gender')} rules={[required]}>
          <Radio.Group
            optionType="button"
            options={GENDERS.map((g) => ({ value: g, label: t(genderKey(g)) }))}
            data-testid="member-gender"
          />
        </Form.Item>
        <Form.Item
          name="birthDate"
          label={t('members.birthDate')}
          rules={masked ? [] : [required]}
          extra={masked ? t('members.maskedKeep') : undefined}
        >
          <DatePicker
            format={DATE_FORMAT}
            style={{ width: '100%' }}
            placeholder={t('members.datePlaceholder')}
            minDate={dayjs('1900-01-01')}
            maxDate={todayDayjs()}
            defaultPickerValue={dayjs('1990-01-01')}
            data-testid="member-birthdate"
          />
        </Form.Item>
      </div>
      <div className="members-form-pair">
        <Form.Item
          name="citizenId"
          label={t('members.citizenId')}
          extra={t('members.citizenIdHint')}
          normalize={(v: string) => v?.replace(/\s/g, '')}
          rules={[fieldRule(citizenId, t)]}
          validateTrigger={['onChange', 'onBlur']}
        >
          <Input inputMode="numeric" maxLength={12} autoComplete="off" showCount data-testid="member-citizenid" />
        </Form.Item>
        <Form.Item name="phone" label={t('members.phone')} rules={[fieldRule(phoneNumber, t)]}>
          <Input type="tel" inputMode="tel" autoComplete="off" data-testid="member-phone" />
        </Form.Item>
      </div>
      <Form.Item name="email" label={t('members.email')} rules={[fieldRule(emailAddress, t)]}>
        <Input type="email" autoComplete="off" data-testid="member-email" />
      </Form.Item>
      <div className="members-form-pair">
        <Form.Item name="ethnicity" label={t('members.ethnicity')} rules={[tooLong(64)]}>
          <Input autoComplete="off" data-testid="member-ethnicity" />
        </Form.Item>
        <Form.Item name="job" label={t('members.job')} rules={[tooLong(LIMITS.nameMax)]}>
          <Input autoComplete="off" data-testid="member-job" />
        </Form.Item>
      </div>
      <Form.Item name="workplace" label={t('members.workplace')} rules={[tooLong(LIMITS.nameMax)]}>
        <Input autoComplete="off" data-testid="member-workplace" />
      </Form.Item>
      <div className="members-form-pair">
        <Form.Item name="unionPosition" label={t('members.position')} rules={[required]}>
          <Select options={UNION_POSITIONS.map((p) => ({ value: p, label: t(positionKey(p)) }))} data-testid="member-position" />
        </Form.Item>
        <Form.Item name="partyMember" label={t('members.partyMember')} valuePropName="checked">
          <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} data-testid="member-party" />
        </Form.Item>
      </div>
    </>
  );
}

/**
 * Chọn công đoàn cơ sở: the unit picker of the union tree, on a date, where
 * only grassroots unions and sections (where members belong) can be chosen.
 */
export function GrassrootsUnitPicker(props: {
  date: string | undefined;
  value?: string | null;
  onChange?: (value: string | null) => void;
  disabledIds?: readonly string[];
  id?: string;
  'data-testid'?: string;
}) {
  const { t } = useI18n();
  const list = useOrgUnits(props.date, undefined, { enabled: Boolean(props.date) });
  const disabledIds = useMemo(
    () => [
      ...(list.data?.items ?? []).filter((u) => !(MEMBER_UNIT_KINDS as readonly string[]).includes(u.kind)).map((u) => u.id),
      ...(props.disabledIds ?? []),
    ],
    [list.data, props.disabledIds],
  );
  // One choice (a chair of one CĐCS): preselect it rather than make the user pick it.
  const onlyChoice = useMemo(() => {
    const blocked = new Set(disabledIds);
    const choosable = (list.data?.items ?? []).filter((u) => !blocked.has(u.id));
    return choosable.length === 1 ? choosable[0]!.id : null;
  }, [list.data, disabledIds]);
  const { value, onChange } = props;
  useEffect(() => {
    if (onlyChoice && !value) onChange?.(onlyChoice);
  }, [onlyChoice, value, onChange]);
  return (
    <UnitPicker
      date={props.date}
      value={props.value}
      onChange={props.onChange}
      disabledIds={disabledIds}
      placeholder={t('members.unitPlaceholder')}
      id={props.id}
      data-testid={props['data-testid']}
    />
  );
}
