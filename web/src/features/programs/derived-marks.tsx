// Cụ thể hóa, in the editor: the sentences of a derived draft that still name
// the superior's figures or bodies, highlighted on their fields (MarkedTextArea)
// and in the preview (MarkedText) with a short reason, cleared as soon as the
// user edits them; the targets the derivation could not carry, with a way to
// allocate them; and the confirmation before issuing with marks left.
import { Alert, App as AntApp, Button, Input, List, Space, Tag, Typography } from 'antd';
import type { TextAreaProps } from 'antd/es/input';
import { PartitionOutlined } from '@ant-design/icons';
import { createContext, useContext, useState, type ReactNode } from 'react';
import { marksInText, openMarks, shortSentence, type DerivedMark, type MarkReason } from '../../../../common/derived-marks';
import type { MessageKey } from '../../../../common/i18n';
import type { ProgramContent } from '../../../../common/programs';
import { useI18n } from '../../app/i18n';
import { ApiError } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { useCan } from '../auth/use-me';
import { AllocationDrawer } from '../catalogue/allocation-drawer';
import { useCatalogueTargets, type Target } from '../catalogue/api';
import { useCarryDerivedTargets, type ProgramDetail } from './api';

type Marks = readonly DerivedMark[];
type Derivation = NonNullable<ProgramDetail['derivation']>;
const MarksContext = createContext<Marks>([]);

/** The marks of a derived draft, for the fields and the preview below. */
export function DerivedMarksProvider({ marks, children }: { marks: Marks | undefined; children: ReactNode }) {
  return <MarksContext.Provider value={marks ?? []}>{children}</MarksContext.Provider>;
}

/** "số liệu của cấp trên “10 đoàn viên”; nêu cơ quan cấp trên “LĐLĐ huyện”". */
function useReasonText() {
  const { t } = useI18n();
  const { number } = useFormat();
  return (reasons: readonly MarkReason[]) =>
    reasons
      .map((r) => t(`derivedMarks.reason.${r.code}` as MessageKey, { text: r.text, value: r.value === undefined ? '' : number(r.value) }))
      .join('; ');
}

/** A text area of the editor: yellow, with the reason below, while it holds a marked sentence. */
export function MarkedTextArea(props: TextAreaProps) {
  const { t } = useI18n();
  const reasonText = useReasonText();
  const marks = useContext(MarksContext);
  const hits = marksInText(typeof props.value === 'string' ? props.value : undefined, marks);
  // One shape whether marked or not: the text area must not remount (and lose the caret) when a mark clears.
  return (
    <>
      <Input.TextArea
        {...props}
        className={[props.className, hits.length ? 'derived-marked' : ''].filter(Boolean).join(' ') || undefined}
        data-derived-mark={hits.length ? 'open' : undefined}
      />
      {hits.length > 0 && (
        <Typography.Text type="warning" className="derived-mark-hint" data-testid="derived-mark-hint">
          {t('derivedMarks.fieldHint', { reasons: reasonText(hits.flatMap((m) => m.reasons)) })}
        </Typography.Text>
      )}
    </>
  );
}

/** A paragraph of the preview with its marked sentences highlighted (the reason on hover). */
export function MarkedText({ value, render }: { value: string; render: (part: string) => ReactNode }) {
  const marks = useContext(MarksContext);
  const reasonText = useReasonText();
  const hits = marksInText(value, marks);
  if (hits.length === 0) return <>{render(value)}</>;
  const parts: ReactNode[] = [];
  let rest = value.normalize('NFC');
  let key = 0;
  while (rest) {
    const next = hits
      .map((m) => ({ m, at: rest.indexOf(m.sentence) }))
      .filter((x) => x.at >= 0)
      .sort((a, b) => a.at - b.at)[0];
    if (!next) break;
    if (next.at > 0) parts.push(<span key={key++}>{render(rest.slice(0, next.at))}</span>);
    parts.push(
      <mark key={key++} className="derived-mark" title={reasonText(next.m.reasons)}>
        {render(next.m.sentence)}
      </mark>,
    );
    rest = rest.slice(next.at + next.m.sentence.length);
  }
  if (rest) parts.push(<span key={key++}>{render(rest)}</span>);
  return <>{parts}</>;
}

/** Puts the caret on a marked sentence in the editor (the first text area holding it). */
function focusSentence(sentence: string) {
  const areas = [...document.querySelectorAll<HTMLTextAreaElement>('.program-editor textarea')];
  const area = areas.find((a) => a.value.normalize('NFC').includes(sentence));
  if (!area) return;
  const at = area.value.normalize('NFC').indexOf(sentence);
  area.scrollIntoView({ block: 'center', behavior: 'smooth' });
  area.focus({ preventScroll: true });
  area.setSelectionRange(at, at + sentence.length);
}

/**
 * What the derivation left for the user: the marked sentences still to fix
 * (live, from the content being typed) and the targets not carried, each with
 * its reason and, for whoever may allocate the superior's targets, a button to do it.
 */
export function DerivationPanel({ program, content, editing }: { program: ProgramDetail; content: ProgramContent; editing: boolean }) {
  const { t } = useI18n();
  const reasonText = useReasonText();
  const d = program.derivation;
  if (!d || program.status !== 'draft') return null;
  const open = openMarks(content, d.marks);
  if (d.marks.length === 0 && d.uncarriedTargets.length === 0) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }} data-testid="derivation-panel">
      {d.marks.length > 0 &&
        (open.length === 0 ? (
          <Alert type="success" showIcon title={t('derivedMarks.allFixed')} />
        ) : (
          <Alert
            type="warning"
            showIcon
            title={t('derivedMarks.panelTitle', { count: open.length })}
            description={
              <>
                <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
                  {t('derivedMarks.panelHelp')}
                </Typography.Paragraph>
                <List
                  size="small"
                  style={{ maxHeight: 320, overflow: 'auto' }}
                  dataSource={open}
                  renderItem={(m) => (
                    <List.Item>
                      <List.Item.Meta
                        title={
                          <mark className="derived-mark" data-testid="derived-mark-item">
                            {shortSentence(m.sentence, 140)}
                          </mark>
                        }
                        description={
                          <>
                            {reasonText(m.reasons)}
                            {editing && (
                              <Button size="small" type="link" onClick={() => focusSentence(m.sentence)}>
                                {t('derivedMarks.goTo')}
                              </Button>
                            )}
                          </>
                        }
                      />
                    </List.Item>
                  )}
                />
              </>
            }
          />
        ))}
      {d.uncarriedTargets.length > 0 && <UncarriedTargets derivation={d} unitId={program.unitId} />}
      {d.uncarriedTargets.length > 0 && program.allowedActions?.includes('edit') && <CarryTargetsButton program={program} />}
    </Space>
  );
}

function UncarriedTargets({ derivation, unitId }: { derivation: Derivation; unitId: string }) {
  // Allocating is the superior's write (managePrograms over its unit; the server checks the scope): the button only for them.
  return useCan('managePrograms') ? (
    <AllocatableTargets derivation={derivation} unitId={unitId} />
  ) : (
    <UncarriedList derivation={derivation} unitId={unitId} />
  );
}

function AllocatableTargets({ derivation, unitId }: { derivation: Derivation; unitId: string }) {
  const sourceTargets = useCatalogueTargets(derivation.sourceProgramId);
  const [allocating, setAllocating] = useState<Target | null>(null);
  return (
    <>
      <UncarriedList
        derivation={derivation}
        unitId={unitId}
        targetOf={(id) => sourceTargets.data?.items.find((x) => x.id === id)}
        onAllocate={setAllocating}
      />
      <AllocationDrawer target={allocating} onClose={() => setAllocating(null)} />
    </>
  );
}

function UncarriedList({
  derivation: d,
  unitId,
  targetOf,
  onAllocate,
}: {
  derivation: Derivation;
  unitId: string;
  targetOf?: (sourceTargetId: string) => Target | undefined;
  onAllocate?: (target: Target) => void;
}) {
  const { t } = useI18n();
  const { number } = useFormat();
  return (
    <Alert
      type="info"
      showIcon
      title={t('derivedMarks.uncarriedTitle', { count: d.uncarriedTargets.length })}
      description={
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
            {t('derivedMarks.uncarriedHelp')}
          </Typography.Paragraph>
          <List
            size="small"
            dataSource={d.uncarriedTargets}
            renderItem={(u) => {
              const target = targetOf?.(u.sourceTargetId);
              // Allocated since the draft was derived: the share is shown, to be added as the unit's target.
              const share = target?.allocations.find((a) => a.unitId === unitId);
              return (
                <List.Item data-testid="uncarried-target">
                  <Typography.Text>
                    {u.code ? `${u.code}. ` : ''}
                    {u.text} <Typography.Text type="secondary">({number(u.value)})</Typography.Text>{' '}
                    {share ? (
                      <Tag color="green">{t('derivedMarks.allocatedSince', { value: number(share.value) })}</Tag>
                    ) : (
                      <Tag color="orange">{t(`derivedMarks.uncarried.${u.reason}` as MessageKey)}</Tag>
                    )}
                    {!onAllocate && <Typography.Text type="secondary">{t('derivedMarks.askSuperior')}</Typography.Text>}
                    {target && onAllocate && (
                      <Button
                        size="small"
                        icon={<PartitionOutlined />}
                        onClick={() => onAllocate(target)}
                        data-testid={`uncarried-allocate-${u.code ?? u.sourceTargetId}`}
                      >
                        {t('derivedMarks.allocate')}
                      </Button>
                    )}
                  </Typography.Text>
                </List.Item>
              );
            }}
          />
        </>
      }
    />
  );
}

/** Carries the superior's targets allocated to the unit since the draft was derived (the others stay listed). */
function CarryTargetsButton({ program }: { program: ProgramDetail }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const carry = useCarryDerivedTargets();
  const onClick = async () => {
    try {
      const saved = await carry.mutateAsync({ id: program.id, expectedVersion: program.rowVersion });
      const left = saved.derivation?.uncarriedTargets.length ?? 0;
      const count = (program.derivation?.uncarriedTargets.length ?? 0) - left;
      if (count > 0) message.success(t('derivedMarks.carried', { count }));
      else message.info(t('derivedMarks.nothingToCarry'));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Button loading={carry.isPending} onClick={() => void onClick()} data-testid="carry-derived-targets">
      {t('derivedMarks.carry')}
    </Button>
  );
}

/**
 * Issues a program, asking first when a derived draft still has unedited
 * marked sentences (and again if the server finds some): resolves true when
 * issued, false when the user went back to fix them.
 */
export function useIssueWithMarks(issue: (args: { id: string; confirmUnresolvedMarks?: boolean }) => Promise<unknown>) {
  const { t } = useI18n();
  const { modal } = AntApp.useApp();
  const ask = (sentences: string[]) =>
    new Promise<boolean>((resolve) => {
      void modal.confirm({
        title: t('derivedMarks.issueTitle', { count: sentences.length }),
        content: (
          <div data-testid="unresolved-marks-confirm">
            <Typography.Paragraph>{t('derivedMarks.issueHelp')}</Typography.Paragraph>
            <ul style={{ paddingInlineStart: 20, maxHeight: 240, overflow: 'auto' }}>
              {sentences.map((s, i) => (
                <li key={i}>{shortSentence(s, 120)}</li>
              ))}
            </ul>
          </div>
        ),
        okText: t('derivedMarks.issueAnyway'),
        cancelText: t('derivedMarks.fixFirst'),
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });
  return async (program: Pick<ProgramDetail, 'id' | 'content' | 'derivation'>): Promise<boolean> => {
    const open = program.derivation ? openMarks(program.content, program.derivation.marks) : [];
    if (open.length > 0) {
      if (!(await ask(open.map((m) => m.sentence)))) return false;
      await issue({ id: program.id, confirmUnresolvedMarks: true });
      return true;
    }
    try {
      await issue({ id: program.id });
      return true;
    } catch (e) {
      // Someone else's save left marked sentences the page did not know of: ask, then issue anyway if confirmed.
      if (!(e instanceof ApiError) || e.code !== 'PROGRAM_UNRESOLVED_MARKS') throw e;
      if (!(await ask(e.fields.map((f) => f.message)))) return false;
      await issue({ id: program.id, confirmUnresolvedMarks: true });
      return true;
    }
  };
}
