// The chair's report form (docs/reporting.md "The form"), comfortable at 360 px:
// one column, sections by task group, derived figures read-only, values checked
// as typed, a narrative per task group and the difficulties box. Drafts save
// themselves (debounced, version-checked); offline, what was typed stays in
// the browser (offline-queue.ts) with a visible "Chưa gửi được" and goes when
// the connection is back; on 409 what was typed is kept and the server's
// message says who saved. Submission shows every problem the server lists
// against its field; a returned report shows the reviewer's comments at the
// top and against the fields; a locked period is read-only.
import { CheckCircleOutlined, CloudSyncOutlined, ExclamationCircleOutlined, LeftOutlined, LoadingOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Input, Popconfirm, Result, Skeleton, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import type { ReportValueLike } from '../../../../common/report-values';
import { useI18n } from '../../app/i18n';
import { ApiError } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/dates';
import { AttachmentsPanel } from './attachments-panel';
import { periodLabel, STATE_COLORS } from './due-labels';
import { createDraftQueue, mergeWithPending, saveBodyOf, sendDraft, type DraftContent, type PendingDraft } from './offline-queue';
import { saveReport, submitReport, useReportForm, type ReportTarget, type ReportView } from './report-form-api';
import { ReportFormField } from './report-form-field';
import { boundOf, formKeyOf, problemsOf, serverContent } from './report-form-values';
import './due-list.css';
import './report-form-page.css';

const AUTOSAVE_MS = 1200;
const RETRY_MS = 20_000;

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'unsent' }
  | { kind: 'stale'; message: string }
  | { kind: 'refused'; message: string };

const queue = () => createDraftQueue(window.localStorage);

export function ReportFormPage() {
  const params = useParams();
  const target: ReportTarget = params.id ? { reportId: params.id } : { periodId: params.periodId!, unitId: params.unitId! };
  const form = useReportForm(target);
  const { t } = useI18n();
  if (form.isLoading) return <Skeleton active className="page" />;
  if (form.error || !form.data)
    return (
      <Result status="warning" title={(form.error as Error | null)?.message} extra={<Link to="/reports">{t('reportForm.back')}</Link>} />
    );
  // A reviewer who cannot edit (the Office, from a notification's link) reviews on the review page.
  const actions = form.data.allowedActions;
  if (form.data.id && !actions.edit && (actions.return || actions.approve || actions.reopen))
    return <Navigate replace to={`/reports/${form.data.id}/review`} />;
  return <ReportForm key={`${form.data.period.id}:${form.data.unit.id}`} view={form.data} refetch={form.refetch} />;
}

function ReportForm({ view: initial, refetch }: { view: ReportView; refetch: () => Promise<{ data?: ReportView }> }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const [view, setView] = useState(initial);
  const periodId = view.period.id;
  const unitId = view.unit.id;
  const editable = view.allowedActions.edit && !view.locked;
  const [content, setContent] = useState<DraftContent>(() =>
    mergeWithPending(serverContent(initial), editable ? queue().get(periodId, unitId) : null),
  );
  const [raw, setRaw] = useState<Record<string, string>>({});
  const [reportId, setReportId] = useState(initial.id);
  const version = useRef(initial.rowVersion);
  const reportIdRef = useRef(initial.id);
  const [saveState, setSaveState] = useState<SaveState>(() =>
    queue().get(periodId, unitId) && editable ? { kind: 'unsent' } : { kind: 'idle' },
  );
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [submitProblem, setSubmitProblem] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const timer = useRef<number | null>(null);
  const inFlight = useRef<Promise<unknown> | null>(null);

  const problems = useMemo(() => problemsOf(view, content.values), [view, content.values]);

  /** Sends the browser's copy (if any) to the server; resolves true when nothing is left unsent. */
  const flushRef = useRef<() => Promise<boolean>>(async () => true);
  const scheduleSave = () => {
    if (timer.current) window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void flushRef.current(), AUTOSAVE_MS);
  };

  const flush = async (): Promise<boolean> => {
    if (inFlight.current) await inFlight.current;
    const q = queue();
    const pending = q.get(periodId, unitId);
    if (!pending) return true;
    if (pending.problem === 'stale') return false;
    setSaveState({ kind: 'saving' });
    const attempt = sendDraft(
      q,
      { ...pending, reportId: reportIdRef.current ?? pending.reportId, baseVersion: version.current ?? pending.baseVersion },
      async (d) => {
        const saved = await saveReport(periodId, unitId, saveBodyOf(d));
        version.current = saved.rowVersion;
        reportIdRef.current = saved.id; // submit() reads the ref: the first save creates the report
        setReportId(saved.id);
        setView((v) => ({
          ...v,
          id: saved.id,
          rowVersion: saved.rowVersion,
          status: saved.status,
          state: saved.state,
          allowedActions: saved.allowedActions,
          history: saved.history,
        }));
        return saved;
      },
    );
    inFlight.current = attempt;
    const outcome = await attempt;
    inFlight.current = null;
    if (outcome.kind === 'saved') {
      const left = q.get(periodId, unitId);
      setSaveState(left ? { kind: 'unsent' } : { kind: 'saved', at: new Date().toISOString() });
      if (left) scheduleSave();
      return !left;
    }
    if (outcome.kind === 'offline') setSaveState({ kind: 'unsent' });
    else if (outcome.kind === 'stale') setSaveState({ kind: 'stale', message: outcome.message });
    else {
      setSaveState({ kind: 'refused', message: outcome.message });
      setServerErrors(Object.fromEntries(outcome.fields.map((f) => [formKeyOf(f.field), f.message])));
    }
    return false;
  };
  // The timers and listeners below always call the latest flush (it reads the latest report id).
  useEffect(() => {
    flushRef.current = flush;
  });

  // Back online, or every little while when a copy is waiting: send it.
  useEffect(() => {
    if (!editable) return;
    const online = () => void flushRef.current();
    window.addEventListener('online', online);
    const retry = window.setInterval(() => {
      const pending = queue().get(periodId, unitId);
      if (pending && pending.problem !== 'stale' && navigator.onLine) void flushRef.current();
    }, RETRY_MS);
    // A copy left from an earlier visit (typed offline) goes as soon as the form opens.
    const first = window.setTimeout(() => {
      if (queue().get(periodId, unitId)) void flushRef.current();
    }, 0);
    const pendingTimer = timer;
    return () => {
      window.removeEventListener('online', online);
      window.clearInterval(retry);
      window.clearTimeout(first);
      if (pendingTimer.current) window.clearTimeout(pendingTimer.current);
    };
  }, [editable, periodId, unitId]);

  /** Every change goes to the browser's copy first, then (debounced) to the server. */
  const change = (next: DraftContent) => {
    setContent(next);
    const previous = queue().get(periodId, unitId);
    const copy: PendingDraft = {
      ...next,
      periodId,
      unitId,
      reportId: reportIdRef.current,
      baseVersion: previous?.problem === 'stale' ? previous.baseVersion : version.current,
      typedAt: new Date().toISOString(),
      problem: previous?.problem === 'stale' ? 'stale' : null,
    };
    queue().put(copy);
    if (copy.problem !== 'stale') {
      setSaveState((s) => (s.kind === 'unsent' ? s : { kind: 'idle' }));
      scheduleSave();
    }
  };

  const setValue = (id: string, value: ReportValueLike, rawText?: string) => {
    if (rawText !== undefined) setRaw((r) => ({ ...r, [id]: rawText }));
    setServerErrors((e) => {
      const { [id]: _gone, ...rest } = e;
      return rest;
    });
    change({ ...content, values: { ...content.values, [id]: value } });
  };

  const keepMine = async () => {
    const fresh = (await refetch()).data;
    if (!fresh) return;
    version.current = fresh.rowVersion;
    const q = queue();
    const pending = q.get(periodId, unitId);
    if (pending) q.put({ ...pending, baseVersion: fresh.rowVersion, reportId: fresh.id, problem: null });
    setView((v) => ({ ...v, rowVersion: fresh.rowVersion }));
    await flush();
  };
  const takeTheirs = async () => {
    queue().discard(periodId, unitId);
    const fresh = (await refetch()).data;
    if (!fresh) return;
    version.current = fresh.rowVersion;
    setView(fresh);
    setRaw({});
    setContent(serverContent(fresh));
    setSaveState({ kind: 'idle' });
  };

  const submit = async () => {
    setSubmitProblem(null);
    setSubmitting(true);
    try {
      // A blank form is saved first (the report is created on its first save).
      if (!reportIdRef.current && !queue().get(periodId, unitId)) change(content);
      if (!(await flush()) || !reportIdRef.current || version.current == null) return;
      const submitted = await submitReport(reportIdRef.current, version.current);
      version.current = submitted.rowVersion;
      setView(submitted);
      setServerErrors({});
      void client.invalidateQueries({ queryKey: ['reports'] });
      void message.success(t('reportForm.submitted'));
    } catch (e) {
      if (e instanceof ApiError) {
        const fields = Object.fromEntries(e.fields.map((f) => [formKeyOf(f.field), f.message]));
        setServerErrors(fields);
        setSubmitProblem(e.fields.length ? t('reportForm.submitProblems', { count: e.fields.length }) : e.message);
        if (e.code === 'STALE_WRITE') setSaveState({ kind: 'stale', message: e.message });
        const first = view.sections.flatMap((s) => s.fields).find((f) => fields[f.dataElementId]);
        if (first) document.querySelector(`[data-testid="field-${first.code}"]`)?.scrollIntoView({ block: 'center' });
      } else throw e;
    } finally {
      setSubmitting(false);
    }
  };

  const comments = view.status === 'returned' ? view.fieldComments : {};
  const errorOf = (key: string): string | null => {
    if (serverErrors[key]) return serverErrors[key]!;
    const p = problems[key];
    return p ? t(p.key as never, p.params) : null;
  };
  const canSubmit = view.allowedActions.submit && !view.locked;

  return (
    <div className="page report-form" data-testid="report-form">
      <Link to="/reports" className="report-back">
        <LeftOutlined /> {t('reportForm.back')}
      </Link>
      <Typography.Title level={3} className="report-title">
        {t(`reports.kind_${view.period.kind}` as never)} · {periodLabel(t, view.period)}
      </Typography.Title>
      <div className="report-head">
        <span>{view.unit.fullName}</span>
        <Tag color={STATE_COLORS[view.state]} data-testid="report-state">
          {t(`reports.state_${view.state}` as never)}
        </Tag>
        {view.locked && <Tag>{t('reports.locked')}</Tag>}
        <span className="report-muted">{t('reports.dueOn', { date: formatDate(view.period.dueOn) })}</span>
      </div>
      <div className="report-muted">{view.programTitle}</div>

      {view.locked && <Alert type="info" showIcon message={t('reportForm.lockedNotice')} />}
      {!view.locked && !editable && <Alert type="info" showIcon message={t('reportForm.readOnlyNotice')} />}
      {view.status === 'returned' && (view.reviewComment || Object.keys(view.fieldComments).length > 0) && (
        <Alert
          type="warning"
          showIcon
          data-testid="review-comment"
          message={t('reportForm.returnedTitle')}
          description={
            <>
              {view.reviewComment && <p>{view.reviewComment}</p>}
              <ul className="report-comment-list">
                {view.sections
                  .flatMap((s) => s.fields)
                  .filter((f) => comments[f.dataElementId])
                  .map((f) => (
                    <li key={f.dataElementId}>
                      <strong>{f.label}:</strong> {comments[f.dataElementId]}
                    </li>
                  ))}
              </ul>
            </>
          }
        />
      )}
      {submitProblem && <Alert type="error" showIcon message={submitProblem} data-testid="submit-problems" />}

      {view.sections.map((section) => (
        <section key={section.taskGroupNumber ?? 'other'} className="report-form-section">
          <Typography.Title level={5}>{section.taskGroupNumber == null ? t('reportForm.otherSection') : section.title}</Typography.Title>
          {section.fields.map((f) => (
            <ReportFormField
              key={f.dataElementId}
              field={f}
              unitId={view.unit.id}
              value={content.values[f.dataElementId]}
              raw={raw[f.dataElementId]}
              editable={editable}
              error={f.derived ? null : errorOf(f.dataElementId)}
              reviewerComment={comments[f.dataElementId] ?? null}
              upperBound={boundOf(f, content.values)}
              onChange={(v, r) => setValue(f.dataElementId, v, r)}
            />
          ))}
          {section.taskGroupNumber != null && (
            <NarrativeBox
              label={t('reportForm.narrativeLabel', { number: section.taskGroupNumber })}
              placeholder={t('reportForm.narrativePlaceholder')}
              value={content.narratives[String(section.taskGroupNumber)] ?? ''}
              editable={editable}
              error={serverErrors[`narrative:${section.taskGroupNumber}`] ?? null}
              comment={comments[`narrative:${section.taskGroupNumber}`] ?? null}
              onChange={(text) => change({ ...content, narratives: { ...content.narratives, [String(section.taskGroupNumber)]: text } })}
              testId={`narrative-${section.taskGroupNumber}`}
            />
          )}
        </section>
      ))}
      {view.sections.every((s) => s.fields.length === 0) && <Alert type="info" message={t('reportForm.noFields')} />}

      <section className="report-form-section">
        <Typography.Title level={5}>{t('reportForm.difficultiesTitle')}</Typography.Title>
        <NarrativeBox
          label={t('reportForm.difficultiesTitle')}
          placeholder={t('reportForm.difficultiesPlaceholder')}
          value={content.difficulties ?? ''}
          editable={editable}
          error={serverErrors.difficulties ?? null}
          comment={comments.difficulties ?? null}
          onChange={(text) => change({ ...content, difficulties: text })}
          testId="difficulties"
        />
      </section>

      <AttachmentsPanel key={reportId ?? 'new'} reportId={reportId} attachments={view.attachments} editable={editable} />

      {view.history.length > 0 && (
        <section className="report-form-section">
          <Typography.Title level={5}>{t('reportForm.historyTitle')}</Typography.Title>
          <ul className="report-history">
            {view.history.map((e, i) => (
              <li key={i}>
                <span className="report-muted">{formatDateTime(e.at)}</span> {t(`reports.action_${e.action}` as never)}
                {e.actor ? ` · ${e.actor.fullName}` : ''}
                {e.comment ? `: ${e.comment}` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}

      {(editable || canSubmit) && (
        <div className="report-actions" data-testid="report-actions">
          <SaveStatus
            state={saveState}
            onRetry={() => void flush()}
            onKeepMine={() => void keepMine()}
            onTakeTheirs={() => void takeTheirs()}
          />
          {canSubmit && (
            <Popconfirm title={t('reportForm.submitConfirm')} onConfirm={() => void submit()}>
              <Button type="primary" size="large" block loading={submitting} data-testid="submit-report">
                {view.status === 'returned' ? t('reportForm.resubmit') : t('reportForm.submit')}
              </Button>
            </Popconfirm>
          )}
        </div>
      )}
    </div>
  );
}

function NarrativeBox(props: {
  label: string;
  placeholder: string;
  value: string;
  editable: boolean;
  error: string | null;
  comment: string | null;
  onChange: (text: string) => void;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <div className="report-field" data-testid={props.testId}>
      <label className="report-field-label">
        {props.label}
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 12 }}
          placeholder={props.placeholder}
          disabled={!props.editable}
          status={props.error ? 'error' : undefined}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        />
      </label>
      {props.error && (
        <Typography.Text type="danger" role="alert">
          {props.error}
        </Typography.Text>
      )}
      {props.comment && (
        <div className="report-reviewer-comment" data-testid="field-comment">
          <strong>{t('reportForm.reviewerComment')}:</strong> {props.comment}
        </div>
      )}
    </div>
  );
}

function SaveStatus(props: { state: SaveState; onRetry: () => void; onKeepMine: () => void; onTakeTheirs: () => void }) {
  const { t } = useI18n();
  const s = props.state;
  switch (s.kind) {
    case 'saving':
      return (
        <div className="report-save-state" data-testid="save-state">
          <LoadingOutlined /> {t('reportForm.saving')}
        </div>
      );
    case 'saved':
      return (
        <div className="report-save-state" data-testid="save-state">
          <CheckCircleOutlined /> {t('reportForm.saved', { time: formatDateTime(s.at).slice(-5) })}
        </div>
      );
    case 'unsent':
      return (
        <div className="report-save-state report-unsent" data-testid="save-state" role="status">
          <CloudSyncOutlined /> <strong>{t('reportForm.unsent')}</strong> — {t('reportForm.unsentHelp')}{' '}
          <Button size="small" onClick={props.onRetry}>
            {t('reportForm.retryNow')}
          </Button>
        </div>
      );
    case 'stale':
      return (
        <Alert
          type="warning"
          showIcon
          data-testid="save-state"
          message={t('reportForm.staleTitle')}
          description={
            <>
              <p>{s.message}</p>
              <Button size="small" onClick={props.onKeepMine}>
                {t('reportForm.staleKeepMine')}
              </Button>{' '}
              <Button size="small" onClick={props.onTakeTheirs}>
                {t('reportForm.staleTakeTheirs')}
              </Button>
            </>
          }
        />
      );
    case 'refused':
      return (
        <div className="report-save-state report-unsent" data-testid="save-state" role="alert">
          <ExclamationCircleOutlined /> {t('reportForm.notSaved')}: {s.message}
        </div>
      );
    default:
      return null;
  }
}
