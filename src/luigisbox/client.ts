import pLimit from 'p-limit'
import { InputError } from '../input-error.js'
import { isRecord } from '../manifest/findings.js'
import { validateApiUrl, validateTrackerId } from './endpoint.js'
import {
  backoffDelay,
  isRetryableStatus,
  parseRetryAfter,
  wait,
  type BackoffOptions,
} from './retry.js'
import { authorization, sign } from './sign.js'
import type { Customization } from '../manifest/schema.js'

/** Sent on every request and signed verbatim; the vendor's examples use exactly this value. */
export const CONTENT_TYPE = 'application/json; charset=utf-8'

export type { Customization, Pin } from '../manifest/schema.js'
export type TargetType = Customization['target_type']

/**
 * A customization as the API returns it. Only `id` is checked at run time; the other fields are
 * the server's word, and fields this project does not know are kept rather than dropped.
 */
export interface LiveCustomization extends Customization {
  id: string
  created_at?: string
  creator?: string
  available?: boolean
  [field: string]: unknown
}

export interface ListQuery {
  model?: string
  targetType?: TargetType
  targetIdentity?: string
  limit: number
  offset: number
}

/** `limit` is the page size here (default 100). */
export type ListAllQuery = Omit<ListQuery, 'limit' | 'offset'> & { limit?: number }

export interface ListPage {
  total: number
  results: LiveCustomization[]
}

export type Operation = 'list' | 'create' | 'get' | 'update' | 'delete'

/**
 * - `auth`: 401/403, or 404 on a tracker-level path (the tracker does not exist);
 * - `invalid`: the request itself is wrong (400, 409, 413, 422): resending it cannot help;
 * - `not-found`: 404 for a customization id;
 * - `throttled`: 429; `server`: 5xx; `timeout`: no answer in time (or 408);
 * - `network`: no HTTP response at all;
 * - `unexpected`: any other status, a redirect, or a success whose body is not what the API
 *   documents.
 */
export type ApiErrorKind =
  'auth' | 'invalid' | 'not-found' | 'throttled' | 'server' | 'network' | 'timeout' | 'unexpected'

export interface ApiErrorDetails {
  kind: ApiErrorKind
  operation: Operation
  method: string
  /** The request path without query; it holds the tracker id but nothing secret. */
  path: string
  attempts: number
  status?: number
  /** The response body as text, whitespace collapsed and truncated. */
  body?: string
  /** The system error code of a network failure, e.g. ECONNREFUSED. */
  code?: string
}

export class ApiError extends Error {
  override name = 'ApiError'
  readonly kind: ApiErrorKind
  readonly operation: Operation
  readonly method: string
  readonly path: string
  readonly attempts: number
  readonly status: number | undefined
  readonly body: string | undefined
  readonly code: string | undefined

  constructor(message: string, details: ApiErrorDetails) {
    super(message)
    this.kind = details.kind
    this.operation = details.operation
    this.method = details.method
    this.path = details.path
    this.attempts = details.attempts
    this.status = details.status
    this.body = details.body
    this.code = details.code
  }
}

/**
 * A create whose result never arrived (timeout, dropped connection, 408, 5xx, or an unreadable
 * success): the customization may or may not exist now. There is no idempotency key, so
 * resending could create a duplicate; look the scope up again before deciding to create it.
 */
export class OutcomeUnknownError extends ApiError {
  override name = 'OutcomeUnknownError'
}

export interface RetryInfo {
  operation: Operation
  method: string
  path: string
  /** The attempt that just failed, from 1. */
  attempt: number
  delayMs: number
  error: ApiError
}

export interface ClientOptions {
  apiUrl: string
  trackerId: string
  privateKey: string
  /** Per attempt, including reading the response body. */
  timeoutMs?: number
  /** Attempts per request, the first included. */
  maxAttempts?: number
  backoff?: BackoffOptions
  /** Requests in flight across the whole client. */
  concurrency?: number
  fetch?: typeof globalThis.fetch
  sleep?: (ms: number) => Promise<void>
  now?: () => Date
  random?: () => number
  onRetry?: (info: RetryInfo) => void
}

export interface LuigisBoxClient {
  list(query: ListQuery): Promise<ListPage>
  listAll(query?: ListAllQuery): Promise<LiveCustomization[]>
  create(body: Customization): Promise<LiveCustomization>
  get(id: string): Promise<LiveCustomization>
  update(id: string, body: Customization): Promise<void>
  delete(id: string): Promise<void>
}

export const DEFAULT_TIMEOUT_MS = 30_000
export const DEFAULT_MAX_ATTEMPTS = 5
export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, capMs: 30_000 }
export const DEFAULT_CONCURRENCY = 4
export const DEFAULT_PAGE_SIZE = 100
const BODY_PREVIEW_CHARS = 500

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE'

interface RequestSpec {
  operation: Operation
  method: Method
  /** Relative to the tracker's base, e.g. `/scope`. */
  path: string
  query?: URLSearchParams
  body?: unknown
  /** Checks a success body: its value, or what is wrong with it. */
  decode?: (text: string) => Decoded
}

type Decoded = { value: unknown } | { problem: string }

/** What one attempt produced, before any decision about it. */
type Attempt =
  | {
      type: 'response'
      status: number
      statusText: string
      retryAfter: string | null
      location: string | null
      text: string
    }
  | { type: 'timeout' }
  | { type: 'network'; codes: string[]; detail: string }

// Failures while connecting: the request never reached the server, so even a create can be resent.
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
])
// Certificate and TLS set-up failures repeat identically on every attempt.
const PERMANENT_CODE = /^(CERT_|ERR_TLS_|ERR_SSL_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)/

export function createClient(options: ClientOptions): LuigisBoxClient {
  const base = validateApiUrl(options.apiUrl)
  const trackerId = validateTrackerId(options.trackerId)
  const { privateKey } = options
  if (typeof privateKey !== 'string' || privateKey === '') {
    throw new InputError(
      'private-key',
      "The private-key input is empty; set it to your Luigi's Box private API key (from a secret)",
    )
  }
  const timeoutMs = positive('timeoutMs', options.timeoutMs ?? DEFAULT_TIMEOUT_MS)
  const maxAttempts = positiveInteger('maxAttempts', options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS)
  const concurrency = positiveInteger('concurrency', options.concurrency ?? DEFAULT_CONCURRENCY)
  const backoff = options.backoff ?? DEFAULT_BACKOFF
  const fetchImpl = options.fetch ?? globalThis.fetch
  const sleep = options.sleep ?? wait
  const now = options.now ?? (() => new Date())
  const random = options.random ?? Math.random
  const limit = pLimit(concurrency)
  const trackerPath = `${base.pathname.replace(/\/+$/, '')}/v1/recommender/pin/${trackerId}`
  const redact = (text: string) => text.split(privateKey).join('***')

  async function attempt(url: URL, method: Method, body: string | undefined): Promise<Attempt> {
    // Fresh for every attempt: the server rejects a Date more than 5 s from its clock.
    const date = now().toUTCString()
    const signature = sign(privateKey, {
      method,
      contentType: CONTENT_TYPE,
      date,
      path: url.pathname,
    })
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), timeoutMs)
    try {
      const response = await fetchImpl(url, {
        method,
        headers: {
          'Content-Type': CONTENT_TYPE,
          Date: date,
          Authorization: authorization(trackerId, signature),
          Accept: 'application/json',
        },
        body,
        signal: controller.signal,
        // A followed redirect would carry a signature made for another path, or turn a POST into
        // a GET; better to report where the api-url points.
        redirect: 'manual',
      })
      const text = await response.text()
      return {
        type: 'response',
        status: response.status,
        statusText: response.statusText,
        retryAfter: response.headers.get('retry-after'),
        location: response.headers.get('location'),
        text,
      }
    } catch (error) {
      if (controller.signal.aborted) return { type: 'timeout' }
      return { type: 'network', codes: errorCodes(error), detail: errorDetail(error) }
    } finally {
      clearTimeout(timer)
    }
  }

  /** Sends with retries; resolves with the successful response's body text. */
  async function send(spec: RequestSpec): Promise<unknown> {
    const url = new URL(base)
    url.pathname = `${trackerPath}${spec.path}`
    url.search = spec.query ? spec.query.toString() : ''
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body)
    const path = url.pathname
    let mayHaveApplied = false

    for (let attemptNo = 1; ; attemptNo++) {
      // Only the attempt holds a concurrency slot; waiting between attempts does not.
      const result = await limit(() => attempt(url, spec.method, body))
      let error: ApiError | undefined
      if (result.type === 'response' && result.status >= 200 && result.status < 300) {
        const decoded = spec.decode ? spec.decode(result.text) : { value: undefined }
        if ('value' in decoded) return decoded.value
        // The request went through but the answer is garbled: a create's id is lost (look it
        // up, do not resend); a read or an idempotent write can simply be sent again.
        const ErrorClass = spec.operation === 'create' ? OutcomeUnknownError : ApiError
        error = malformed(ErrorClass, spec, result.status, attemptNo, result.text, decoded.problem)
        if (spec.operation === 'create' || attemptNo >= maxAttempts) throw error
      }
      // An earlier delete may have gone through even though its answer was lost.
      if (
        spec.operation === 'delete' &&
        mayHaveApplied &&
        result.type === 'response' &&
        result.status === 404
      ) {
        return undefined
      }

      if (!error) {
        const unknown = outcomeUnknown(result)
        if (spec.operation === 'create' && unknown) {
          throw errorFor(OutcomeUnknownError, spec, path, result, attemptNo)
        }
        mayHaveApplied ||= unknown
        error = errorFor(ApiError, spec, path, result, attemptNo)
        if (!retryable(result) || attemptNo >= maxAttempts) throw error
      }

      const retryAfter =
        result.type === 'response' ? parseRetryAfter(result.retryAfter, now()) : null
      const delayMs = retryAfter ?? backoffDelay(attemptNo - 1, backoff, random)
      options.onRetry?.({
        operation: spec.operation,
        method: spec.method,
        path,
        attempt: attemptNo,
        delayMs,
        error,
      })
      await sleep(delayMs)
    }
  }

  function errorFor(
    ErrorClass: typeof ApiError,
    spec: RequestSpec,
    path: string,
    result: Attempt,
    attempts: number,
  ): ApiError {
    const where = `${spec.method} ${path}`
    const after = attempts > 1 ? ` (attempt ${attempts})` : ''
    const unknownNote =
      ErrorClass === OutcomeUnknownError
        ? '; the customization may or may not have been created, so look it up before creating it again'
        : ''
    const common = { operation: spec.operation, method: spec.method, path, attempts }
    if (result.type === 'timeout') {
      return new ErrorClass(
        `Luigi's Box API: ${where} got no answer within ${timeoutMs} ms${after}${unknownNote}`,
        { ...common, kind: 'timeout' },
      )
    }
    if (result.type === 'network') {
      return new ErrorClass(
        redact(`Luigi's Box API: ${where} failed: ${result.detail}${after}${unknownNote}`),
        { ...common, kind: 'network', code: result.codes[0] },
      )
    }
    const kind = statusKind(result.status, spec.operation)
    const shown = preview(redact(result.text))
    const status = `HTTP ${result.status}${result.statusText ? ` ${result.statusText}` : ''}`
    return new ErrorClass(
      `Luigi's Box API: ${where} answered ${status}${after}: ${shown === '' ? '(empty body)' : shown}` +
        hint(kind, result, spec.operation) +
        unknownNote,
      { ...common, kind, status: result.status, body: shown },
    )
  }

  function malformed(
    ErrorClass: typeof ApiError,
    spec: RequestSpec,
    status: number,
    attempts: number,
    text: string,
    problem: string,
  ): ApiError {
    const shown = preview(redact(text))
    const path = `${trackerPath}${spec.path}`
    const unknownNote =
      ErrorClass === OutcomeUnknownError
        ? '; the customization was probably created, so look it up before creating it again'
        : ''
    return new ErrorClass(
      `Luigi's Box API: ${spec.method} ${path} answered HTTP ${status} but ${problem}: ` +
        `${shown === '' ? '(empty body)' : shown}${unknownNote}`,
      {
        kind: 'unexpected',
        operation: spec.operation,
        method: spec.method,
        path,
        attempts,
        status,
        body: shown,
      },
    )
  }

  async function list(query: ListQuery): Promise<ListPage> {
    return (await send({
      operation: 'list',
      method: 'POST',
      path: '/scopes',
      query: listParams(query),
      body: {},
      decode: decodeListPage,
    })) as ListPage
  }

  async function listAll(query: ListAllQuery = {}): Promise<LiveCustomization[]> {
    const pageSize = positiveInteger('limit', query.limit ?? DEFAULT_PAGE_SIZE)
    const byId = new Map<string, LiveCustomization>()
    let offset = 0
    for (;;) {
      const page = await list({ ...query, limit: pageSize, offset })
      let added = 0
      for (const result of page.results) {
        // Writes between pages shift offsets, so a customization can show up on two pages.
        if (!byId.has(result.id)) added += 1
        byId.set(result.id, result)
      }
      offset += page.results.length
      // A short page alone does not end the listing: the server's largest page size is
      // undocumented and may be below ours; `total` and an empty page do.
      if (offset >= page.total || page.results.length === 0 || added === 0) break
    }
    return [...byId.values()]
  }

  async function create(body: Customization): Promise<LiveCustomization> {
    const spec: RequestSpec = { operation: 'create', method: 'POST', path: '/scope', body }
    return (await send({ ...spec, decode: decodeLive })) as LiveCustomization
  }

  async function get(id: string): Promise<LiveCustomization> {
    return (await send({
      operation: 'get',
      method: 'GET',
      path: scopePath(id),
      decode: decodeLive,
    })) as LiveCustomization
  }

  async function update(id: string, body: Customization): Promise<void> {
    await send({ operation: 'update', method: 'PUT', path: scopePath(id), body })
  }

  async function remove(id: string): Promise<void> {
    await send({ operation: 'delete', method: 'DELETE', path: scopePath(id) })
  }

  return { list, listAll, create, get, update, delete: remove }
}

function decodeListPage(text: string): Decoded {
  const parsed = parseJson(text)
  if (!parsed.ok || !isRecord(parsed.value)) return { problem: 'the body is not a JSON object' }
  const { pagination, results } = parsed.value
  const total = isRecord(pagination) ? pagination.total : undefined
  if (typeof total !== 'number' || !Number.isInteger(total) || total < 0) {
    return { problem: 'pagination.total is not a count' }
  }
  if (!Array.isArray(results) || !results.every(isLive)) {
    return { problem: 'results is not a list of customizations with ids' }
  }
  return { value: { total, results } }
}

function decodeLive(text: string): Decoded {
  const parsed = parseJson(text)
  if (!parsed.ok) return { problem: 'the body is not JSON' }
  if (!isLive(parsed.value)) return { problem: 'the body has no string id' }
  return { value: parsed.value }
}

function scopePath(id: string): string {
  if (typeof id !== 'string' || id === '') {
    throw new TypeError('A customization id must be a non-empty string')
  }
  return `/scope/${encodeURIComponent(id)}`
}

function listParams(query: ListQuery): URLSearchParams {
  const params = new URLSearchParams()
  if (query.model !== undefined) params.set('model', query.model)
  if (query.targetType !== undefined) params.set('target_type', query.targetType)
  if (query.targetIdentity !== undefined) params.set('target_identity', query.targetIdentity)
  params.set('limit', String(positiveInteger('limit', query.limit)))
  params.set('offset', String(nonNegativeInteger('offset', query.offset)))
  return params
}

/** Whether the server may have applied the request although no success was seen. */
function outcomeUnknown(result: Attempt): boolean {
  if (result.type === 'timeout') return true
  if (result.type === 'network') return !result.codes.some((c) => NOT_SENT_CODES.has(c))
  return result.status === 408 || result.status >= 500
}

function retryable(result: Attempt): boolean {
  if (result.type === 'timeout') return true
  if (result.type === 'network') return !result.codes.some((c) => PERMANENT_CODE.test(c))
  return isRetryableStatus(result.status)
}

export function statusKind(status: number, operation: Operation): ApiErrorKind {
  if (status === 401 || status === 403) return 'auth'
  // list and create address the tracker itself, so 404 there means the tracker does not exist.
  if (status === 404) return operation === 'list' || operation === 'create' ? 'auth' : 'not-found'
  if (status === 400 || status === 409 || status === 413 || status === 422) return 'invalid'
  if (status === 408) return 'timeout'
  if (status === 429) return 'throttled'
  if (status >= 500 && status <= 599) return 'server'
  return 'unexpected'
}

function hint(
  kind: ApiErrorKind,
  result: Extract<Attempt, { type: 'response' }>,
  operation: Operation,
): string {
  if (kind === 'auth' && result.status === 404) {
    return ' (tracker not found: check the tracker-id and api-url inputs)'
  }
  if (kind === 'auth') {
    return (
      ' (check the tracker-id and private-key inputs; the request Date must also be within' +
      " 5 s of the server's clock)"
    )
  }
  if (result.status >= 300 && result.status < 400) {
    return ` (redirected${result.location ? ` to ${result.location}` : ''}: check the api-url input)`
  }
  if (kind === 'not-found' && operation !== 'get') return ' (the customization does not exist)'
  return ''
}

/** The body for a message: one line, no longer than ~500 characters, never parsed. */
export function preview(text: string, max: number = BODY_PREVIEW_CHARS): string {
  const line = text
    .slice(0, max * 4)
    .replace(/\s+/g, ' ')
    .trim()
  const chars = Array.from(line)
  return chars.length <= max ? line : `${chars.slice(0, max).join('')}…`
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false }
  }
}

function isLive(value: unknown): value is LiveCustomization {
  return isRecord(value) && typeof value.id === 'string' && value.id !== ''
}

/** Every error code in an error's cause chain (fetch wraps the socket error in a TypeError). */
function errorCodes(error: unknown, depth = 0): string[] {
  if (!isRecord(error) && !(error instanceof Error)) return []
  if (depth > 5) return []
  const record = error as Record<string, unknown>
  const own = typeof record.code === 'string' ? [record.code] : []
  const nested = Array.isArray(record.errors) ? record.errors : []
  return [
    ...own,
    ...errorCodes(record.cause, depth + 1),
    ...nested.flatMap((e: unknown) => errorCodes(e, depth + 1)),
  ]
}

/** The innermost message, which names the actual failure ("connect ECONNREFUSED …"). */
function errorDetail(error: unknown): string {
  let current: unknown = error
  const messages: string[] = []
  for (let i = 0; i < 5 && current instanceof Error; i++) {
    messages.push(current.message)
    current = current.cause
  }
  return messages.filter((m) => m !== '').join(': ') || String(error)
}

function positive(name: string, value: number): number {
  if (!(typeof value === 'number' && value > 0 && Number.isFinite(value))) {
    throw new RangeError(`${name} must be a positive number, got ${String(value)}`)
  }
  return value
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`${name} must be a positive integer, got ${String(value)}`)
  }
  return value
}

function nonNegativeInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${String(value)}`)
  }
  return value
}
