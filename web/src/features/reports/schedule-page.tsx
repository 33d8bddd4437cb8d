// Lịch báo cáo of a program (docs/reporting.md "Schedule"): which unit kinds
// report, and each period's data range, cut-off and deadline, editable and
// saved with the schedule's version (409 when someone saved first). Per
// period, the leader closes (khóa sổ) or reopens it, and the officer opens
// the compiled report (BC) of a period: the month's, the half-year's or the year's.
import { Alert, App as AntApp, Button, Empty, Input, Result, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ORG_UNIT_KINDS, type OrgUnitKind } from '../../../../common/enums';
import { REPORT_KINDS, type ReportKind } from '../../../../common/reports';
import { useI18n } from '../../app/i18n';
import { ApiError } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { useIsPhone } from '../../lib/responsive';
import { useCan } from '../auth/use-me';
import { PeriodCompiledDrawer } from './period-compiled';
import { PeriodLockButton } from './period-lock';
import { useReportSchedule, useSaveReportSchedule, type ReportPeriod, type ReportSchedule } from './review-api';
import { usePeriodLabel } from './review-labels';
import './review.css';

interface Row {
  key: string;
  id?: string;
  kind: ReportKind;
  dataFrom: string;
  dataTo: string;
  dueOn: string;
  saved?: ReportPeriod;
}

// Periods are real rows from the start (the defaults are made when the program is issued), so each has its id.
const rowsOf = (s: ReportSchedule): Row[] =>
  s.periods.map((p) => ({ key: p.id, id: p.id, kind: p.kind, dataFrom: p.dataFrom, dataTo: p.dataTo, dueOn: p.dueOn, saved: p }));

export function SchedulePage() {
  const { id } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const query = useReportSchedule(id);
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/programs/${id}`)}>
      {t('reportReview.back')}
    </Button>
  );
  if (query.isLoading) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (query.isError || !query.data) {
    const e = query.error;
    return (
      <Result
        status={e instanceof ApiError && e.status === 403 ? '403' : 'error'}
        title={e?.message ?? t('common.loadFailed')}
        extra={back}
      />
    );
  }
  return (
    <ScheduleEditor
      key={`${query.data.rowVersion ?? 'default'}`}
      programId={id!}
      schedule={query.data}
      back={back}
      onReload={() => void query.refetch()}
    />
  );
}

function ScheduleEditor({
  programId,
  schedule,
  back,
  onReload,
}: {
  programId: string;
  schedule: ReportSchedule;
  back: React.ReactNode;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const f = useFormat();
  const isPhone = useIsPhone();
  const periodLabel = usePeriodLabel();
  const { message } = AntApp.useApp();
  const canEdit = useCan('manageReportSchedules');
  const save = useSaveReportSchedule(programId);
  const [unitKinds, setUnitKinds] = useState<OrgUnitKind[]>(schedule.unitKinds);
  const [rows, setRows] = useState<Row[]>(() => rowsOf(schedule));
  const [error, setError] = useState<{ stale: boolean; text: string } | null>(null);
  const [compiledFor, setCompiledFor] = useState<ReportPeriod | null>(null);

  const update = (key: string, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const badOrder = rows.some((r) => r.dataFrom > r.dataTo);

  const onSave = async () => {
    if (badOrder) {
      message.error(t('reportReview.scheduleDatesOrder'));
      return;
    }
    setError(null);
    try {
      await save.mutateAsync({
        unitKinds,
        periods: rows.map((r) => ({ ...(r.id ? { id: r.id } : {}), kind: r.kind, dataFrom: r.dataFrom, dataTo: r.dataTo, dueOn: r.dueOn })),
        expectedVersion: schedule.rowVersion,
      });
      message.success(t('reportReview.scheduleSaved'));
    } catch (e) {
      const text =
        e instanceof ApiError && e.fields.length
          ? [e.message, ...e.fields.map((x) => x.message)].join(' ')
          : e instanceof Error
            ? e.message
            : String(e);
      setError({ stale: e instanceof ApiError && e.status === 409, text });
    }
  };

  const addRow = () => {
    const last = rows[rows.length - 1];
    const year = (last?.dataFrom ?? new Date().toISOString()).slice(0, 4);
    setRows((rs) => [
      ...rs,
      { key: `new-${Date.now()}`, kind: 'monthly', dataFrom: `${year}-12-01`, dataTo: `${year}-12-25`, dueOn: `${year}-12-25` },
    ]);
  };

  const dateInput = (r: Row, field: 'dataFrom' | 'dataTo' | 'dueOn') =>
    canEdit && !r.saved?.closedAt ? (
      <Input
        type="date"
        size="small"
        aria-label={t(`reportReview.schedule${field.charAt(0).toUpperCase()}${field.slice(1)}` as 'reportReview.scheduleDataFrom')}
        value={r[field]}
        status={field !== 'dueOn' && r.dataFrom > r.dataTo ? 'error' : undefined}
        onChange={(e) => e.target.value && update(r.key, { [field]: e.target.value })}
      />
    ) : (
      f.date(r[field])
    );

  const columns = [
    {
      title: t('reportReview.scheduleKind'),
      key: 'kind',
      render: (_: unknown, r: Row) => (
        <div>
          {canEdit && !r.saved ? (
            <Select
              size="small"
              value={r.kind}
              style={{ minWidth: 140 }}
              options={REPORT_KINDS.map((k) => ({ value: k, label: t(`reports.kind_${k}`) }))}
              onChange={(kind) => update(r.key, { kind })}
            />
          ) : (
            t(`reports.kind_${r.kind}`)
          )}
          {r.saved && (
            <div>
              <Typography.Text type="secondary">{periodLabel(r.saved)}</Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    { title: t('reportReview.scheduleDataFrom'), key: 'from', render: (_: unknown, r: Row) => dateInput(r, 'dataFrom') },
    { title: t('reportReview.scheduleDataTo'), key: 'to', render: (_: unknown, r: Row) => dateInput(r, 'dataTo') },
    { title: t('reportReview.scheduleDueOn'), key: 'due', render: (_: unknown, r: Row) => dateInput(r, 'dueOn') },
    {
      title: t('reportReview.scheduleState'),
      key: 'state',
      render: (_: unknown, r: Row) =>
        r.saved ? (
          r.saved.closedAt ? (
            <Tag color="red">{t('reportReview.periodClosed', { time: f.date(r.saved.closedAt) })}</Tag>
          ) : (
            <Tag color="green">{t('reportReview.periodOpen')}</Tag>
          )
        ) : null,
    },
    {
      title: t('reportReview.scheduleActions'),
      key: 'actions',
      render: (_: unknown, r: Row) => (
        <Space wrap size={4}>
          {r.saved && <PeriodLockButton programId={programId} period={r.saved} />}
          {r.saved && (
            <Button size="small" onClick={() => setCompiledFor(r.saved!)} data-testid={`period-compiled-${r.saved.id}`}>
              {t('reportReview.compiled')}
            </Button>
          )}
          {canEdit && !r.saved && (
            <Button
              size="small"
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('reportReview.scheduleRemove')}
              onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
            />
          )}
        </Space>
      ),
    },
  ];

  return (
    <div className="page schedule-page">
      <div className="page-header">
        <div>
          <Typography.Title level={4}>{t('reportReview.scheduleTitle')}</Typography.Title>
        </div>
        <Space wrap>
          {back}
          {canEdit && (
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={save.isPending}
              onClick={() => void onSave()}
              data-testid="schedule-save"
            >
              {t('reportReview.scheduleSave')}
            </Button>
          )}
        </Space>
      </div>
      {!schedule.saved && <Alert type="info" showIcon title={t('reportReview.scheduleDefaults')} style={{ marginBottom: 16 }} />}
      {error && (
        <Alert
          type="error"
          showIcon
          title={error.stale ? t('reportReview.stale') : error.text}
          description={error.stale ? error.text : undefined}
          action={
            error.stale ? (
              <Button size="small" onClick={onReload}>
                {t('reportReview.staleReload')}
              </Button>
            ) : undefined
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <div style={{ marginBottom: 16 }}>
        <Typography.Text strong>{t('reportReview.scheduleUnitKinds')}</Typography.Text>
        <Select
          mode="multiple"
          disabled={!canEdit}
          value={unitKinds}
          onChange={setUnitKinds}
          style={{ width: '100%', maxWidth: 520, display: 'block', marginTop: 4 }}
          options={ORG_UNIT_KINDS.map((k) => ({ value: k, label: t(`enums.kind.${k}`) }))}
          data-testid="schedule-unit-kinds"
        />
      </div>
      {rows.length === 0 ? (
        <Empty description={t('reportReview.scheduleEmpty')} />
      ) : (
        <Table<Row>
          className="schedule-table"
          size="small"
          rowKey="key"
          pagination={false}
          scroll={isPhone ? { x: 640 } : undefined}
          columns={columns}
          dataSource={rows}
          data-testid="schedule-table"
        />
      )}
      {canEdit && (
        <Button icon={<PlusOutlined />} onClick={addRow} style={{ marginTop: 12 }}>
          {t('reportReview.scheduleAdd')}
        </Button>
      )}
      <PeriodCompiledDrawer period={compiledFor} onClose={() => setCompiledFor(null)} />
    </div>
  );
}
