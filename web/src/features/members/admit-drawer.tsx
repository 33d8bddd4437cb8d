import { Alert, App, Button, DatePicker, Divider, Drawer, Form, Input, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { memberCardNumber } from '../../../../common/fields';
import { LIMITS } from '../../../../common/limits';
import { useI18n } from '../../app/i18n';
import { DATE_FORMAT, fromIsoDate, keepEnterInDateFields, todayDayjs, toIsoDate } from '../../lib/dates';
import { fieldRule, normalised } from '../../lib/field-rule';
import { applyApiError } from '../../lib/form-errors';
import { useDrawerSize } from '../../lib/responsive';
import { useAdmitMember, useUpdateMember, type MemberDetail } from './api';
import { GrassrootsUnitPicker, PersonFields, toPersonBody, type PersonFormValues } from './member-form-fields';

interface AdmitFormValues extends PersonFormValues {
  unitId: string;
  admittedOn: Dayjs;
  cardNumber?: string;
  note?: string;
}

/** Kết nạp đoàn viên, in a drawer (full width on phones). */
export function AdmitMemberDrawer({
  open,
  onClose,
  onAdmitted,
}: {
  open: boolean;
  onClose: () => void;
  onAdmitted: (m: MemberDetail) => void;
}) {
  const { t } = useI18n();
  const size = useDrawerSize(640);
  return (
    <Drawer open={open} onClose={onClose} size={size} destroyOnHidden title={t('members.admitTitle')} data-testid="member-admit-drawer">
      {open && <AdmitForm onCancel={onClose} onAdmitted={onAdmitted} />}
    </Drawer>
  );
}

function AdmitForm({ onCancel, onAdmitted }: { onCancel: () => void; onAdmitted: (m: MemberDetail) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<AdmitFormValues>();
  const [error, setError] = useState<string | null>(null);
  const admit = useAdmitMember();
  const admittedOn = Form.useWatch('admittedOn', form);
  const required = { required: true, message: t('validation.required') };

  const onFinish = (v: AdmitFormValues) => {
    setError(null);
    admit.mutate(
      {
        ...toPersonBody(v),
        unitId: v.unitId,
        admittedOn: toIsoDate(v.admittedOn)!,
        cardNumber: normalised(memberCardNumber, v.cardNumber),
        note: v.note?.trim() || null,
      },
      {
        onSuccess: (m) => {
          message.success(t('members.admitted', { name: m.fullName }));
          onAdmitted(m);
        },
        onError: (e) => setError(applyApiError(form, e)),
      },
    );
  };

  return (
    <Form<AdmitFormValues>
      form={form}
      layout="vertical"
      requiredMark="optional"
      onFinish={onFinish}
      onKeyDown={keepEnterInDateFields}
      initialValues={{ gender: 'male', unionPosition: 'member', partyMember: false, ethnicity: 'Kinh', admittedOn: todayDayjs() }}
      scrollToFirstError
      data-testid="member-admit-form"
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="member-admit-error" />}
      <Typography.Title level={5}>{t('members.sectionAdmission')}</Typography.Title>
      <div className="members-form-pair">
        <Form.Item name="admittedOn" label={t('members.admittedOn')} rules={[required]}>
          <DatePicker
            format={DATE_FORMAT}
            style={{ width: '100%' }}
            allowClear={false}
            maxDate={todayDayjs()}
            data-testid="member-admitted-on"
          />
        </Form.Item>
        <Form.Item name="cardNumber" label={t('members.cardNumber')} rules={[fieldRule(memberCardNumber, t)]}>
          <Input autoComplete="off" data-testid="member-card-number" />
        </Form.Item>
      </div>
      <Form.Item name="unitId" label={t('members.unit')} extra={t('members.unitHint')} rules={[required]}>
        <GrassrootsUnitPicker date={toIsoDate(admittedOn)} data-testid="member-unit" />
      </Form.Item>
      <Divider />
      <Typography.Title level={5}>{t('members.sectionPerson')}</Typography.Title>
      <PersonFields />
      <Form.Item
        name="note"
        label={t('members.note')}
        rules={[{ max: LIMITS.addressMax, message: t('validation.tooLong', { maximum: LIMITS.addressMax }) }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
      <div className="members-form-actions">
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={admit.isPending} data-testid="member-admit-submit">
          {t('members.admitSubmit')}
        </Button>
      </div>
    </Form>
  );
}

/** Sửa thông tin đoàn viên: the person's fields (full data; only offered when can.edit). */
export function EditMemberDrawer({ member, open, onClose }: { member: MemberDetail; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const size = useDrawerSize(640);
  return (
    <Drawer open={open} onClose={onClose} size={size} destroyOnHidden title={t('members.editTitle')} data-testid="member-edit-drawer">
      {open && <EditForm member={member} onDone={onClose} />}
    </Drawer>
  );
}

function EditForm({ member, onDone }: { member: MemberDetail; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<PersonFormValues>();
  const [error, setError] = useState<string | null>(null);
  const update = useUpdateMember(member.id);
  // Masked values ("09*******789") are never sent back: the fields start empty and unchanged ones are left out.
  const masked = member.personalDataMasked;
  return (
    <Form<PersonFormValues>
      form={form}
      layout="vertical"
      requiredMark="optional"
      scrollToFirstError
      onKeyDown={keepEnterInDateFields}
      initialValues={{
        fullName: member.fullName,
        gender: member.gender,
        birthDate: masked ? undefined : fromIsoDate(member.birthDate),
        citizenId: masked ? undefined : (member.citizenId ?? undefined),
        phone: masked ? undefined : (member.phone ?? undefined),
        email: member.email ?? undefined,
        ethnicity: member.ethnicity ?? undefined,
        job: member.job ?? undefined,
        workplace: member.workplace ?? undefined,
        unionPosition: member.unionPosition,
        partyMember: member.partyMember,
      }}
      onFinish={(v) => {
        setError(null);
        const body = toPersonBody(v);
        const sent = masked
          ? Object.fromEntries(Object.entries(body).filter(([k]) => form.isFieldTouched(k as keyof PersonFormValues)))
          : body;
        // Sent with the version the form was opened at; a stale save gets 409 STALE_WRITE and the form keeps what was typed.
        update.mutate(
          { ...sent, expectedVersion: member.rowVersion },
          {
            onSuccess: () => {
              message.success(t('members.saved'));
              onDone();
            },
            onError: (e) => setError(applyApiError(form, e)),
          },
        );
      }}
      data-testid="member-edit-form"
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="member-edit-error" />}
      <PersonFields masked={masked} />
      <div className="members-form-actions">
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="member-edit-submit">
          {t('common.save')}
        </Button>
      </div>
    </Form>
  );
}
