// Phân bổ chỉ tiêu: split a total target among the scope unit's child units,
// by hand or in proportion to a reported figure (e.g. members), and see at
// once whether the shares add up to the total.
import { Alert, App, Button, Drawer, Empty, InputNumber, Select, Skeleton, Tag, Typography } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useI18n } from '../../app/i18n';
import { ApiError } from '../../lib/api';
import { useFormatValue } from '../targets/labels';
import { useDrawerSize } from '../../lib/responsive';
import { useAllocateTarget, useDataElements, useTargetAllocations, type AllocationUnit, type Target } from './api';
import { useLocalName } from './shared';
import { useFormat } from '../../lib/format';

export function AllocationDrawer({ target, onClose }: { target: Target | null; onClose: () => void }) {
  const { t } = useI18n();
  const size = useDrawerSize(600);
  return (
    <Drawer open={Boolean(target)} onClose={onClose} size={size} title={t('catalogue.allocateTitle')} destroyOnHidden>
      {target && <AllocationEditor key={target.id} target={target} onDone={onClose} />}
    </Drawer>
  );
}

function AllocationEditor({ target, onDone }: { target: Target; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const name = useLocalName();
  const formatValue = useFormatValue();
  const { number: formatNumber } = useFormat();
  const current = useTargetAllocations(target.id);
  const elements = useDataElements();
  const allocate = useAllocateTarget(target.id);
  const [values, setValues] = useState<Record<string, number | null>>({});
  const [basis, setBasis] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});

  // Start from the saved allocations (again when they are reloaded), set while rendering rather than in an effect.
  const [seededFrom, setSeededFrom] = useState<typeof current.data>();
  if (current.data && current.data !== seededFrom) {
    setSeededFrom(current.data);
    setValues(Object.fromEntries(current.data.allocations.map((a) => [a.unitId, a.value])));
  }

  // The child units at the start of the period, plus any unit allocated earlier that is not among them.
  const rows: AllocationUnit[] = useMemo(() => {
    const data = current.data;
    if (!data) return [];
    const seen = new Set(data.childUnits.map((u) => u.unitId));
    return [...data.childUnits, ...data.allocations.filter((a) => !seen.has(a.unitId))];
  }, [current.data]);

  const numberElements = (elements.data?.items ?? []).filter((e) => e.valueType === 'number' && !e.archivedAt);
  const entries = rows.filter((r) => values[r.unitId] !== null && values[r.unitId] !== undefined);
  const sum = entries.reduce((s, r) => s + (values[r.unitId] ?? 0), 0);
  const gap = Math.round((sum - target.value) * 100) / 100;
  const matched = gap === 0;

  const showError = (e: unknown, order: AllocationUnit[]) => {
    if (!(e instanceof ApiError)) {
      setError(String(e));
      return;
    }
    // Field errors name allocations by position: put them on their unit's row.
    const byRow: Record<string, string> = {};
    const rest: string[] = [];
    for (const f of e.fields) {
      const m = /^allocations\.(\d+)\./.exec(f.field);
      const unit = m ? order[Number(m[1])] : undefined;
      if (unit) byRow[unit.unitId] = f.message;
      else rest.push(f.message);
    }
    setRowErrors(byRow);
    const messages = [...new Set([e.message, ...rest])];
    setError(Object.keys(byRow).length && !rest.length ? null : messages.join(' '));
  };

  const split = async () => {
    if (!basis) return;
    setError(null);
    setRowErrors({});
    try {
      const res = await allocate.mutateAsync({
        mode: 'proportional',
        basis: { dataElementId: basis },
        dryRun: true,
        expectedVersion: current.data!.rowVersion,
      });
      setValues(Object.fromEntries(res.allocations.map((a) => [a.unitId, a.value])));
    } catch (e) {
      showError(e, []);
    }
  };

  const save = async () => {
    setError(null);
    setRowErrors({});
    try {
      const res = await allocate.mutateAsync({
        mode: 'manual',
        allocations: entries.map((r) => ({ unitId: r.unitId, value: values[r.unitId]! })),
        // The version the drawer was opened at: a stale save gets 409 STALE_WRITE, the typed values stay.
        expectedVersion: current.data!.rowVersion,
      });
      if (res.gap === 0) message.success(t('catalogue.saved'));
      else message.warning(t('catalogue.mismatchSaved', { gap: formatNumber(res.gap) }));
      onDone();
    } catch (e) {
      showError(e, entries);
    }
  };

  if (current.isLoading) return <Skeleton active />;
  if (current.isError) return <Alert type="error" showIcon title={(current.error as Error).message} />;

  return (
    <div data-testid="allocation-editor">
      <Typography.Paragraph strong style={{ marginBottom: 4 }}>
        {target.code ? `${target.code}. ` : ''}
        {target.text}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('catalogue.allocateHelp')}</Typography.Paragraph>
      {!current.data?.allocatable && <Alert type="info" showIcon title={t('catalogue.notAllocatable')} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="allocation-error" />}

      <Typography.Text>{t('catalogue.basis')}</Typography.Text>
      <div className="allocation-basis">
        <Select
          value={basis}
          onChange={setBasis}
          placeholder={t('catalogue.pickElement')}
          showSearch={{ optionFilterProp: 'label' }}
          options={numberElements.map((e) => ({ value: e.id, label: name(e) }))}
          data-testid="allocation-basis"
        />
        <Button
          onClick={split}
          disabled={!basis}
          loading={allocate.isPending && allocate.variables?.mode === 'proportional'}
          data-testid="split"
        >
          {t('catalogue.proportional')}
        </Button>
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('catalogue.basisHelp')}
      </Typography.Text>

      <div className="allocation-summary" data-testid="allocation-summary">
        <span>
          {t('catalogue.total')}: <strong>{formatValue(target.value, target.unitOfMeasure)}</strong>
        </span>
        <span>
          {t('catalogue.sum')}: <strong data-testid="allocation-sum">{formatNumber(sum)}</strong>
        </span>
        {matched ? (
          <Tag color="green" icon={<CheckCircleOutlined />} data-testid="allocation-matched">
            {t('catalogue.matched')}
          </Tag>
        ) : (
          <Tag color="red" icon={<CloseCircleOutlined />} data-testid="allocation-mismatch">
            {t('catalogue.notMatched', { gap: `${gap > 0 ? '+' : ''}${formatNumber(gap)}` })}
          </Tag>
        )}
      </div>

      {rows.length === 0 ? (
        <Empty description={t('catalogue.noChildUnits')} />
      ) : (
        <div data-testid="allocation-rows">
          {rows.map((r) => (
            <div className="allocation-row" key={r.unitId}>
              <div className="allocation-unit">
                <div>{r.unitName}</div>
                <div className="catalogue-muted" style={{ fontSize: 12 }}>
                  {r.unitCode}
                </div>
                {rowErrors[r.unitId] && <div className="allocation-error">{rowErrors[r.unitId]}</div>}
              </div>
              <InputNumber
                min={0}
                value={values[r.unitId] ?? null}
                status={rowErrors[r.unitId] ? 'error' : undefined}
                onChange={(v) => setValues((prev) => ({ ...prev, [r.unitId]: typeof v === 'number' ? v : null }))}
                aria-label={r.unitName}
              />
            </div>
          ))}
        </div>
      )}

      <div className="catalogue-card-actions" style={{ marginTop: 16, justifyContent: 'flex-end' }}>
        <Button onClick={() => setValues({})}>{t('catalogue.clearAll')}</Button>
        <Button onClick={onDone}>{t('catalogue.cancel')}</Button>
        <Button
          type="primary"
          onClick={save}
          disabled={!current.data?.allocatable}
          loading={allocate.isPending && allocate.variables?.mode === 'manual'}
          data-testid="save-allocation"
        >
          {t('catalogue.save')}
        </Button>
      </div>
    </div>
  );
}
