/**
 * Lets the event loop serve what is waiting (other requests, timers, I/O)
 * before going on: long synchronous work (the rows of a 50,000-row import) is
 * cut into slices with this between them, so /api/health and every other
 * request keep answering (docs/member-import.md "Figures").
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Items between two turns of the event loop in mapYielding: a few ms of work on this 2-core machine. */
const YIELD_EVERY = 500;

/**
 * `items.map(fn)` for long arrays (a 50,000-member import), yielding to the
 * event loop every `every` items; fn's exceptions propagate as from map.
 */
export async function mapYielding<T, R>(items: readonly T[], fn: (item: T, index: number) => R, every = YIELD_EVERY): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % every === 0) await yieldToEventLoop();
    out[i] = fn(items[i]!, i);
  }
  return out;
}
