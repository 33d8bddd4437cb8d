// Số tiền (VND): typed freely ("1500000", "1.500.000", "1 500 000 đ"), read by
// the same rule as the API and the Excel import (common/fields.ts parseVnd),
// and shown grouped in the interface language once the field is left.
import { Input } from 'antd';
import { useState } from 'react';
import { parseVnd } from '../../../../common/fields';
import { useFormat } from '../../lib/format';

type Value = number | string | null | undefined;

const grouped = (fmt: ReturnType<typeof useFormat>, v: Value) => (typeof v === 'number' ? fmt.number(v, { fractionDigits: 0 }) : (v ?? ''));

export function VndInput(props: {
  value?: Value;
  onChange?: (value: Value) => void;
  id?: string;
  'data-testid'?: string;
  'aria-label'?: string;
}) {
  const fmt = useFormat();
  // While typing, the text as typed; otherwise the value grouped (also one set from outside: a reset, a record opened).
  const [text, setText] = useState<string | null>(null);
  return (
    <Input
      id={props.id}
      data-testid={props['data-testid']}
      aria-label={props['aria-label']}
      inputMode="numeric"
      autoComplete="off"
      suffix="₫"
      value={text ?? grouped(fmt, props.value)}
      onFocus={() => setText(grouped(fmt, props.value))}
      onBlur={() => setText(null)}
      onChange={(e) => {
        const raw = e.target.value;
        setText(raw);
        const parsed = raw.trim() === '' ? null : parseVnd(raw);
        // Left as typed when it is not an amount: the form's check shows why (validation.vndAmount).
        props.onChange?.(typeof parsed === 'number' ? parsed : parsed === null ? null : raw);
      }}
    />
  );
}
