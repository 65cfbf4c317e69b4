import type { Operation } from './routes.js'
import { seededRandom } from './seeded-random.js'

export interface FaultMatch {
  /** HTTP method, any case. */
  method?: string
  /** Compared with the full request path (no query), e.g. `/v1/recommender/pin/1234-5678/scope/`. */
  pathPrefix?: string
  /** The API operation, often simpler than a path prefix. */
  op?: Operation
}

export interface Fault {
  /** Which requests it hits; all when omitted. */
  match?: FaultMatch
  /** How many matching requests it hits (default 1; Infinity allowed). */
  times?: number
  /** Answer with this status instead of handling the request (not applied). */
  status?: number
  /** Retry-After header to send with `status`. */
  retryAfter?: string
  /** Response body to send with `status` (default: a short text). */
  body?: string
  /** Content-Type for `body` (default text/plain). */
  contentType?: string
  /** The reason phrase sent with `status`, e.g. one that echoes the request. */
  statusText?: string
  /** Extra headers sent with `status`, e.g. a redirect's `Location`. */
  headers?: Record<string, string>
  /**
   * With `status`: a body that never ends, `endless` as fast as the client reads it, `drip` one
   * byte every 200 ms; either goes on until the client hangs up or the sandbox closes.
   */
  stream?: 'none' | 'endless' | 'drip'
  /** Destroy the socket without handling the request. */
  dropBeforeApply?: boolean
  /** Handle the request (writes are applied), then destroy the socket without a response. */
  dropAfterApply?: boolean
  /** Wait this long before answering (combine with the others). */
  delayMs?: number
  /** Handle the request, then answer its success status with a body that is not valid JSON. */
  malformedBody?: boolean
  /**
   * Apply the request's write (create, update or delete) this many ms after the answer is sent,
   * the socket dropped or the fault status answered, instead of before. With `status`,
   * `dropBeforeApply` or `delayMs` it is a write that lands after its answer was lost, so the
   * request is handled even though the fault answers for it. `sandbox.settled()` waits for it.
   */
  landAfterMs?: number
  /** Answer a create's 201 with the created object minus its `id`. */
  omitId?: boolean
  /**
   * Keep the record this create or update writes out of list results for this long after the
   * write lands, as a lagging index would; get by id finds it meanwhile.
   */
  hiddenFromListMs?: number
}

export type RandomFaultKind = '408' | '429' | '500' | '502' | '503' | 'reset' | 'drop' | 'malformed'

export interface RandomFaults {
  /** Probability in [0, 1] that a request gets a random fault. */
  rate: number
  /** The faults to choose from. */
  kinds: RandomFaultKind[]
  /** Seed for the choice, so runs repeat. */
  seed: number
}

/**
 * Faults queued by tests, applied to the first requests they match, and random ones at a
 * given rate.
 */
export class FaultInjector {
  private queued: Required<Fault>[] = []
  private random: () => number

  constructor(private readonly randomFaults: RandomFaults) {
    this.random = seededRandom(randomFaults.seed)
  }

  inject(fault: Fault): void {
    this.queued.push(normalizeFault(fault))
  }

  /** Forgets the queued faults and starts the random ones over. */
  reset(): void {
    this.queued = []
    this.random = seededRandom(this.randomFaults.seed)
  }

  /** The fault for this request, if any; a queued fault uses up one of its `times`. */
  take(method: string, path: string, op: Operation | null): Required<Fault> | null {
    const index = this.queued.findIndex((f) => matches(f.match, method, path, op))
    const fault = this.queued[index]
    if (fault) {
      fault.times -= 1
      if (fault.times <= 0) this.queued.splice(index, 1)
      return fault
    }
    const { rate, kinds } = this.randomFaults
    if (rate > 0 && this.random() < rate && kinds.length > 0) {
      const kind = kinds[Math.floor(this.random() * kinds.length)]
      return kind ? normalizeFault(randomFault(kind)) : null
    }
    return null
  }
}

function matches(match: FaultMatch, method: string, path: string, op: Operation | null): boolean {
  return (
    (match.method === undefined || match.method.toUpperCase() === method) &&
    (match.pathPrefix === undefined || path.startsWith(match.pathPrefix)) &&
    (match.op === undefined || match.op === op)
  )
}

function normalizeFault(fault: Fault): Required<Fault> {
  return {
    match: fault.match ?? {},
    times: fault.times ?? 1,
    status: fault.status ?? 0,
    retryAfter: fault.retryAfter ?? '',
    body: fault.body ?? '',
    contentType: fault.contentType ?? 'text/plain; charset=utf-8',
    statusText: fault.statusText ?? '',
    headers: fault.headers ?? {},
    stream: fault.stream ?? 'none',
    dropBeforeApply: fault.dropBeforeApply ?? false,
    dropAfterApply: fault.dropAfterApply ?? false,
    delayMs: fault.delayMs ?? 0,
    malformedBody: fault.malformedBody ?? false,
    landAfterMs: fault.landAfterMs ?? 0,
    omitId: fault.omitId ?? false,
    hiddenFromListMs: fault.hiddenFromListMs ?? 0,
  }
}

function randomFault(kind: RandomFaultKind): Fault {
  switch (kind) {
    case 'reset':
      return { dropBeforeApply: true }
    case 'drop':
      return { dropAfterApply: true }
    case 'malformed':
      return { malformedBody: true }
    case '429':
      return { status: 429, retryAfter: '0' }
    default:
      return { status: Number(kind) }
  }
}

/** What the request log records about an applied fault. */
export function describeFault(fault: Required<Fault>): string {
  const parts: string[] = []
  if (fault.status > 0) parts.push(`status ${fault.status}`)
  if (fault.retryAfter !== '') parts.push(`Retry-After ${fault.retryAfter}`)
  if (fault.statusText !== '') parts.push(`reason phrase ${JSON.stringify(fault.statusText)}`)
  if (Object.keys(fault.headers).length > 0) parts.push(`headers ${JSON.stringify(fault.headers)}`)
  if (fault.stream !== 'none') parts.push(`${fault.stream} body`)
  if (fault.delayMs > 0) parts.push(`delay ${fault.delayMs} ms`)
  if (fault.dropBeforeApply) parts.push('drop before apply')
  if (fault.dropAfterApply) parts.push('drop after apply')
  if (fault.malformedBody) parts.push('malformed body')
  if (fault.landAfterMs > 0) parts.push(`write lands after ${fault.landAfterMs} ms`)
  if (fault.omitId) parts.push('no id in 201')
  if (fault.hiddenFromListMs > 0) parts.push(`hidden from list ${fault.hiddenFromListMs} ms`)
  return parts.join(', ')
}
