// Chọn đoàn viên: the members of the record's unit, searched by the member
// registry (with or without diacritics). Each is shown with their union
// position; someone admitted after the record's date cannot be chosen (the
// server checks membership on the date again: ACTIVITY_PERSON_NOT_MEMBER).
import { Select, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { MessageKey } from '../../../../common/i18n';
import { useI18n } from '../../app/i18n';
import { useMemberOptions, type MemberOption } from './api';

interface Props {
  unitId: string | undefined;
  /** The record's date (ISO): members admitted later are disabled. */
  date: string | undefined;
  /** Chosen member ids. */
  value?: string[];
  onChange?: (value: string[]) => void;
  /** Names of members already named (a record opened for editing). */
  known?: Array<{ memberId: string; fullName: string }>;
  single?: boolean;
  max?: number;
  id?: string;
  'data-testid'?: string;
}

export function PeoplePicker({ unitId, date, value = [], onChange, known, single, max, id, ...rest }: Props) {
  const { t } = useI18n();
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(input.trim()), 300);
    return () => clearTimeout(timer);
  }, [input]);
  const search = useMemberOptions(unitId, q);
  // Names of the members chosen, so they keep their names when the search moves on.
  const [names, setNames] = useState<Record<string, string>>(() => Object.fromEntries((known ?? []).map((p) => [p.memberId, p.fullName])));

  const options = useMemo(() => {
    const found = search.data?.items ?? [];
    const opts: Array<{ value: string; label: string; disabled: boolean; member?: MemberOption }> = found.map((m) => ({
      value: m.id,
      label: m.fullName,
      disabled: Boolean(date && m.admittedOn > date),
      member: m,
    }));
    for (const chosen of value) {
      if (!opts.some((o) => o.value === chosen)) opts.unshift({ value: chosen, label: names[chosen] ?? chosen, disabled: false });
    }
    return opts;
  }, [search.data, value, date, names]);

  return (
    <Select
      id={id}
      data-testid={rest['data-testid']}
      mode={single ? undefined : 'multiple'}
      allowClear
      showSearch={{ filterOption: false, onSearch: setInput }}
      value={single ? (value[0] ?? undefined) : value}
      onChange={(v: string | string[] | undefined) => {
        const next = v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
        const found = search.data?.items ?? [];
        setNames((prev) => ({ ...prev, ...Object.fromEntries(found.filter((m) => next.includes(m.id)).map((m) => [m.id, m.fullName])) }));
        onChange?.(max ? next.slice(0, max) : next);
        if (!single) setInput('');
      }}
      disabled={!unitId}
      loading={search.isFetching}
      placeholder={unitId ? t('activities.peoplePlaceholder') : t('activities.peoplePickUnitFirst')}
      notFoundContent={search.isFetching ? t('common.loading') : t('activities.peopleNone')}
      options={options}
      optionRender={(o) => {
        const m = (o.data as { member?: MemberOption }).member;
        if (!m) return o.label;
        return (
          <span className="activities-person-option" data-testid="activity-person-option">
            <span>{m.fullName}</span>
            {m.unionPosition !== 'member' && (
              <Typography.Text type="secondary"> · {t(`members.position_${m.unionPosition}` as MessageKey)}</Typography.Text>
            )}
            {date && m.admittedOn > date && <Tag>{t('activities.peopleAdmittedLater')}</Tag>}
            {m.status !== 'active' && <Tag>{t(`members.status_${m.status}` as MessageKey)}</Tag>}
          </span>
        );
      }}
      style={{ width: '100%' }}
      maxCount={single ? undefined : max}
    />
  );
}
