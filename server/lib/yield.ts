/**
 * Lets the event loop serve what is waiting (other requests, timers, I/O)
 * before going on: long synchronous work (the rows of a 50,000-row import) is
 * cut into slices with this between them, so /api/health and every other
 * request keep answering (docs/member-import.md "Figures").
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
