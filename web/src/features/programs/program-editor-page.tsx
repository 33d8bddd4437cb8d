// The structured editor of a draft program (soạn thảo chương trình): every
// section of the document as form fields, with a live preview in document form
// beside it on desktop and behind a toggle on phones. The form's values have
// the shape of the API body, so server field paths (content.targets.2.text)
// land on their inputs.
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Result,
  Row,
  Segmented,
  Select,
  Skeleton,
  Space,
  Typography,
  type FormInstance,
  type FormListFieldData,
} from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMemo, useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { PERMISSIONS } from '../../../../common/permissions';
import { formatDocumentNumber, formatPlaceAndDate, PROGRAM_KINDS, type ProgramContent } from '../../../../common/programs';
import { useI18n } from '../../app/i18n';
import { ApiError } from '../../lib/api';
import { DATE_FORMAT, fromIsoDate, thisYear, toIsoDate } from '../../lib/dates';
import { applyApiError } from '../../lib/form-errors';
import { useCan, useMe } from '../auth/use-me';
import { useCreateProgram, useIssueProgram, useProgram, useUpdateProgram, type ProgramBody, type ProgramDetail } from './api';
import { newProgramBody } from './program-defaults';
import { ProgramDocument } from './program-document';
import { ProgramStatusTag } from './program-labels';
import { MeasuredTargets } from './measured-targets';
import './programs.css';
import { useIsWide } from '../../lib/responsive';
// A derived draft's fields show the sentences still naming the superior's figures or bodies (cụ thể hóa).
import { DerivationPanel, DerivedMarksProvider, MarkedTextArea as TextArea, useIssueWithMarks } from './derived-marks';
type Name = Array<string | number>;

/** A date field whose form value stays an ISO day (yyyy-mm-dd). */
const isoDateProps = {
  getValueProps: (value: string | null | undefined) => ({ value: fromIsoDate(value) ?? null }),
  normalize: (value: Parameters<typeof toIsoDate>[0]) => toIsoDate(value) ?? null,
};

/** A list section: add, remove (confirmed) and move up/down, all keyboard reachable. */
function ListEditor({
  name,
  label,
  addLabel,
  newItem,
  children,
}: {
  name: Name;
  label: string;
  addLabel: string;
  newItem: () => unknown;
  children: (field: FormListFieldData, index: number) => ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Form.List name={name}>
      {(fields, { add, remove, move }) => (
        <div className="editor-list">
          {fields.length === 0 && <Typography.Text type="secondary">{t('programs.emptyList')}</Typography.Text>}
          {fields.map((field, index) => {
            const itemName = t('programs.itemLabel', { label, index: index + 1 });
            return (
              <div key={field.key} className="editor-item" role="group" aria-label={itemName}>
                <div className="editor-item-bar">
                  <Typography.Text strong>{itemName}</Typography.Text>
                  <Space size={4}>
                    <Button
                      size="small"
                      icon={<ArrowUpOutlined />}
                      aria-label={`${t('programs.moveUp')}: ${itemName}`}
                      title={t('programs.moveUp')}
                      disabled={index === 0}
                      onClick={() => move(index, index - 1)}
                    />
                    <Button
                      size="small"
                      icon={<ArrowDownOutlined />}
                      aria-label={`${t('programs.moveDown')}: ${itemName}`}
                      title={t('programs.moveDown')}
                      disabled={index === fields.length - 1}
                      onClick={() => move(index, index + 1)}
                    />
                    <Popconfirm
                      title={t('programs.removeConfirm')}
                      okText={t('programs.remove')}
                      cancelText={t('programs.cancel')}
                      onConfirm={() => remove(index)}
                    >
                      <Button
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={`${t('programs.remove')}: ${itemName}`}
                        title={t('programs.remove')}
                      />
                    </Popconfirm>
                  </Space>
                </div>
                {children(field, index)}
              </div>
            );
          })}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(newItem())}>
            {addLabel}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

/** A list of plain paragraphs (context, legal bases, bullets, duties). */
function TextListEditor({ name, label, addLabel }: { name: Name; label: string; addLabel: string }) {
  const { t } = useI18n();
  return (
    <ListEditor name={name} label={label} addLabel={addLabel} newItem={() => ''}>
      {(field, index) => (
        <Form.Item name={[field.name]} className="editor-field">
          <TextArea autoSize={{ minRows: 1, maxRows: 8 }} aria-label={t('programs.itemLabel', { label, index: index + 1 })} />
        </Form.Item>
      )}
    </ListEditor>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card size="small" title={title} className="editor-section">
      {children}
    </Card>
  );
}

/** An amendment (version > 1) keeps the year, kind and number of the document it amends. */
function EditorFields({ isNew, keyFixed, units }: { isNew: boolean; keyFixed: boolean; units: Array<{ value: string; label: string }> }) {
  const { t } = useI18n();
  const f = (key: string) => t(`programs.field.${key}` as 'programs.field.title');
  const s = (key: string) => t(`programs.section.${key}` as 'programs.section.header');
  return (
    <>
      <Section title={s('header')}>
        <Row gutter={12}>
          {isNew && (
            <Col xs={24}>
              <Form.Item name="unitId" label={f('unit')}>
                <Select options={units} />
              </Form.Item>
            </Col>
          )}
          <Col xs={12} sm={8}>
            <Form.Item name="kind" label={f('kind')}>
              <Select disabled={keyFixed} options={PROGRAM_KINDS.map((k) => ({ value: k, label: t(`programs.kind.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="year" label={f('year')}>
              <InputNumber disabled={keyFixed} min={1990} max={2100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="number" label={f('number')}>
              <InputNumber min={1} max={9999} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="symbol" label={f('symbol')}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="place" label={f('place')}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="issuedOn" label={f('issuedOn')} {...isoDateProps}>
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="title" label={f('title')}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="superiorBodyName" label={f('superiorBodyName')}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="issuingBodyName" label={f('issuingBodyName')}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
      </Section>
      <Section title={s('context')}>
        <TextListEditor name={['content', 'context']} label={f('paragraph')} addLabel={t('programs.addParagraph')} />
      </Section>
      <Section title={s('legalBasis')}>
        <TextListEditor name={['content', 'legalBasis']} label={f('paragraph')} addLabel={t('programs.addParagraph')} />
      </Section>
      <Section title={s('headings')}>
        <Row gutter={12}>
          {(['theme', 'targets', 'taskGroups', 'organisation'] as const).map((k) => (
            <Col xs={24} sm={12} key={k}>
              <Form.Item name={['content', 'headings', k]} label={f(`heading${k[0]!.toUpperCase()}${k.slice(1)}`)}>
                <Input />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Section>
      <Section title={s('theme')}>
        <Form.Item name={['content', 'theme']} className="editor-field">
          <TextArea autoSize={{ minRows: 2, maxRows: 6 }} aria-label={s('theme')} />
        </Form.Item>
      </Section>
      <Section title={s('targets')}>
        <Form.Item noStyle shouldUpdate>
          {(form) => (
            <ListEditor
              name={['content', 'targets']}
              label={s('targets')}
              addLabel={t('programs.addTarget')}
              newItem={() => ({ code: nextTargetCode(form), text: '', stretch: false, whenConditionsAllow: false })}
            >
              {(field) => (
                <>
                  <Row gutter={8}>
                    <Col xs={8} sm={5}>
                      <Form.Item name={[field.name, 'code']} label={f('code')}>
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col xs={16} sm={19}>
                      <Form.Item name={[field.name, 'text']} label={f('targetText')}>
                        <TextArea autoSize={{ minRows: 1, maxRows: 6 }} />
                      </Form.Item>
                    </Col>
                  </Row>
                  <Space wrap>
                    <Form.Item name={[field.name, 'stretch']} valuePropName="checked" noStyle>
                      <Checkbox>{t('programs.stretch')}</Checkbox>
                    </Form.Item>
                    <Form.Item name={[field.name, 'whenConditionsAllow']} valuePropName="checked" noStyle>
                      <Checkbox>{t('programs.whenConditionsAllow')}</Checkbox>
                    </Form.Item>
                  </Space>
                </>
              )}
            </ListEditor>
          )}
        </Form.Item>
      </Section>
      <Section title={s('taskGroups')}>
        <ListEditor
          name={['content', 'taskGroups']}
          label={s('taskGroups')}
          addLabel={t('programs.addGroup')}
          newItem={() => ({ number: 0, title: '', paragraphs: [], actions: [] })}
        >
          {(group) => (
            <>
              <Form.Item name={[group.name, 'title']} label={f('groupTitle')}>
                <TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
              </Form.Item>
              <ListEditor
                name={[group.name, 'paragraphs']}
                label={f('paragraph')}
                addLabel={t('programs.addParagraph')}
                newItem={() => ({ text: '', bullets: [] })}
              >
                {(para, pi) => (
                  <>
                    <Form.Item name={[para.name, 'text']} className="editor-field">
                      <TextArea
                        autoSize={{ minRows: 1, maxRows: 8 }}
                        aria-label={t('programs.itemLabel', { label: f('paragraph'), index: pi + 1 })}
                      />
                    </Form.Item>
                    <TextListEditor name={[para.name, 'bullets']} label={f('bullet')} addLabel={t('programs.addBullet')} />
                  </>
                )}
              </ListEditor>
              <ListEditor
                name={[group.name, 'actions']}
                label={f('actionText')}
                addLabel={t('programs.addAction')}
                newItem={() => ({ text: '' })}
              >
                {(action, ai) => (
                  <>
                    <Form.Item name={[action.name, 'text']} className="editor-field">
                      <TextArea
                        autoSize={{ minRows: 1, maxRows: 8 }}
                        aria-label={t('programs.itemLabel', { label: f('actionText'), index: ai + 1 })}
                      />
                    </Form.Item>
                    <Row gutter={8}>
                      <Col xs={24} sm={14}>
                        <Form.Item name={[action.name, 'responsible']} label={f('responsible')}>
                          <Input />
                        </Form.Item>
                      </Col>
                      <Col xs={24} sm={10}>
                        <Form.Item name={[action.name, 'deadline']} label={f('deadline')} {...isoDateProps}>
                          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                    </Row>
                  </>
                )}
              </ListEditor>
            </>
          )}
        </ListEditor>
      </Section>
      <Section title={s('organisation')}>
        <ListEditor
          name={['content', 'organisation']}
          label={f('actor')}
          addLabel={t('programs.addActor')}
          newItem={() => ({ actor: '', duties: [''] })}
        >
          {(item) => (
            <>
              <Form.Item name={[item.name, 'actor']} label={f('actor')}>
                <Input />
              </Form.Item>
              <TextListEditor name={[item.name, 'duties']} label={f('duty')} addLabel={t('programs.addDuty')} />
            </>
          )}
        </ListEditor>
      </Section>
      <Section title={s('closing')}>
        <Form.Item name={['content', 'closing']} className="editor-field">
          <TextArea autoSize={{ minRows: 2, maxRows: 6 }} aria-label={s('closing')} />
        </Form.Item>
      </Section>
      <Section title={s('recipients')}>
        <ListEditor
          name={['content', 'recipients']}
          label={f('recipientName')}
          addLabel={t('programs.addRecipient')}
          newItem={() => ({ name: '', forReport: false })}
        >
          {(item, index) => (
            <div className="editor-recipient">
              <Form.Item name={[item.name, 'name']} className="editor-field editor-recipient-name">
                <Input aria-label={t('programs.itemLabel', { label: f('recipientName'), index: index + 1 })} />
              </Form.Item>
              <Form.Item name={[item.name, 'forReport']} valuePropName="checked" className="editor-field editor-check">
                <Checkbox>{f('forReport')}</Checkbox>
              </Form.Item>
            </div>
          )}
        </ListEditor>
        <Form.Item name={['content', 'archive']} label={s('archive')} style={{ marginTop: 12 }}>
          <Input />
        </Form.Item>
      </Section>
      <Section title={s('signature')}>
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item name="signatureAuthority" label={f('signatureAuthority')}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="signerTitle" label={f('signerTitle')}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="signerName" label={f('signerName')}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
      </Section>
    </>
  );
}

/** The next free numeric target code ("11" after "1".."10"). */
function nextTargetCode(form: FormInstance): string {
  const targets = (form.getFieldValue(['content', 'targets']) ?? []) as Array<{ code?: string }>;
  const max = targets.reduce((m, x) => Math.max(m, Number.parseInt(x?.code ?? '', 10) || 0), 0);
  return String(max + 1);
}

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** The form's values as the API body: task groups numbered in order, empty optional fields left out. */
function toBody(values: ProgramBody): ProgramBody {
  const c = values.content;
  return {
    ...values,
    issuedOn: values.issuedOn || null,
    superiorBodyName: (blank(values.superiorBodyName) as string | undefined) ?? null,
    content: {
      ...c,
      context: c.context ?? [],
      legalBasis: c.legalBasis ?? [],
      targets: c.targets ?? [],
      taskGroups: (c.taskGroups ?? []).map((g, i) => ({
        ...g,
        number: i + 1,
        paragraphs: (g.paragraphs ?? []).map((p) => ({ ...p, bullets: p.bullets ?? [] })),
        actions: (g.actions ?? []).map((a) => {
          const action: ProgramContent['taskGroups'][number]['actions'][number] = { text: a.text };
          const responsible = blank(a.responsible) as string | undefined;
          if (responsible) action.responsible = responsible;
          if (a.deadline) action.deadline = a.deadline;
          return action;
        }),
      })),
      organisation: (c.organisation ?? []).map((o) => ({ ...o, duties: o.duties ?? [] })),
      recipients: c.recipients ?? [],
      closing: blank(c.closing) as string | undefined,
    },
  };
}

/** Values being typed, shaped for the document preview (missing text shown empty). */
function toPreview(values: ProgramBody | undefined, base: ProgramBody, unitName: string): ProgramDetail {
  const v = toBody({ ...base, ...values, content: { ...base.content, ...values?.content } } as ProgramBody);
  const str = (x: unknown) => (typeof x === 'string' ? x : '');
  const c = v.content;
  return {
    ...v,
    id: '',
    unitName,
    documentNumber: formatDocumentNumber(v.number ?? 0, str(v.symbol)),
    status: 'draft',
    version: 1,
    rowVersion: 1,
    updatedAt: '',
    previousVersionId: null,
    placeAndDate: formatPlaceAndDate(str(v.place), v.issuedOn),
    issuedAt: null,
    createdAt: '',
    derivation: null,
    title: str(v.title),
    issuingBodyName: str(v.issuingBodyName),
    signatureAuthority: str(v.signatureAuthority),
    signerTitle: str(v.signerTitle),
    signerName: str(v.signerName),
    content: {
      ...c,
      context: c.context.map(str),
      legalBasis: c.legalBasis.map(str),
      theme: str(c.theme),
      archive: str(c.archive),
      headings: {
        theme: str(c.headings?.theme),
        targets: str(c.headings?.targets),
        taskGroups: str(c.headings?.taskGroups),
        organisation: str(c.headings?.organisation),
      },
      targets: c.targets.map((x, i) => ({ ...x, code: str(x?.code) || `#${i}`, text: str(x?.text) })),
      taskGroups: c.taskGroups.map((g) => ({
        ...g,
        title: str(g.title),
        paragraphs: g.paragraphs.map((p) => ({ text: str(p?.text), bullets: p.bullets.map(str) })),
        actions: g.actions.map((a) => ({ ...a, text: str(a?.text), responsible: str(a?.responsible) || undefined })),
      })),
      organisation: c.organisation.map((o) => ({ actor: str(o?.actor), duties: o.duties.map(str) })),
      recipients: c.recipients.map((r) => ({ name: str(r?.name), forReport: Boolean(r?.forReport) })),
    },
  };
}

/** The body fields a PATCH may carry (the issuing unit is fixed). */
function patchBody(body: ProgramBody): Partial<ProgramBody> {
  const { unitId: _unit, ...rest } = body;
  return rest;
}

export function ProgramEditorPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const query = useProgram(id);
  const me = useMe();
  const canManage = useCan('writePrograms');
  if (!canManage) return <Result status="403" title="403" subTitle={t('errors.FORBIDDEN')} />;
  if (id && query.isLoading) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (id && (query.isError || !query.data)) {
    const error = query.error;
    const status =
      error instanceof ApiError && error.status === 404 ? '404' : error instanceof ApiError && error.status === 403 ? '403' : 'error';
    return (
      <Result
        status={status}
        title={error?.message ?? t('common.loadFailed')}
        extra={<Link to="/programs">{t('programs.backToList')}</Link>}
      />
    );
  }
  if (query.data && query.data.status !== 'draft') {
    return (
      <Result
        status="warning"
        title={t('programs.notEditable')}
        extra={<Link to={`/programs/${query.data.id}`}>{t('programs.open')}</Link>}
      />
    );
  }
  const units = uniqueUnits(me.data?.assignments ?? []);
  return <Editor key={id ?? 'new'} program={query.data} units={units} />;
}

function uniqueUnits(assignments: Array<{ role: string; unitId: string; unitName: string }>) {
  const seen = new Map<string, string>();
  for (const a of assignments) {
    if ((PERMISSIONS.writePrograms as readonly string[]).includes(a.role)) seen.set(a.unitId, a.unitName);
  }
  return [...seen].map(([value, label]) => ({ value, label }));
}

function Editor({ program, units }: { program: ProgramDetail | undefined; units: Array<{ value: string; label: string }> }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const isDesktop = useIsWide();
  // Issuing needs the right or a leader's delegation (docs/issue-delegations.md): the server says so per program.
  const canIssue = Boolean(program?.allowedActions?.includes('issue'));
  const [form] = Form.useForm<ProgramBody>();
  const [tab, setTab] = useState<'editor' | 'preview'>('editor');
  const [banner, setBanner] = useState<string | null>(null);
  const create = useCreateProgram();
  const update = useUpdateProgram();
  const issue = useIssueProgram();
  const issueWithMarks = useIssueWithMarks(issue.mutateAsync);

  const initial = useMemo<ProgramBody>(() => {
    if (program) {
      const {
        id: _i,
        unitName: _n,
        documentNumber: _d,
        status: _s,
        version: _v,
        rowVersion: _rv,
        updatedAt: _u,
        previousVersionId: _p,
        placeAndDate: _pd,
        issuedAt: _ia,
        createdAt: _c,
        amends: _am,
        allowedActions: _aa,
        derivation: _dv,
        ...body
      } = program;
      return body;
    }
    return newProgramBody(units[0]?.value ?? '', thisYear());
  }, [program, units]);

  const values = Form.useWatch([], { form, preserve: true }) as ProgramBody | undefined;
  const unitName = program?.unitName ?? units.find((u) => u.value === values?.unitId)?.label ?? '';
  // An amendment's preview cites the document it amends, as its DOCX does.
  const preview = { ...toPreview(values, initial, unitName), amends: program?.amends ?? null };

  const save = async (): Promise<ProgramDetail | null> => {
    setBanner(null);
    const body = toBody(form.getFieldsValue(true) as ProgramBody);
    try {
      if (program) {
        // The version the form was opened at: a save over someone else's gets 409 STALE_WRITE, shown in the banner, the form kept as typed.
        const saved = await update.mutateAsync({ id: program.id, body: { ...patchBody(body), expectedVersion: program.rowVersion } });
        message.success(t('programs.saved'));
        return saved;
      }
      const created = await create.mutateAsync(body);
      message.success(t('programs.created'));
      navigate(`/programs/${created.id}/edit`, { replace: true });
      return created;
    } catch (e) {
      const rest = applyApiError(form, e);
      setBanner(rest ?? t('programs.saveFailed'));
      if (!isDesktop) setTab('editor');
      return null;
    }
  };

  const saveAndIssue = async () => {
    const saved = await save();
    if (!saved) return;
    try {
      if (!(await issueWithMarks(saved))) return;
      message.success(t('programs.issued'));
      navigate(`/programs/${saved.id}`);
    } catch (e) {
      setBanner(e instanceof Error ? e.message : String(e));
    }
  };

  const busy = create.isPending || update.isPending || issue.isPending;
  const actions = (
    <Space wrap>
      <Button onClick={() => navigate(program ? `/programs/${program.id}` : '/programs')}>{t('programs.cancel')}</Button>
      <Button type="primary" loading={create.isPending || update.isPending} disabled={busy} onClick={() => void save()}>
        {t('programs.saveDraft')}
      </Button>
      {program && canIssue && (
        <Popconfirm
          title={t('programs.issueConfirm')}
          okText={t('programs.issue')}
          cancelText={t('programs.cancel')}
          onConfirm={saveAndIssue}
        >
          <Button loading={issue.isPending} disabled={busy}>
            {t('programs.issue')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );

  // An amendment is about its targets: their measured values come first; a first version's after the text.
  const measured = program ? <MeasuredTargets program={program} form={form} /> : null;
  const amendment = Boolean(program?.previousVersionId);
  const editor = (
    <>
      {amendment && measured}
      <Form form={form} layout="vertical" initialValues={initial} requiredMark={false} className="program-editor">
        <DerivedMarksProvider marks={program?.derivation?.marks}>
          <EditorFields isNew={!program} keyFixed={amendment} units={units} />
        </DerivedMarksProvider>
      </Form>
      {!amendment && measured}
    </>
  );
  const documentPreview = (
    <div className="editor-preview" aria-label={t('programs.previewTab')}>
      <DerivedMarksProvider marks={program?.derivation?.marks}>
        <ProgramDocument program={preview} />
      </DerivedMarksProvider>
    </div>
  );

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <Typography.Title level={4}>{program ? t('programs.editTitle') : t('programs.newTitle')}</Typography.Title>
          {program && (
            <Space wrap size={4}>
              <ProgramStatusTag status={program.status} />
              <Typography.Text type="secondary">
                {program.documentNumber} · {t('programs.version', { version: program.version })}
              </Typography.Text>
            </Space>
          )}
        </div>
        {isDesktop && actions}
      </div>
      {banner && <Alert type="error" showIcon title={banner} closable onClose={() => setBanner(null)} style={{ marginBottom: 16 }} />}
      {program && <DerivationPanel program={program} content={preview.content} editing />}
      {isDesktop ? (
        <div className="editor-layout">
          <div className="editor-column">{editor}</div>
          <div className="editor-preview-column">{documentPreview}</div>
        </div>
      ) : (
        <>
          <Segmented
            block
            value={tab}
            onChange={(v) => setTab(v as 'editor' | 'preview')}
            options={[
              { value: 'editor', label: t('programs.editorTab') },
              { value: 'preview', label: t('programs.previewTab') },
            ]}
            style={{ marginBottom: 12 }}
          />
          <div hidden={tab !== 'editor'}>{editor}</div>
          {tab === 'preview' && documentPreview}
          <div className="editor-phone-actions">{actions}</div>
        </>
      )}
    </div>
  );
}
