// A stand-in for the Luigi's Box recommendation-customization API on 127.0.0.1, for tests, the
// demo and the benchmark. It checks requests the way the vendor documents (reference
// luigisbox-api.md) with code of its own, so it can catch mistakes in the project's signer and
// validator instead of sharing them.
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { closeServer, headerValue, listen } from '../shared/http-server.js'
import { type Fault, FaultInjector, type RandomFaultKind, describeFault } from './faults.js'
import type { JsonObject } from './json-body.js'
import { perform } from './operations.js'
import { Reply } from './reply.js'
import { type Operation, type Route, routeOf } from './routes.js'
import { type AuthHeaders, type Verifier, authProblem } from './signature.js'
import type { Store } from './store.js'

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
  /** Added before every response (benchmarks). */
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
}

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
}

export interface SandboxStats {
  /** Creates, updates and deletes applied to the store. */
  writes: number
  /** Most requests being handled at the same time. */
  maxInFlight: number
  /** Requests received per method. */
  byMethod: Record<string, number>
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
  /** Empties the store, the log, the stats and the injected faults. */
  reset: () => void
  /** Queues a fault; the first matching one applies. */
  inject: (fault: Fault) => void
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
  const store: Store = {
    customizations: new Map(),
    now,
    defaultLimit: options.defaultLimit ?? 10,
    maxLimit: options.maxLimit ?? 100,
    countWrite: () => {
      stats.writes += 1
    },
  }

  const server = createServer((req, res) => {
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
      void handle(req, res, Buffer.concat(chunks).toString('utf8'))
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse, requestBody: string) {
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
    }
    requests.push(entry)

    const fault = faults.take(method, path, route.op ?? null)
    if (fault) entry.fault = describeFault(fault)
    const delay = latencyMs + (fault?.delayMs ?? 0)
    if (delay > 0) await sleep(delay)

    if (fault?.dropBeforeApply) return drop(res)
    let reply =
      fault && fault.status > 0
        ? fault.body !== ''
          ? new Reply(fault.status, fault.body, fault.contentType)
          : Reply.text(fault.status, `Injected fault: ${fault.status}`)
        : respond(route, entry)
    if (fault?.dropAfterApply) return drop(res)
    if (fault?.malformedBody && reply.status < 300) {
      reply = new Reply(reply.status === 204 ? 200 : reply.status, '{"id": "trunc')
    }

    entry.status = reply.status
    entry.responseBody = reply.body
    const headers: Record<string, string> = { 'Content-Type': reply.contentType }
    if (fault && fault.status > 0 && fault.retryAfter !== '')
      headers['Retry-After'] = fault.retryAfter
    if (reply.status === 204) {
      res.writeHead(204, {})
      res.end()
    } else {
      res.writeHead(reply.status, headers)
      res.end(reply.body)
    }
  }

  function respond(route: Route, entry: LoggedRequest): Reply {
    if (route.kind === 'no-route') return Reply.text(404, 'Not found')
    if (route.kind === 'unknown-tracker') return Reply.text(404, 'Tracker not found')
    const problem = authProblem(
      { method: entry.method, path: entry.path, tracker: route.tracker, headers: entry.headers },
      verifier,
    )
    if (problem) return Reply.text(401, `Unauthorized: ${problem}`)
    if (route.kind === 'bad-method') return Reply.text(405, 'Method not allowed')
    return perform(store, route, entry.query, entry.requestBody)
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
      store.customizations.clear()
      requests.length = 0
      faults.reset()
      stats = freshStats()
      stats.maxInFlight = inFlight
    },
    inject(fault) {
      faults.inject(fault)
    },
    close: () => closeServer(server),
  }
}

function freshStats(): SandboxStats {
  return { writes: 0, maxInFlight: 0, byMethod: {} }
}

function drop(res: ServerResponse): void {
  res.socket?.destroy()
}
