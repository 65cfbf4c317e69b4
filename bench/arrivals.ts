// When each request reached the sandbox: the sandbox logs requests in arrival order but keeps no
// times, so the bench stamps each entry as the sandbox appends it.
import type { Sandbox } from '../tools/sandbox/server.js'

export interface Arrivals {
  /** performance.now() of each request since the last `clear`. */
  times: number[]
  clear: () => void
}

export function stampArrivals(sandbox: Sandbox): Arrivals {
  const times: number[] = []
  const log = sandbox.requests
  const push = log.push.bind(log)
  log.push = (...entries) => {
    for (let i = 0; i < entries.length; i++) times.push(performance.now())
    return push(...entries)
  }
  return {
    times,
    clear: () => {
      times.length = 0
    },
  }
}

/** From the first request's arrival to the last one's answer (arrival + the sandbox's latency). */
export const spanMs = (times: readonly number[], latencyMs: number): number =>
  times.length === 0 ? 0 : Math.max(...times) - Math.min(...times) + latencyMs
