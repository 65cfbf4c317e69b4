// A stand-in for the Luigi's Box recommendation-customization API on 127.0.0.1, for tests, the
// demo and the benchmark. It checks requests the way the vendor documents (reference
// luigisbox-api.md) with code of its own, so it can catch mistakes in the project's signer and
// validator instead of sharing them. Storing and echoing exactly what it is sent would prove
// little, so modes a test switches on make it behave as a real server plausibly does where the
// docs are silent: rewrite what it stores (rewrites.ts), land writes after their answer was lost
// (faults), lag in list, and lie about pages (pagination.ts).
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { closeServer, headerValue, listen } from '../shared/http-server.js'
import { Deferred } from './deferred.js'
import { faultyReply } from './fault-replies.js'
import { type Fault, FaultInjector, type RandomFaultKind, describeFault } from './faults.js'
import type { JsonObject } from './json-body.js'
import { type CheckedBody, type Outcome, answer, checkedBody, perform } from './operations.js'
import type { PaginationMode } from './pagination.js'
import { Reply } from './reply.js'
import type { Rewrite } from './rewrites.js'
import { type Operation, type Route, routeOf } from './routes.js'
import { type AuthHeaders, type Verifier, authProblem } from './signature.js'
import type { Store } from './store.js'
import { type Write, applyWrite } from './writes.js'

export const DEFAULT_TRACKER = '1234-5678'
export const DEFAULT_KEY = 'secret'
export const DEFAULT_RANDOM_FAULTS: RandomFaultKind[] = ['503', '429', 'drop']

export interface SandboxOptions {
  /** Default `1234-5678`. */
  trackerId?: string
  /** Default `secret`. */
  privateKey?: string
  /** Default 127.0.0.1. */
  host?: string
  /** Default 0 (any free port). */
  port?: number
  /** How long after its arrival each request is answered (benchmarks). */
  latencyMs?: number
  /** Accepted Date skew, default 5000. */
  clockToleranceMs?: number
  /** The sandbox's clock. */
  now?: () => Date
  /** List page size when `limit` is absent, default 10. */
  defaultLimit?: number
  /** Largest list page, default 100. */
  maxLimit?: number
  /** Probability in [0, 1] that a request gets a random fault. */
  faultRate?: number
  /** Random faults to choose from, default 503, 429, drop. */
  faults?: RandomFaultKind[]
  /** Seed for the random faults, so runs repeat. */
  seed?: number
  /** What creates and updates do to the bodies they store (reference §7); none by default. */
  rewrites?: readonly Rewrite[]
  /** How list reports its pages; `honest` by default. */
  pagination?: PaginationMode
}

/**
 * What became of a request's write: `applied` before the answer, as usual; `pending` while a
 * late-landing fault holds it, then `landed` (which changes nothing when an update or delete
 * finds its record deleted meanwhile), or `cancelled` when the sandbox closed first.
 */
export type WriteState = 'applied' | 'pending' | 'landed' | 'cancelled'

export interface LoggedRequest {
  method: string
  /** Without the query. */
  path: string
  /** The query string, without "?". */
  query: string
  op: Operation | null
  headers: AuthHeaders
  requestBody: string
  /** Null when the socket was dropped without a response. */
  status: number | null
  responseBody: string
  /** A description of the fault applied, if any. */
  fault: string | null
  /** The rewrites that changed what this create or update stored (in the order applied). */
  rewrites: Rewrite[]
  /** Null when the request wrote nothing. */
  write: WriteState | null
}

export interface SandboxStats {
  /** Creates, updates and deletes applied to the store. */
  writes: number
  /** Most requests being handled at the same time. */
  maxInFlight: number
  /** Requests received per method. */
  byMethod: Record<string, number>
  /** Writes held by a late-landing fault that have not landed yet. */
  lateWritesPending: number
  /** Writes held by a late-landing fault that have landed. */
  lateWritesLanded: number
}

export interface Sandbox {
  /** Base URL to use as `api-url`. */
  url: string
  trackerId: string
  privateKey: string
  /** Live customizations by id; tests may seed it. */
  store: Map<string, JsonObject>
  /** Every request in arrival order. */
  requests: LoggedRequest[]
  stats: () => SandboxStats
  /**
   * Empties the store, the log, the stats and the injected faults, cancels late writes and list
   * lags, and puts the rewrites and the pagination back to those the sandbox started with
   * (none and honest unless `startSandbox` was given others).
   */
  reset: () => void
  /** Queues a fault; the first matching one applies. */
  inject: (fault: Fault) => void
  /** From now on creates and updates store bodies rewritten so (an empty list: verbatim). */
  setRewrites: (rewrites: readonly Rewrite[]) => void
  /** From now on list pages this way. */
  setPagination: (mode: PaginationMode) => void
  /**
   * Resolves once every late write has landed and every record hidden from list shows there
   * again: the state a client would eventually see.
   */
  settled: () => Promise<void>
  /** Stops the server; late writes not landed yet never land. */
  close: () => Promise<void>
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const trackerId = options.trackerId ?? DEFAULT_TRACKER
  const privateKey = options.privateKey ?? DEFAULT_KEY
  const now = options.now ?? (() => new Date())
  const latencyMs = options.latencyMs ?? 0
  const verifier: Verifier = { privateKey, now, toleranceMs: options.clockToleranceMs ?? 5000 }
  const faults = new FaultInjector({
    rate: options.faultRate ?? 0,
    kinds: options.faults ?? DEFAULT_RANDOM_FAULTS,
    seed: options.seed ?? 1,
  })
  const requests: LoggedRequest[] = []
  let stats = freshStats()
  let inFlight = 0
  const startRewrites = [...(options.rewrites ?? [])]
  const startPagination = options.pagination ?? 'honest'
  const store: Store = {
    customizations: new Map(),
    now,
    defaultLimit: options.defaultLimit ?? 10,
    maxLimit: options.maxLimit ?? 100,
    rewrites: startRewrites,
    pagination: startPagination,
    hiddenFromList: new Map(),
  }
  const deferred = new Deferred()

  const server = createServer((req, res) => {
    const arrived = performance.now()
    inFlight += 1
    stats.maxInFlight = Math.max(stats.maxInFlight, inFlight)
    const method = req.method ?? 'GET'
    stats.byMethod[method] = (stats.byMethod[method] ?? 0) + 1
    res.on('close', () => {
      inFlight -= 1
    })
    // A client that gave up mid-request must not crash the sandbox.
    req.on('error', () => {})
    res.on('error', () => {})

    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      void handle(req, res, Buffer.concat(chunks).toString('utf8'), arrived)
    })
  })

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    requestBody: string,
    arrived: number,
  ) {
    const method = req.method ?? 'GET'
    const rawUrl = req.url ?? '/'
    const q = rawUrl.indexOf('?')
    const path = q === -1 ? rawUrl : rawUrl.slice(0, q)
    const query = q === -1 ? '' : rawUrl.slice(q + 1)
    const route = routeOf(method, path, trackerId)
    const entry: LoggedRequest = {
      method,
      path,
      query,
      op: route.op ?? null,
      headers: {
        date: headerValue(req.headers, 'date'),
        contentType: headerValue(req.headers, 'content-type'),
        authorization: headerValue(req.headers, 'authorization'),
      },
      requestBody,
      status: null,
      responseBody: '',
      fault: null,
      rewrites: [],
      write: null,
    }
    requests.push(entry)

    const fault = faults.take(method, path, route.op ?? null)
    if (fault) entry.fault = describeFault(fault)
    // On arrival, as a real server checks: a slow answer must not fail its own Date check.
    const unauthorized =
      route.kind === 'no-route' || route.kind === 'unknown-tracker'
        ? undefined
        : authProblem(
            {
              method: entry.method,
              path: entry.path,
              tracker: route.tracker,
              headers: entry.headers,
            },
            verifier,
          )
    // So is a body's own validity, which depends on nothing else; the store is read on answering.
    const checked = checkedBody(route.op, requestBody)
    const delay = latencyMs + (fault?.delayMs ?? 0)
    // From arrival: the sandbox's own work so far is part of the latency, not added to it. To
    // the precision of Node's timers (about a millisecond either way): waiting out the rest by
    // spinning the event loop took the CPU the client under test needs.
    const left = arrived + delay - performance.now()
    if (delay > 0 && left > 0) await sleep(left)

    const late = fault !== null && fault.landAfterMs > 0
    // A fault that answers in the request's place leaves it unhandled, unless its write is to
    // land late: then the server did receive it and must know what to write.
    const unhandled = fault !== null && (fault.dropBeforeApply || fault.status > 0) && !late
    const outcome = unhandled ? null : respond(route, entry, unauthorized, checked)
    const write = outcome?.write ?? null
    if (write?.kind === 'put') entry.rewrites = write.rewrites
    if (write && !late) {
      entry.write = 'applied'
      land(write, fault)
    }
    const reply = faultyReply(fault, outcome?.reply ?? null, route.op ?? null)
    if (reply === null || fault?.dropBeforeApply || fault?.dropAfterApply) drop(res)
    else send(res, reply, entry, fault)
    if (write && fault && late) landLater(write, fault, entry)
  }

  function send(
    res: ServerResponse,
    reply: Reply,
    entry: LoggedRequest,
    fault: Required<Fault> | null,
  ): void {
    entry.status = reply.status
    entry.responseBody = reply.body
    const headers: Record<string, string> = { 'Content-Type': reply.contentType }
    const faulty = fault !== null && fault.status > 0
    if (faulty && fault.retryAfter !== '') headers['Retry-After'] = fault.retryAfter
    if (faulty) Object.assign(headers, fault.headers)
    if (faulty && fault.statusText !== '') res.statusMessage = fault.statusText
    if (faulty && fault.stream !== 'none') {
      res.writeHead(reply.status, headers)
      streamForever(res, fault.stream)
    } else if (reply.status === 204) {
      res.writeHead(204, {})
      res.end()
    } else {
      res.writeHead(reply.status, headers)
      res.end(reply.body)
    }
  }

  function respond(
    route: Route,
    entry: LoggedRequest,
    unauthorized: string | null | undefined,
    checked: CheckedBody,
  ): Outcome {
    if (route.kind === 'no-route') return answer(Reply.text(404, 'Not found'))
    if (route.kind === 'unknown-tracker') return answer(Reply.text(404, 'Tracker not found'))
    if (unauthorized) return answer(Reply.text(401, `Unauthorized: ${unauthorized}`))
    if (route.kind === 'bad-method') return answer(Reply.text(405, 'Method not allowed'))
    return perform(store, route, entry.query, entry.requestBody, checked)
  }

  function land(write: Write, fault: Required<Fault> | null): void {
    if (!applyWrite(store, write)) return
    stats.writes += 1
    if (write.kind === 'put' && fault && fault.hiddenFromListMs > 0) {
      hideFromList(write.id, fault.hiddenFromListMs)
    }
  }

  function landLater(write: Write, fault: Required<Fault>, entry: LoggedRequest): void {
    entry.write = 'pending'
    stats.lateWritesPending += 1
    deferred.after(fault.landAfterMs, () => {
      entry.write = 'landed'
      stats.lateWritesPending -= 1
      stats.lateWritesLanded += 1
      land(write, fault)
    })
  }

  // Counted per id, so a second lag on the same record keeps it hidden until both are over.
  function hideFromList(id: string, ms: number): void {
    const hidden = store.hiddenFromList
    hidden.set(id, (hidden.get(id) ?? 0) + 1)
    deferred.after(ms, () => {
      const left = (hidden.get(id) ?? 1) - 1
      if (left > 0) hidden.set(id, left)
      else hidden.delete(id)
    })
  }

  const url = await listen(server, options.port, options.host)
  return {
    url,
    trackerId,
    privateKey,
    store: store.customizations,
    requests,
    stats: () => ({ ...stats, byMethod: { ...stats.byMethod } }),
    reset() {
      deferred.cancel()
      store.customizations.clear()
      store.hiddenFromList.clear()
      store.rewrites = startRewrites
      store.pagination = startPagination
      requests.length = 0
      faults.reset()
      stats = freshStats()
      stats.maxInFlight = inFlight
    },
    inject(fault) {
      faults.inject(fault)
    },
    setRewrites(rewrites) {
      store.rewrites = [...rewrites]
    },
    setPagination(mode) {
      store.pagination = mode
    },
    settled: () => deferred.settled(),
    close() {
      deferred.cancel()
      for (const entry of requests) if (entry.write === 'pending') entry.write = 'cancelled'
      return closeServer(server)
    },
  }
}

function freshStats(): SandboxStats {
  return { writes: 0, maxInFlight: 0, byMethod: {}, lateWritesPending: 0, lateWritesLanded: 0 }
}

/** Writes until the client hangs up (or the server closes every connection). */
function streamForever(res: ServerResponse, how: 'endless' | 'drip'): void {
  const chunk = how === 'endless' ? Buffer.alloc(64 * 1024, '{"id":"x"},') : Buffer.from(' ')
  let timer: NodeJS.Timeout | undefined
  const next = (): void => {
    if (res.destroyed) return
    if (how === 'drip') {
      res.write(chunk)
      timer = setTimeout(next, 200)
    } else if (res.write(chunk)) {
      setImmediate(next)
    } else {
      res.once('drain', next)
    }
  }
  res.on('close', () => clearTimeout(timer))
  res.write('[')
  next()
}

function drop(res: ServerResponse): void {
  res.socket?.destroy()
}
