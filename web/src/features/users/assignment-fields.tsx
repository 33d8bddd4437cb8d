import { DatePicker, Form, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { ROLES, type Role } from '../../../../common/enums';
import { useI18n } from '../../app/i18n';
import { DATE_FORMAT, toIsoDate } from '../../lib/dates';
import type { AssignmentBody } from './api';
import { UnitSearchSelect } from '../../components/unit-search-select';
import { roleKey } from './user-labels';

export interface AssignmentFormValues {
  role: Role;
  unitId: string;
  includesSubtree: boolean;
  validFrom: Dayjs;
  validTo?: Dayjs | null;
}

export const toAssignmentBody = (v: AssignmentFormValues): AssignmentBody => ({
  role: v.role,
  unitId: v.unitId,
  includesSubtree: Boolean(v.includesSubtree),
  validFrom: toIsoDate(v.validFrom)!,
  validTo: toIsoDate(v.validTo) ?? null,
});

/**
 * Role, unit, subtree and period of one role assignment. `prefix` places the
 * fields inside a Form.List row (create drawer) or at the top level (modal).
 */
export function AssignmentFields({
  prefix = [],
  listName: list,
  testIdPrefix = 'assignment',
}: {
  prefix?: (string | number)[];
  /** The Form.List's name when inside one (watches and dependencies use absolute paths). */
  listName?: string;
  testIdPrefix?: string;
}) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const required = { required: true, message: t('validation.required') };
  const listName = (field: string) => [...prefix, field];
  const absolute = (field: string) => (list ? [list, ...prefix, field] : [...prefix, field]);
  const validFrom = Form.useWatch(absolute('validFrom'), form) as Dayjs | undefined;
  return (
    <>
      <Form.Item name={listName('role')} label={t('users.role')} rules={[required]}>
        <Select
          options={ROLES.map((r) => ({ value: r, label: t(roleKey(r)) }))}
          placeholder={t('users.role')}
          data-testid={`${testIdPrefix}-role`}
        />
      </Form.Item>
      <Form.Item name={listName('unitId')} label={t('users.unit')} rules={[required]}>
        <UnitSearchSelect asOf={toIsoDate(validFrom)} data-testid={`${testIdPrefix}-unit`} />
      </Form.Item>
      <Form.Item
        name={listName('includesSubtree')}
        label={t('users.includesSubtree')}
        extra={t('users.includesSubtreeHint')}
        valuePropName="checked"
      >
        <Switch data-testid={`${testIdPrefix}-subtree`} />
      </Form.Item>
      <div className="user-date-pair">
        <Form.Item name={listName('validFrom')} label={t('users.validFrom')} rules={[required]}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid={`${testIdPrefix}-valid-from`} />
        </Form.Item>
        <Form.Item
          name={listName('validTo')}
          label={t('users.validTo')}
          extra={t('users.validToHint')}
          dependencies={[absolute('validFrom')]}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value: Dayjs | null | undefined) => {
                const from = getFieldValue(absolute('validFrom')) as Dayjs | undefined;
                return !value || !from || !value.isBefore(from, 'day')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('errors.ASSIGNMENT_DATES_INVALID')));
              },
            }),
          ]}
        >
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} allowClear data-testid={`${testIdPrefix}-valid-to`} />
        </Form.Item>
      </div>
    </>
  );
}
