// Theo dõi nộp báo cáo (the Office): for a period, every unit that owes a
// report in the reader's part of the tree, its state, counts per state, the
// complete and on-time rates, filters (state, search) kept in the URL, and the
// XLSX of what is shown. Phone: figures on two lines, units as cards.
import { Alert, Button, Card, Empty, Input, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { BellOutlined, FileExcelOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { MessageKey } from '../../../../common/i18n';
import { periodText } from '../../../../common/notification-text';
import { COMPLIANCE_STATES, type ComplianceState } from '../../../../common/reports';
import { useI18n } from '../../app/i18n';
import { useMe } from '../auth/use-me';
import { useFormat } from '../../lib/format';
import { useIsPhone } from '../../lib/responsive';
import {
  useCompliance,
  useCompliancePrograms,
  useExportCompliance,
  useProgramPeriods,
  type ComplianceRow,
  type ReportSchedule,
} from './compliance-api';
import './compliance.css';

const STATE_COLOR: Record<ComplianceState, string> = {
  not_started: 'red',
  draft: 'orange',
  submitted_on_time: 'green',
  submitted_late: 'gold',
  returned: 'volcano',
  approved: 'blue',
};

type Period = ReportSchedule['periods'][number];

export function CompliancePage() {
  const { t } = useI18n();
  const f = useFormat();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const me = useMe();
  const params = useParams<{ id?: string }>();
  const [search, setSearch] = useSearchParams();
  const periodId = params.id ?? search.get('periodId') ?? undefined;
  const state = (COMPLIANCE_STATES as readonly string[]).includes(search.get('state') ?? '')
    ? (search.get('state') as ComplianceState)
    : undefined;
  const q = search.get('q') ?? undefined;
  const [typed, setTyped] = useState(q ?? '');
  const board = useCompliance(periodId, { state, q });
  const programId = search.get('programId') ?? board.data?.period.programId;
  const programs = useCompliancePrograms();
  const schedule = useProgramPeriods(programId);
  const exportXlsx = useExportCompliance();
  const tk = (key: string, p?: Record<string, string | number>) => t(key as MessageKey, p);
  const label = (p: Pick<Period, 'kind' | 'dataFrom'>) =>
    periodText(tk, { periodKind: p.kind, month: Number(p.dataFrom.slice(5, 7)), year: Number(p.dataFrom.slice(0, 4)) });

  // Search as typed, after a pause.
  useEffect(() => {
    const id = setTimeout(() => {
      if ((q ?? '') !== typed.trim()) setParam('q', typed.trim() || undefined);
    }, 400);
    return () => clearTimeout(id);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the typed text starts a search
  }, [typed]);

  function setParam(key: string, value: string | undefined) {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    setSearch(next, { replace: true });
  }
  const choosePeriod = (id: string) => {
    const next = new URLSearchParams();
    if (programId) next.set('programId', programId);
    next.set('periodId', id);
    navigate(`/reports/compliance?${next.toString()}`);
  };
  const chooseProgram = (id: string) => navigate(`/reports/compliance?programId=${encodeURIComponent(id)}`);

  const data = board.data;
  const rows = data?.rows ?? [];
  // The Office reviews: a row opens the review page (return, approve), not the chair's form.
  const openReport = (r: ComplianceRow) => r.reportId && navigate(`/reports/${r.reportId}/review`);
  const stateTag = (s: ComplianceState) => <Tag color={STATE_COLOR[s]}>{tk(`reports.state_${s}`)}</Tag>;
  const canSeeReminders = me.data?.permissions.includes('approveReports');

  return (
    <div className="page compliance-page" data-testid="compliance-page">
      <Typography.Title level={3}>{t('reportReview.boardTitle')}</Typography.Title>
      <div className="compliance-pickers">
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          className="compliance-program"
          placeholder={t('reportReview.boardProgram')}
          aria-label={t('reportReview.boardProgram')}
          loading={programs.isLoading}
          value={programId}
          onChange={chooseProgram}
          options={(programs.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.documentNumber} · ${p.title} (${p.unitName})` }))}
        />
        <Select
          className="compliance-period"
          placeholder={t('reportReview.boardPeriod')}
          aria-label={t('reportReview.boardPeriod')}
          disabled={!programId}
          loading={schedule.isLoading}
          value={periodId}
          onChange={choosePeriod}
          notFoundContent={t('reportReview.boardNoPeriods')}
          options={(schedule.data?.periods ?? []).map((p) => ({
            value: p.id,
            label: `${label(p)} · ${tk('reports.dueOn', { date: f.date(p.dueOn) })}`,
          }))}
        />
      </div>

      {!periodId && <Empty description={t('reportReview.boardChoosePeriod')} />}
      {board.error && <Alert type="error" showIcon title={board.error.message} style={{ marginBottom: 12 }} />}

      {data && (
        <>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {label(data.period)} · {t('reportReview.boardDeadline', { date: f.date(data.period.dueOn) })}
            {data.period.closedAt && <Tag style={{ marginInlineStart: 8 }}>{t('reports.locked')}</Tag>}
          </Typography.Paragraph>
          <div className="compliance-figures">
            <Card size="small">
              <Statistic title={t('reportReview.boardExpected')} value={data.expected} formatter={(v) => f.statistic(v as number)} />
            </Card>
            <Card size="small">
              <Statistic
                title={t('reportReview.boardCompleteRate')}
                value={f.percent(data.completeRate * 100, { fractionDigits: 1 })}
                suffix={
                  <span className="compliance-of">
                    ({data.complete}/{data.expected})
                  </span>
                }
              />
            </Card>
            <Card size="small">
              <Statistic
                title={t('reportReview.boardOnTimeRate')}
                value={f.percent(data.onTimeRate * 100, { fractionDigits: 1 })}
                suffix={
                  <span className="compliance-of">
                    ({data.onTime}/{data.expected})
                  </span>
                }
              />
            </Card>
          </div>
          <div className="compliance-counts" data-testid="compliance-counts">
            {COMPLIANCE_STATES.map((s) => (
              <Tag.CheckableTag key={s} checked={state === s} onChange={(on) => setParam('state', on ? s : undefined)}>
                {tk(`reports.state_${s}`)}: <strong>{f.number(data.counts[s] ?? 0)}</strong>
              </Tag.CheckableTag>
            ))}
          </div>
          <Space wrap className="compliance-filters">
            <Select
              allowClear
              style={{ minWidth: 180 }}
              placeholder={t('reportReview.boardAllStates')}
              aria-label={t('reportReview.boardState')}
              value={state}
              onChange={(v) => setParam('state', v)}
              options={COMPLIANCE_STATES.map((s) => ({ value: s, label: tk(`reports.state_${s}`) }))}
            />
            <Input.Search
              allowClear
              style={{ minWidth: 200 }}
              placeholder={t('reportReview.boardSearch')}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              onSearch={(v) => setParam('q', v.trim() || undefined)}
            />
            <Button
              icon={<FileExcelOutlined />}
              loading={exportXlsx.isPending}
              onClick={() => exportXlsx.mutate({ periodId: data.period.id, filters: { state, q } })}
            >
              {t('reportReview.boardExport')}
            </Button>
            {canSeeReminders && (
              <Link to="/reminders">
                <BellOutlined /> {t('reportReview.boardReminderLog')}
              </Link>
            )}
          </Space>

          {isPhone ? (
            <div className="compliance-cards">
              {rows.length === 0 && (
                <Empty description={data.expected === 0 ? t('reportReview.boardEmpty') : t('reportReview.boardNoMatch')} />
              )}
              {rows.map((r) => (
                <Card key={r.unit.id} size="small" className="compliance-card" data-testid="compliance-row" onClick={() => openReport(r)}>
                  <div className="compliance-card-head">
                    <Typography.Text strong>{r.unit.shortName}</Typography.Text>
                    {stateTag(r.state)}
                  </div>
                  <Typography.Text type="secondary">
                    {r.unit.code}
                    {r.parent ? ` · ${r.parent.shortName}` : ''}
                  </Typography.Text>
                  {r.firstSubmittedAt && (
                    <div>
                      {t('reportReview.boardFirstSubmitted')}: {f.dateTime(r.firstSubmittedAt)}
                    </div>
                  )}
                  {r.remindersSent > 0 && (
                    <div>
                      {t('reportReview.boardReminders')}: {r.remindersSent}
                    </div>
                  )}
                </Card>
              ))}
            </div>
          ) : (
            <Table<ComplianceRow>
              rowKey={(r) => r.unit.id}
              size="small"
              loading={board.isFetching}
              dataSource={rows}
              pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
              locale={{ emptyText: data.expected === 0 ? t('reportReview.boardEmpty') : t('reportReview.boardNoMatch') }}
              onRow={(r) =>
                ({
                  'data-testid': 'compliance-row',
                  onClick: () => openReport(r),
                  style: r.reportId ? { cursor: 'pointer' } : undefined,
                }) as never
              }
              columns={[
                { title: t('reportReview.boardCode'), key: 'code', render: (_, r) => r.unit.code, width: 120 },
                { title: t('reportReview.boardUnit'), key: 'unit', render: (_, r) => r.unit.shortName },
                { title: t('reportReview.boardParent'), key: 'parent', render: (_, r) => r.parent?.shortName ?? '' },
                { title: t('reportReview.boardState'), key: 'state', render: (_, r) => stateTag(r.state) },
                { title: t('reportReview.boardFirstSubmitted'), key: 'first', render: (_, r) => f.dateTime(r.firstSubmittedAt) },
                { title: t('reportReview.boardApproved'), key: 'approved', render: (_, r) => f.dateTime(r.approvedAt) },
                { title: t('reportReview.boardReminders'), key: 'rem', align: 'right', render: (_, r) => r.remindersSent },
              ]}
            />
          )}
        </>
      )}
    </div>
  );
}
