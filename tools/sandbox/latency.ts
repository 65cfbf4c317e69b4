import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises'

/**
 * Resolves at `target` (a `performance.now()` time) or just after, never before. Node's timers
 * count whole milliseconds of a coarse clock, so a timer fires up to about a millisecond early
 * or late; whatever it leaves is waited out turn by turn of the event loop (serving other
 * requests meanwhile), which costs a fraction of a millisecond of spinning per request.
 */
export async function until(target: number): Promise<void> {
  const left = target - performance.now()
  if (left > 0) await sleep(left)
  while (performance.now() < target) await nextTurn()
}
