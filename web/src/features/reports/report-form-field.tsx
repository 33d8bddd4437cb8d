// One field of the report form: a data element's value as the chair types it
// (number with the phone's numeric keyboard, Có/Không, a grade, text), "Không
// áp dụng" with its reason where the element allows it, the error under the
// field as typed, and the reviewer's comment when the report was returned.
// Derived figures are shown read-only, marked as coming from the registry or
// from activity records (with a link to the records behind the figure).
import { Checkbox, Input, Radio, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { ReportValueLike } from '../../../../common/report-values';
import { useI18n } from '../../app/i18n';
import { useFormat } from '../../lib/format';
import type { ReportField } from './report-form-api';
import { derivedMarkOf, typedNumber } from './report-form-values';

export interface FieldProps {
  field: ReportField;
  /** The reporting unit (the link to the records behind a figure). */
  unitId: string;
  value: ReportValueLike | undefined;
  /** The number as typed (kept apart so "1," survives while typing). */
  raw: string | undefined;
  editable: boolean;
  error: string | null;
  reviewerComment: string | null;
  /** The bound as checked now (boundOf: it may follow a value typed beside); default the server's. */
  upperBound?: number | null;
  onChange: (value: ReportValueLike, raw?: string) => void;
}

export function ReportFormField({ field, unitId, value, raw, editable, error, reviewerComment, upperBound, onChange }: FieldProps) {
  const { t } = useI18n();
  const fmt = useFormat();
  const id = `field-${field.dataElementId}`;
  const notApplicable = Boolean(value?.notApplicable);
  const bound = upperBound === undefined ? field.upperBound : upperBound;

  const mark = derivedMarkOf(field, unitId);
  if (mark) {
    const v = field.value;
    const shown = v?.notApplicable
      ? t('reportForm.notApplicable')
      : v?.number != null
        ? fmt.number(v.number)
        : v?.bool != null
          ? v.bool
            ? t('reportForm.yes')
            : t('reportForm.no')
          : (v?.text ?? '—');
    return (
      <div className="report-field report-field-derived" data-testid={`field-${field.code}`}>
        <div className="report-field-label">{field.label}</div>
        <div className="report-field-derived-value">
          <strong>{shown}</strong>{' '}
          {mark.kind === 'records' ? (
            <>
              <Tag color="green" data-testid="from-records">
                {t('reportForm.fromRecords')}
              </Tag>
              <Link to={mark.href} data-testid="records-link">
                {t('reportForm.viewRecords')}
              </Link>
            </>
          ) : (
            <Tag color="blue">{t('reportForm.fromRegistry')}</Tag>
          )}
        </div>
        <div className="report-muted">{t(mark.kind === 'records' ? 'reportForm.fromRecordsHelp' : 'reportForm.fromRegistryHelp')}</div>
      </div>
    );
  }

  let control;
  switch (field.valueType) {
    case 'number':
      control = (
        <Input
          id={id}
          size="large"
          inputMode={field.wholeNumber ? 'numeric' : 'decimal'}
          autoComplete="off"
          placeholder={t('reportForm.numberPlaceholder')}
          disabled={!editable || notApplicable}
          status={error ? 'error' : undefined}
          value={raw ?? (value?.number != null ? String(value.number).replace('.', ',') : '')}
          onChange={(e) => onChange({ number: typedNumber(e.target.value, field.wholeNumber) }, e.target.value)}
          aria-describedby={error ? `${id}-error` : undefined}
        />
      );
      break;
    case 'boolean':
      control = (
        <Radio.Group
          id={id}
          size="large"
          optionType="button"
          buttonStyle="solid"
          disabled={!editable || notApplicable}
          value={value?.bool ?? undefined}
          onChange={(e) => onChange({ bool: e.target.value as boolean })}
          options={[
            { value: true, label: t('reportForm.yes') },
            { value: false, label: t('reportForm.no') },
          ]}
        />
      );
      break;
    case 'grade':
      control = (
        <Radio.Group
          id={id}
          className="report-grade"
          disabled={!editable || notApplicable}
          value={value?.text ?? undefined}
          onChange={(e) => onChange({ text: e.target.value as string })}
          options={(field.gradeOptions ?? []).map((g) => ({ value: g, label: g }))}
        />
      );
      break;
    default:
      control = (
        <Input.TextArea
          id={id}
          autoSize={{ minRows: 2, maxRows: 8 }}
          disabled={!editable || notApplicable}
          status={error ? 'error' : undefined}
          value={value?.text ?? ''}
          onChange={(e) => onChange({ text: e.target.value })}
        />
      );
  }

  return (
    <div className={`report-field${error ? ' report-field-error' : ''}`} data-testid={`field-${field.code}`}>
      <label className="report-field-label" htmlFor={id}>
        {field.label}
      </label>
      {field.help && <div className="report-muted">{field.help}</div>}
      {control}
      {bound != null && field.valueType === 'number' && (
        <div className="report-muted" data-testid="upper-bound">
          {t('reportForm.upperBoundHint', { max: fmt.number(bound), bound: field.upperBoundLabel ?? '' })}
        </div>
      )}
      {field.allowsNotApplicable && (
        <div className="report-na">
          <Checkbox
            disabled={!editable}
            checked={notApplicable}
            onChange={(e) =>
              onChange(e.target.checked ? { notApplicable: true, notApplicableReason: value?.notApplicableReason ?? '' } : {}, '')
            }
          >
            {t('reportForm.notApplicable')}
          </Checkbox>
          {notApplicable && (
            <Input
              size="large"
              disabled={!editable}
              placeholder={t('reportForm.notApplicableReason')}
              aria-label={t('reportForm.notApplicableReason')}
              value={value?.notApplicableReason ?? ''}
              onChange={(e) => onChange({ notApplicable: true, notApplicableReason: e.target.value })}
            />
          )}
        </div>
      )}
      {error && (
        <Typography.Text type="danger" id={`${id}-error`} role="alert" className="report-field-message">
          {error}
        </Typography.Text>
      )}
      {reviewerComment && (
        <div className="report-reviewer-comment" data-testid="field-comment">
          <strong>{t('reportForm.reviewerComment')}:</strong> {reviewerComment}
        </div>
      )}
    </div>
  );
}
