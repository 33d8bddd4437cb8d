/**
 * Request coalescing for expensive reads (the dashboard's engine statements):
 * callers asking the same question of the same database handle at the same
 * time share one computation, so twenty officers refreshing one province's
 * dashboard on deadline day cost one engine run, not twenty.
 *
 * Never stale: a call joins only a computation that has NOT started yet. When
 * one is running, the call waits for the next one, which starts after the
 * running one ends — so every answer is read from a snapshot taken after the
 * call arrived, and a report committed before the call is in it (as without
 * coalescing). Per key, at most one computation runs and one waits.
 *
 * Keys are per database handle (a transaction is another handle and never
 * shares). The key must name everything the result depends on; the result is
 * shared between callers, who must not mutate it.
 */
interface Slot {
  running: Promise<unknown> | null;
  waiting: Promise<unknown> | null;
}

const slotsByHandle = new WeakMap<object, Map<string, Slot>>();

export function coalesceRead<T>(handle: object, key: string, compute: () => Promise<T>): Promise<T> {
  let slots = slotsByHandle.get(handle);
  if (!slots) {
    slots = new Map();
    slotsByHandle.set(handle, slots);
  }
  const table = slots;
  let slot = table.get(key);
  if (!slot) {
    slot = { running: null, waiting: null };
    table.set(key, slot);
  }
  const s = slot;
  const start = (): Promise<T> => {
    const run = compute().finally(() => {
      if (s.running === run) s.running = null;
      if (!s.running && !s.waiting && table.get(key) === s) table.delete(key);
    });
    s.running = run;
    return run;
  };
  if (!s.running) return start();
  if (!s.waiting) {
    const after = s.running;
    s.waiting = after
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        s.waiting = null;
        return start();
      });
  }
  return s.waiting as Promise<T>;
}
