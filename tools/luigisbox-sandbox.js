// A stand-in for the Luigi's Box recommendation-customization API on 127.0.0.1, for tests, the
// demo and the benchmark. It checks requests the way the vendor documents (reference
// luigisbox-api.md) with code of its own, so it can catch mistakes in the project's signer and
// validator instead of sharing them. Plain JavaScript so `node tools/luigisbox-sandbox.js` runs
// without a build step.

import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto'
import { createServer } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { URLSearchParams, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'

/**
 * @typedef {Record<string, unknown>} JsonObject
 *
 * @typedef {'create' | 'list' | 'get' | 'update' | 'delete'} Operation
 *
 * @typedef {object} FaultMatch
 * @property {string} [method] HTTP method, any case
 * @property {string} [pathPrefix] compared with the full request path (no query), e.g.
 *   `/v1/recommender/pin/1234-5678/scope/`
 * @property {Operation} [op] the API operation, often simpler than a path prefix
 *
 * @typedef {object} Fault
 * @property {FaultMatch} [match] which requests it hits; all when omitted
 * @property {number} [times] how many matching requests it hits (default 1; Infinity allowed)
 * @property {number} [status] answer with this status instead of handling the request (not
 *   applied)
 * @property {string} [retryAfter] Retry-After header to send with `status`
 * @property {string} [body] response body to send with `status` (default: a short text)
 * @property {string} [contentType] Content-Type for `body` (default text/plain)
 * @property {boolean} [dropBeforeApply] destroy the socket without handling the request
 * @property {boolean} [dropAfterApply] handle the request (writes are applied), then destroy the
 *   socket without a response
 * @property {number} [delayMs] wait this long before answering (combine with the others)
 * @property {boolean} [malformedBody] handle the request, then answer its success status with a
 *   body that is not valid JSON
 *
 * @typedef {'408' | '429' | '500' | '502' | '503' | 'reset' | 'drop' | 'malformed'} RandomFaultKind
 *
 * @typedef {object} SandboxOptions
 * @property {string} [trackerId] default `1234-5678`
 * @property {string} [privateKey] default `secret`
 * @property {string} [host] default 127.0.0.1
 * @property {number} [port] default 0 (any free port)
 * @property {number} [latencyMs] added before every response (benchmarks)
 * @property {number} [clockToleranceMs] accepted Date skew, default 5000
 * @property {() => Date} [now] the sandbox's clock
 * @property {number} [defaultLimit] list page size when `limit` is absent, default 10
 * @property {number} [maxLimit] largest list page, default 100
 * @property {number} [faultRate] probability in [0, 1] that a request gets a random fault
 * @property {RandomFaultKind[]} [faults] random faults to choose from, default 503, 429, drop
 * @property {number} [seed] seed for the random faults, so runs repeat
 *
 * @typedef {object} LoggedRequest
 * @property {string} method
 * @property {string} path without the query
 * @property {string} query the query string, without "?"
 * @property {Operation | null} op
 * @property {{ date?: string, contentType?: string, authorization?: string }} headers
 * @property {string} requestBody
 * @property {number | null} status null when the socket was dropped without a response
 * @property {string} responseBody
 * @property {string | null} fault a description of the fault applied, if any
 *
 * @typedef {object} SandboxStats
 * @property {number} writes creates, updates and deletes applied to the store
 * @property {number} maxInFlight most requests being handled at the same time
 * @property {Record<string, number>} byMethod requests received per method
 *
 * @typedef {object} Sandbox
 * @property {string} url base URL to use as `api-url`
 * @property {string} trackerId
 * @property {string} privateKey
 * @property {Map<string, JsonObject>} store live customizations by id; tests may seed it
 * @property {LoggedRequest[]} requests every request in arrival order
 * @property {() => SandboxStats} stats
 * @property {() => void} reset empties the store, the log, the stats and the injected faults
 * @property {(fault: Fault) => void} inject queue a fault; the first matching one applies
 * @property {() => Promise<void>} close
 */

const DEFAULT_TRACKER = '1234-5678'
const DEFAULT_KEY = 'secret'
const TRACKER_PREFIX = '/v1/recommender/pin/'
const IMF_FIXDATE =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/
const FIELDS = [
  'model',
  'target_type',
  'target_identity',
  'target_criteria',
  'target_metadata',
  'tags',
  'pin_definitions',
]
const PIN_FIELDS = [
  'position',
  'pin_type',
  'pin_identity',
  'pin_criteria',
  'widget_id',
  'is_block_pin',
  'is_bundle_pin',
  'active_from',
  'active_to',
]

/** A response the handler wants to send. */
class Reply {
  /**
   * @param {number} status
   * @param {string} body
   * @param {string} [contentType]
   */
  constructor(status, body, contentType = 'application/json; charset=utf-8') {
    this.status = status
    this.body = body
    this.contentType = contentType
  }

  /**
   * @param {number} status
   * @param {unknown} value
   */
  static json(status, value) {
    return new Reply(status, JSON.stringify(value))
  }

  /**
   * @param {number} status
   * @param {string} text
   */
  static text(status, text) {
    return new Reply(status, text, 'text/plain; charset=utf-8')
  }
}

/**
 * mulberry32: tiny, seedable and good enough to pick faults repeatably.
 * @param {number} seed
 * @returns {() => number}
 */
export function seededRandom(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * The signature the vendor expects, computed here without the project's signer.
 * @param {string} key
 * @param {string} method
 * @param {string} contentType
 * @param {string} date
 * @param {string} path
 */
export function expectedSignature(key, method, contentType, date, path) {
  return createHmac('sha256', key)
    .update(`${method}\n${contentType}\n${date}\n${path}`)
    .digest('base64')
}

/**
 * @param {SandboxOptions} [options]
 * @returns {Promise<Sandbox>}
 */
export async function startSandbox(options = {}) {
  const trackerId = options.trackerId ?? DEFAULT_TRACKER
  const privateKey = options.privateKey ?? DEFAULT_KEY
  const now = options.now ?? (() => new Date())
  const tolerance = options.clockToleranceMs ?? 5000
  const defaultLimit = options.defaultLimit ?? 10
  const maxLimit = options.maxLimit ?? 100
  const latencyMs = options.latencyMs ?? 0
  const faultRate = options.faultRate ?? 0
  const randomFaults = options.faults ?? ['503', '429', 'drop']
  const seed = options.seed ?? 1
  let random = seededRandom(seed)

  /** @type {Map<string, JsonObject>} */
  const store = new Map()
  /** @type {LoggedRequest[]} */
  const requests = []
  /** @type {Required<Fault>[]} */
  let faults = []
  let stats = freshStats()
  let inFlight = 0

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

    /** @type {Buffer[]} */
    const chunks = []
    req.on('data', (chunk) => chunks.push(chunk))
    req.on('end', () => {
      void handle(req, res, Buffer.concat(chunks).toString('utf8'))
    })
  })

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {string} requestBody
   */
  async function handle(req, res, requestBody) {
    const method = req.method ?? 'GET'
    const rawUrl = req.url ?? '/'
    const q = rawUrl.indexOf('?')
    const path = q === -1 ? rawUrl : rawUrl.slice(0, q)
    const query = q === -1 ? '' : rawUrl.slice(q + 1)
    const route = routeOf(method, path, trackerId)
    /** @type {LoggedRequest} */
    const entry = {
      method,
      path,
      query,
      op: route.op ?? null,
      headers: {
        date: header(req, 'date'),
        contentType: header(req, 'content-type'),
        authorization: header(req, 'authorization'),
      },
      requestBody,
      status: null,
      responseBody: '',
      fault: null,
    }
    requests.push(entry)

    const fault = takeFault(method, path, route.op ?? null)
    if (fault) entry.fault = describeFault(fault)
    const delay = latencyMs + (fault?.delayMs ?? 0)
    if (delay > 0) await sleep(delay)

    if (fault?.dropBeforeApply) return drop(res)
    /** @type {Reply} */
    let reply
    if (fault && fault.status > 0) {
      reply =
        fault.body !== ''
          ? new Reply(fault.status, fault.body, fault.contentType)
          : Reply.text(fault.status, `Injected fault: ${fault.status}`)
    } else {
      reply = respond(method, path, query, req, requestBody, route)
    }
    if (fault?.dropAfterApply) return drop(res)
    if (fault?.malformedBody && reply.status < 300) {
      reply = new Reply(reply.status === 204 ? 200 : reply.status, '{"id": "trunc')
    }

    entry.status = reply.status
    entry.responseBody = reply.body
    /** @type {Record<string, string>} */
    const headers = { 'Content-Type': reply.contentType }
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

  /**
   * @param {string} method
   * @param {string} path
   * @param {string} query
   * @param {import('node:http').IncomingMessage} req
   * @param {string} requestBody
   * @param {Route} route
   * @returns {Reply}
   */
  function respond(method, path, query, req, requestBody, route) {
    if (route.kind === 'no-route') return Reply.text(404, 'Not found')
    if (route.kind === 'unknown-tracker') return Reply.text(404, 'Tracker not found')
    const authProblem = checkAuth(req, method, path, route.tracker)
    if (authProblem) return Reply.text(401, `Unauthorized: ${authProblem}`)
    if (route.kind === 'bad-method') return Reply.text(405, 'Method not allowed')
    switch (route.op) {
      case 'create':
        return create(requestBody)
      case 'list':
        return list(query, requestBody)
      case 'get':
        return getOne(route.id)
      case 'update':
        return update(route.id, requestBody)
      case 'delete':
        return remove(route.id)
    }
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {string} method
   * @param {string} path
   * @param {string} tracker
   * @returns {string | null} why the request is not authenticated
   */
  function checkAuth(req, method, path, tracker) {
    const auth = header(req, 'authorization')
    if (auth === undefined) return 'missing Authorization header'
    const match = /^(\S+) ([^:\s]+):(\S+)$/.exec(auth)
    if (!match) return 'malformed Authorization header'
    if (match[2] !== tracker) return 'tracker in Authorization does not match the URL'
    const date = header(req, 'date')
    if (date === undefined) return 'missing Date header'
    if (!IMF_FIXDATE.test(date)) return 'Date header is not an HTTP date'
    const skew = Math.abs(Date.parse(date) - now().getTime())
    if (!(skew <= tolerance)) return 'Date header too far from server time'
    const expected = Buffer.from(
      expectedSignature(privateKey, method, header(req, 'content-type') ?? '', date, path),
    )
    const given = Buffer.from(match[3] ?? '')
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return 'signature mismatch'
    }
    return null
  }

  /** @param {string} requestBody */
  function create(requestBody) {
    const parsed = parseBody(requestBody)
    if (parsed instanceof Reply) return parsed
    const invalid = validate(parsed)
    if (invalid) return invalid
    const at = now().toISOString()
    const created = { ...stored(parsed), id: randomUUID(), creator: 'api', created_at: at }
    store.set(created.id, created)
    stats.writes += 1
    return Reply.json(201, created)
  }

  /**
   * @param {string} query
   * @param {string} requestBody
   */
  function list(query, requestBody) {
    if (requestBody.trim() !== '') {
      const parsed = parseBody(requestBody)
      if (parsed instanceof Reply) return parsed
    }
    const params = new URLSearchParams(query)
    const limit = intParam(params, 'limit', defaultLimit, 0)
    const offset = intParam(params, 'offset', 0, 0)
    if (limit === null || offset === null) {
      return Reply.json(400, { message: 'limit and offset must be non-negative integers' })
    }
    const tags = params.getAll('tag')
    const matching = [...store.values()].filter(
      (c) =>
        params.getAll('model').every((m) => c.model === m) &&
        params.getAll('target_type').every((t) => c.target_type === t) &&
        params.getAll('target_identity').every((t) => c.target_identity === t) &&
        tags.every((t) => Array.isArray(c.tags) && c.tags.includes(t)),
    )
    if (params.get('sort') === 'created_at:desc') matching.reverse()
    const page = matching.slice(offset, offset + Math.min(limit, maxLimit))
    return Reply.json(200, {
      pagination: { total: matching.length },
      results: page.map((c) => ({ ...c, available: isAvailable(c, now()) })),
    })
  }

  /** @param {string} id */
  function getOne(id) {
    const found = store.get(id)
    return found ? Reply.json(200, found) : Reply.json(404, { message: `Scope ${id} not found` })
  }

  /**
   * @param {string} id
   * @param {string} requestBody
   */
  function update(id, requestBody) {
    const found = store.get(id)
    if (!found) return Reply.json(404, { message: `Scope ${id} not found` })
    const parsed = parseBody(requestBody)
    if (parsed instanceof Reply) return parsed
    const invalid = validate(parsed)
    if (invalid) return invalid
    // Full replacement: fields left out of the body are gone afterwards.
    store.set(id, {
      ...stored(parsed),
      id,
      creator: found.creator,
      created_at: found.created_at,
    })
    stats.writes += 1
    return new Reply(204, '')
  }

  /** @param {string} id */
  function remove(id) {
    if (!store.delete(id)) return Reply.json(404, { message: `Scope ${id} not found` })
    stats.writes += 1
    return new Reply(204, '')
  }

  /**
   * @param {string} method
   * @param {string} path
   * @param {Operation | null} op
   * @returns {Required<Fault> | null}
   */
  function takeFault(method, path, op) {
    const index = faults.findIndex((f) => matches(f.match, method, path, op))
    if (index !== -1) {
      const fault = /** @type {Required<Fault>} */ (faults[index])
      fault.times -= 1
      if (fault.times <= 0) faults.splice(index, 1)
      return fault
    }
    if (faultRate > 0 && random() < faultRate && randomFaults.length > 0) {
      const kind = randomFaults[Math.floor(random() * randomFaults.length)]
      return kind ? normalizeFault(randomFault(kind)) : null
    }
    return null
  }

  /** @param {import('node:http').ServerResponse} res */
  function drop(res) {
    res.socket?.destroy()
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve(undefined))
  })
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('sandbox has no TCP port')
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address

  return {
    url: `http://${host}:${address.port}`,
    trackerId,
    privateKey,
    store,
    requests,
    stats: () => ({ ...stats, byMethod: { ...stats.byMethod } }),
    reset() {
      store.clear()
      requests.length = 0
      faults = []
      stats = freshStats()
      stats.maxInFlight = inFlight
      random = seededRandom(seed)
    },
    inject(fault) {
      faults.push(normalizeFault(fault))
    },
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    },
  }
}

/** @returns {SandboxStats} */
function freshStats() {
  return { writes: 0, maxInFlight: 0, byMethod: {} }
}

/**
 * @typedef {{ kind: 'no-route', op?: undefined }
 *   | { kind: 'unknown-tracker', op?: undefined }
 *   | { kind: 'bad-method', op?: undefined, tracker: string }
 *   | { kind: 'op', op: 'create' | 'list', tracker: string }
 *   | { kind: 'op', op: 'get' | 'update' | 'delete', tracker: string, id: string }} Route
 */

/**
 * @param {string} method
 * @param {string} path
 * @param {string} trackerId
 * @returns {Route}
 */
function routeOf(method, path, trackerId) {
  if (!path.startsWith(TRACKER_PREFIX)) return { kind: 'no-route' }
  const [tracker, ...rest] = path.slice(TRACKER_PREFIX.length).split('/')
  if (tracker === undefined || tracker === '') return { kind: 'no-route' }
  if (tracker !== trackerId) return { kind: 'unknown-tracker' }
  const tail = rest.join('/')
  if (tail === 'scope')
    return method === 'POST'
      ? { kind: 'op', op: 'create', tracker }
      : { kind: 'bad-method', tracker }
  if (tail === 'scopes')
    return method === 'POST' ? { kind: 'op', op: 'list', tracker } : { kind: 'bad-method', tracker }
  if (rest.length === 2 && rest[0] === 'scope' && rest[1]) {
    const id = decodeURIComponent(rest[1])
    if (method === 'GET') return { kind: 'op', op: 'get', tracker, id }
    if (method === 'PUT') return { kind: 'op', op: 'update', tracker, id }
    if (method === 'DELETE') return { kind: 'op', op: 'delete', tracker, id }
    return { kind: 'bad-method', tracker }
  }
  return { kind: 'no-route' }
}

/**
 * @param {FaultMatch} match
 * @param {string} method
 * @param {string} path
 * @param {Operation | null} op
 */
function matches(match, method, path, op) {
  return (
    (match.method === undefined || match.method.toUpperCase() === method) &&
    (match.pathPrefix === undefined || path.startsWith(match.pathPrefix)) &&
    (match.op === undefined || match.op === op)
  )
}

/**
 * @param {Fault} fault
 * @returns {Required<Fault>}
 */
function normalizeFault(fault) {
  return {
    match: fault.match ?? {},
    times: fault.times ?? 1,
    status: fault.status ?? 0,
    retryAfter: fault.retryAfter ?? '',
    body: fault.body ?? '',
    contentType: fault.contentType ?? 'text/plain; charset=utf-8',
    dropBeforeApply: fault.dropBeforeApply ?? false,
    dropAfterApply: fault.dropAfterApply ?? false,
    delayMs: fault.delayMs ?? 0,
    malformedBody: fault.malformedBody ?? false,
  }
}

/**
 * @param {RandomFaultKind} kind
 * @returns {Fault}
 */
function randomFault(kind) {
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

/** @param {Required<Fault>} fault */
function describeFault(fault) {
  const parts = []
  if (fault.status > 0) parts.push(`status ${fault.status}`)
  if (fault.retryAfter !== '') parts.push(`Retry-After ${fault.retryAfter}`)
  if (fault.delayMs > 0) parts.push(`delay ${fault.delayMs} ms`)
  if (fault.dropBeforeApply) parts.push('drop before apply')
  if (fault.dropAfterApply) parts.push('drop after apply')
  if (fault.malformedBody) parts.push('malformed body')
  return parts.join(', ')
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {string} name
 * @returns {string | undefined}
 */
function header(req, name) {
  const value = req.headers[name]
  return Array.isArray(value) ? value.join(', ') : value
}

/**
 * @param {string} text
 * @returns {JsonObject | Reply}
 */
function parseBody(text) {
  /** @type {unknown} */
  let value
  try {
    value = JSON.parse(text)
  } catch {
    return Reply.json(400, { message: 'Request body is not valid JSON' })
  }
  if (!isObject(value)) return Reply.json(400, { message: 'Request body must be a JSON object' })
  return value
}

/**
 * The vendor's documented rules, written independently of the project's zod schema. Problems
 * in the pin definitions are 422 ("invalid pin definition"), the rest 400 ("invalid
 * configuration"), as the reference lists them.
 * @param {JsonObject} body
 * @returns {Reply | null}
 */
export function validate(body) {
  /** @type {{ field: string, message: string }[]} */
  const config = []
  /** @type {{ field: string, message: string }[]} */
  const pins = []
  const problem = (
    /** @type {typeof config} */ list,
    /** @type {string} */ field,
    /** @type {string} */ message,
  ) => list.push({ field, message })

  if (!isNonEmptyString(body.model))
    problem(config, 'model', 'is required and must be a non-empty string')
  if (!['item', 'criteria', 'all'].includes(/** @type {string} */ (body.target_type))) {
    problem(config, 'target_type', 'must be one of item, criteria, all')
  }
  if (body.target_type === 'item' && !isNonEmptyString(body.target_identity)) {
    problem(config, 'target_identity', 'is required when target_type is item')
  } else if (body.target_identity !== undefined && typeof body.target_identity !== 'string') {
    problem(config, 'target_identity', 'must be a string')
  }
  if (body.target_type === 'criteria' && !isNonEmptyObject(body.target_criteria)) {
    problem(
      config,
      'target_criteria',
      'is required when target_type is criteria and must be a non-empty object',
    )
  } else if (body.target_criteria !== undefined && !isObject(body.target_criteria)) {
    problem(config, 'target_criteria', 'must be an object')
  }
  if (body.target_metadata !== undefined && !isObject(body.target_metadata)) {
    problem(config, 'target_metadata', 'must be an object')
  }
  if (
    body.tags !== undefined &&
    !(Array.isArray(body.tags) && body.tags.every((t) => typeof t === 'string'))
  ) {
    problem(config, 'tags', 'must be an array of strings')
  }
  if (!Array.isArray(body.pin_definitions)) {
    problem(config, 'pin_definitions', 'is required and must be an array')
  } else {
    body.pin_definitions.forEach((/** @type {unknown} */ pin, i) => {
      const at = `pin_definitions[${i}]`
      if (!isObject(pin)) return problem(pins, at, 'must be an object')
      if (!Number.isInteger(pin.position) || /** @type {number} */ (pin.position) < -1) {
        problem(pins, `${at}.position`, 'must be an integer >= -1')
      }
      if (pin.pin_type !== 'item' && pin.pin_type !== 'criteria') {
        problem(pins, `${at}.pin_type`, 'must be one of item, criteria')
      }
      if (pin.pin_type === 'item' && !isNonEmptyString(pin.pin_identity)) {
        problem(pins, `${at}.pin_identity`, 'is required when pin_type is item')
      } else if (pin.pin_identity !== undefined && typeof pin.pin_identity !== 'string') {
        problem(pins, `${at}.pin_identity`, 'must be a string')
      }
      if (pin.pin_type === 'criteria' && !isNonEmptyObject(pin.pin_criteria)) {
        problem(
          pins,
          `${at}.pin_criteria`,
          'is required when pin_type is criteria and must be a non-empty object',
        )
      } else if (pin.pin_criteria !== undefined && !isObject(pin.pin_criteria)) {
        problem(pins, `${at}.pin_criteria`, 'must be an object')
      }
      if (pin.widget_id !== undefined && typeof pin.widget_id !== 'string') {
        problem(pins, `${at}.widget_id`, 'must be a string')
      }
      for (const flag of ['is_block_pin', 'is_bundle_pin']) {
        if (pin[flag] !== undefined && typeof pin[flag] !== 'boolean') {
          problem(pins, `${at}.${flag}`, 'must be a boolean')
        }
      }
      for (const when of ['active_from', 'active_to']) {
        const value = pin[when]
        if (
          value !== undefined &&
          !(
            typeof value === 'string' &&
            ISO_DATE_TIME.test(value) &&
            !Number.isNaN(Date.parse(value))
          )
        ) {
          problem(pins, `${at}.${when}`, 'must be an ISO 8601 date-time')
        }
      }
    })
  }
  if (config.length > 0) {
    return Reply.json(400, { message: `Invalid configuration: ${summary(config)}`, errors: config })
  }
  if (pins.length > 0) {
    return Reply.json(422, { message: `Invalid pin definition: ${summary(pins)}`, errors: pins })
  }
  return null
}

/** @param {{ field: string, message: string }[]} problems */
function summary(problems) {
  return problems.map((p) => `${p.field} ${p.message}`).join('; ')
}

/**
 * "Currently active": at least one pin is within its activity window (a customization without
 * pins counts as available).
 * @param {JsonObject} customization
 * @param {Date} at
 */
function isAvailable(customization, at) {
  const pins = Array.isArray(customization.pin_definitions) ? customization.pin_definitions : []
  if (pins.length === 0) return true
  const t = at.getTime()
  return pins.some((/** @type {JsonObject} */ pin) => {
    const from = typeof pin.active_from === 'string' ? Date.parse(pin.active_from) : -Infinity
    const to = typeof pin.active_to === 'string' ? Date.parse(pin.active_to) : Infinity
    return from <= t && t <= to
  })
}

/**
 * @param {URLSearchParams} params
 * @param {string} name
 * @param {number} fallback
 * @param {number} min
 * @returns {number | null}
 */
function intParam(params, name, fallback, min) {
  const raw = params.get(name)
  if (raw === null) return fallback
  if (!/^\d+$/.test(raw)) return null
  const value = Number(raw)
  return value >= min ? value : null
}

/**
 * Like a real service, keeps only the fields it knows, so a round trip shows what was dropped.
 * @param {JsonObject} body already validated
 * @returns {JsonObject}
 */
function stored(body) {
  const out = pick(body, FIELDS)
  if (Array.isArray(body.pin_definitions)) {
    out.pin_definitions = body.pin_definitions.map((/** @type {JsonObject} */ pin) =>
      pick(pin, PIN_FIELDS),
    )
  }
  return out
}

/**
 * @param {JsonObject} value
 * @param {string[]} keys
 * @returns {JsonObject}
 */
function pick(value, keys) {
  /** @type {JsonObject} */
  const out = {}
  for (const key of keys) if (value[key] !== undefined) out[key] = value[key]
  return out
}

/**
 * @param {unknown} value
 * @returns {value is JsonObject}
 */
function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** @param {unknown} value */
function isNonEmptyObject(value) {
  return isObject(value) && Object.keys(value).length > 0
}

/** @param {unknown} value */
function isNonEmptyString(value) {
  return typeof value === 'string' && value !== ''
}

/** Command line: prints the URL on stdout, details on stderr, and runs until interrupted. */
async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      tracker: { type: 'string', default: DEFAULT_TRACKER },
      key: { type: 'string', default: DEFAULT_KEY },
      'latency-ms': { type: 'string', default: '0' },
      'fault-rate': { type: 'string', default: '0' },
      faults: { type: 'string', default: '503,429,drop' },
      seed: { type: 'string', default: '1' },
    },
  })
  const sandbox = await startSandbox({
    port: Number(values.port),
    host: values.host,
    trackerId: values.tracker,
    privateKey: values.key,
    latencyMs: Number(values['latency-ms']),
    faultRate: Number(values['fault-rate']),
    faults: /** @type {RandomFaultKind[]} */ (values.faults.split(',').filter(Boolean)),
    seed: Number(values.seed),
  })
  process.stdout.write(`${sandbox.url}\n`)
  process.stderr.write(
    `Luigi's Box sandbox on ${sandbox.url} (tracker ${sandbox.trackerId}); Ctrl-C to stop\n`,
  )
  const stop = () => {
    void sandbox.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  })
}
