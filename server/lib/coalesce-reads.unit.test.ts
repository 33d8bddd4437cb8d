import { describe, expect, it } from 'vitest';
import { coalesceRead } from './coalesce-reads.js';

/** A computation the test finishes by hand, counting how many were started. */
function controlled() {
  const started: Array<(v: number) => void> = [];
  const compute = () => new Promise<number>((resolve) => started.push(resolve));
  return { started, compute };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('coalesceRead', () => {
  it('a call arriving while a computation runs waits for the next one, shared by every call that arrived meanwhile', async () => {
    const handle = {};
    const { started, compute } = controlled();
    const first = coalesceRead(handle, 'k', compute);
    expect(started).toHaveLength(1);
    const second = coalesceRead(handle, 'k', compute);
    const third = coalesceRead(handle, 'k', compute);
    await tick();
    expect(started).toHaveLength(1); // the next one waits for the running one
    started[0]!(1);
    expect(await first).toBe(1);
    await tick();
    expect(started).toHaveLength(2); // one new computation for both waiting calls
    started[1]!(2);
    expect(await second).toBe(2);
    expect(await third).toBe(2);
  });

  it('different keys and different handles never share', async () => {
    const { started, compute } = controlled();
    const a = {};
    const b = {};
    const p1 = coalesceRead(a, 'k', compute);
    const p2 = coalesceRead(a, 'other', compute);
    const p3 = coalesceRead(b, 'k', compute);
    expect(started).toHaveLength(3);
    started.forEach((resolve, i) => resolve(i));
    expect([await p1, await p2, await p3]).toEqual([0, 1, 2]);
  });

  it('a failure reaches the callers of that computation only; the waiting ones get a fresh run', async () => {
    const handle = {};
    let n = 0;
    let fail: (e: Error) => void = () => {};
    const first = coalesceRead(handle, 'k', () => new Promise<number>((_, reject) => (fail = reject)));
    const second = coalesceRead(handle, 'k', async () => ++n);
    fail(new Error('boom'));
    await expect(first).rejects.toThrow('boom');
    expect(await second).toBe(1);
  });

  it('after everything settles, a new call starts a new computation', async () => {
    const handle = {};
    let n = 0;
    expect(await coalesceRead(handle, 'k', async () => ++n)).toBe(1);
    expect(await coalesceRead(handle, 'k', async () => ++n)).toBe(2);
  });
});
