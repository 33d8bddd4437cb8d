import { describe, expect, it } from 'vitest';
import {
  createDraftQueue,
  draftKey,
  mergeWithPending,
  saveBodyOf,
  sendDraft,
  sendPendingDrafts,
  type DraftStorage,
  type PendingDraft,
} from './offline-queue';

function memoryStorage(): DraftStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get length() {
      return data.size;
    },
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const draft = (over: Partial<PendingDraft> = {}): PendingDraft => ({
  periodId: 'p1',
  unitId: 'u1',
  reportId: null,
  baseVersion: null,
  values: { e1: { number: 12 } },
  narratives: { '1': 'Đã tổ chức hội nghị' },
  difficulties: null,
  typedAt: '2024-03-10T01:00:00.000Z',
  problem: null,
  ...over,
});

const networkDown = Object.assign(new Error('Không kết nối được máy chủ.'), { status: 0, code: 'NETWORK' });

describe('offline report drafts (chưa gửi được)', () => {
  it('keeps one copy per period and unit and lists them oldest first', () => {
    const queue = createDraftQueue(memoryStorage());
    queue.put(draft({ unitId: 'u2', typedAt: '2024-03-10T02:00:00.000Z' }));
    queue.put(draft());
    queue.put(draft({ values: { e1: { number: 13 } } }));
    expect(queue.list().map((d) => [d.unitId, d.values.e1?.number])).toEqual([
      ['u1', 13],
      ['u2', 12],
    ]);
    expect(queue.get('p1', 'u1')?.values.e1?.number).toBe(13);
  });

  it('ignores what is not a draft (other keys, broken JSON)', () => {
    const storage = memoryStorage();
    storage.setItem('other', '{}');
    storage.setItem(draftKey('p9', 'u9'), '{not json');
    expect(createDraftQueue(storage).list()).toEqual([]);
  });

  it('keeps the copy, marked offline, when the connection is down, and sends it when it is back', async () => {
    const queue = createDraftQueue(memoryStorage());
    queue.put(draft());
    expect(await sendPendingDrafts(queue, () => Promise.reject(networkDown))).toEqual([{ kind: 'offline' }]);
    expect(queue.get('p1', 'u1')?.problem).toBe('offline');

    const sent: unknown[] = [];
    const outcomes = await sendPendingDrafts(queue, async (d) => {
      sent.push(saveBodyOf(d));
      return { id: 'r1', rowVersion: 1 };
    });
    expect(outcomes).toEqual([{ kind: 'saved', reportId: 'r1', rowVersion: 1 }]);
    expect(sent).toEqual([
      {
        values: [{ dataElementId: 'e1', number: 12, bool: null, text: null, notApplicable: false, notApplicableReason: null }],
        narratives: { '1': 'Đã tổ chức hội nghị' },
        difficulties: null,
        expectedVersion: null,
      },
    ]);
    expect(queue.list()).toEqual([]);
  });

  it('keeps edits typed while a save was in flight, rebased on the version just saved', async () => {
    const queue = createDraftQueue(memoryStorage());
    const first = draft();
    queue.put(first);
    const outcome = await sendDraft(queue, first, async () => {
      queue.put(draft({ values: { e1: { number: 20 } }, typedAt: '2024-03-10T01:00:05.000Z' })); // typed meanwhile
      return { id: 'r1', rowVersion: 2 };
    });
    expect(outcome.kind).toBe('saved');
    expect(queue.get('p1', 'u1')).toMatchObject({ values: { e1: { number: 20 } }, reportId: 'r1', baseVersion: 2 });
  });

  it('keeps what was typed when someone else saved first (409) and does not resend it blindly', async () => {
    const queue = createDraftQueue(memoryStorage());
    queue.put(draft({ reportId: 'r1', baseVersion: 1 }));
    const stale = Object.assign(new Error('Chưa lưu: Nguyễn Văn A đã sửa dữ liệu này lúc 10:02 10/03/2024'), {
      status: 409,
      code: 'STALE_WRITE',
    });
    const [outcome] = await sendPendingDrafts(queue, () => Promise.reject(stale));
    expect(outcome).toEqual({ kind: 'stale', message: stale.message });
    expect(queue.get('p1', 'u1')).toMatchObject({ problem: 'stale', values: { e1: { number: 12 } } });
    let calls = 0;
    await sendPendingDrafts(queue, async () => {
      calls++;
      return { id: 'r1', rowVersion: 3 };
    });
    expect(calls).toBe(0);
  });

  it('stops at the first offline answer so the others are not tried against a dead connection', async () => {
    const queue = createDraftQueue(memoryStorage());
    queue.put(draft({ unitId: 'u1', typedAt: '2024-03-10T01:00:00.000Z' }));
    queue.put(draft({ unitId: 'u2', typedAt: '2024-03-10T02:00:00.000Z' }));
    let calls = 0;
    await sendPendingDrafts(queue, () => {
      calls++;
      return Promise.reject(networkDown);
    });
    expect(calls).toBe(1);
    expect(queue.list()).toHaveLength(2);
  });

  it('shows the unsent copy over the server’s content', () => {
    const merged = mergeWithPending(
      { values: { e1: { number: 1 }, e2: { bool: true } }, narratives: { '1': 'cũ', '2': 'giữ' }, difficulties: 'cũ' },
      draft({ values: { e1: { number: 12 } }, narratives: { '1': 'mới' }, difficulties: null }),
    );
    expect(merged).toEqual({
      values: { e1: { number: 12 }, e2: { bool: true } },
      narratives: { '1': 'mới', '2': 'giữ' },
      difficulties: null,
    });
  });

  it('survives a storage that refuses to write (full)', () => {
    const storage = memoryStorage();
    storage.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    expect(createDraftQueue(storage).put(draft())).toBe(false);
  });
});
