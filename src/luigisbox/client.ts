import { setTimeout as wait } from 'node:timers/promises'
import type { Deadline } from '../deadline.js'
import { InputError } from '../input-error.js'
import type { Customization } from '../manifest/schema.js'
import { validateApiUrl, validateTrackerId } from './endpoint.js'
import { ApiError, IncompleteListingError, type Operation } from './errors.js'
import { createRequester, type Requester, type RetryInfo } from './request.js'
import type { BackoffOptions } from './retry.js'
import {
  decodeListPage,
  decodeLive,
  type ListAllQuery,
  type ListPage,
  type ListQuery,
  type LiveCustomization,
  isSafeId,
} from './wire.js'

export interface ClientOptions {
  apiUrl: string
  trackerId: string
  privateKey: string
  /** Per attempt, including reading the response body. */
  timeoutMs?: number
  /** A longer response body is not read to its end, and the request fails. */
  maxBodyBytes?: number
  /** Past it, no request starts and the one in progress is abandoned. */
  deadline?: Deadline
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
  /** A line per attempt, for debug logs. */
  debug?: (text: string) => void
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
/** A page of 100 customizations with many pins is well under 1 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024
export const DEFAULT_MAX_ATTEMPTS = 5
export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, capMs: 30_000 }
export const DEFAULT_CONCURRENCY = 4
export const DEFAULT_PAGE_SIZE = 100
/** 50,000 customizations at the default page size: past any real tracker, short of a runaway. */
export const MAX_PAGES = 500

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
  base.pathname = `${base.pathname.replace(/\/+$/, '')}/v1/recommender/pin/${trackerId}`
  const request = createRequester({
    base,
    connection: {
      trackerId,
      privateKey,
      timeoutMs: positive('timeoutMs', options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      maxBodyBytes: positiveInteger('maxBodyBytes', options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES),
      signal: options.deadline?.signal,
      fetch: options.fetch,
      now: options.now ?? (() => new Date()),
    },
    maxAttempts: positiveInteger('maxAttempts', options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS),
    backoff: options.backoff ?? DEFAULT_BACKOFF,
    concurrency: positiveInteger('concurrency', options.concurrency ?? DEFAULT_CONCURRENCY),
    sleep: options.sleep ?? wait,
    random: options.random ?? Math.random,
    onRetry: options.onRetry,
    debug: options.debug,
    deadline: options.deadline,
  })
  return {
    list: (query) => list(request, query),
    listAll: (query) => listAll(request, query),
    create: (body) => create(request, body),
    get: (id) => get(request, id),
    update: (id, body) => update(request, id, body),
    delete: (id) => remove(request, id),
  }
}

async function list(request: Requester, query: ListQuery): Promise<ListPage> {
  return (await request({
    operation: 'list',
    method: 'POST',
    path: '/scopes',
    query: listParams(query),
    body: {},
    decode: decodeListPage,
  })) as ListPage
}

/**
 * Every page of a listing, checked: the server's largest page size and its honesty about
 * `total` are undocumented, and a plan made from a partial list creates duplicates. It ends only
 * at an empty page (one request more than the pages themselves, which catches a `total` that
 * under-reports), at a page that brings no new id (the server ignores `offset`; fine only if it
 * returned everything at once), or at MAX_PAGES. Then the distinct ids must add up to `total`.
 * Otherwise it throws IncompleteListingError with what it did get.
 */
async function listAll(request: Requester, query: ListAllQuery = {}): Promise<LiveCustomization[]> {
  const pageSize = positiveInteger('limit', query.limit ?? DEFAULT_PAGE_SIZE)
  const byId = new Map<string, LiveCustomization>()
  let offset = 0
  let total = 0
  for (let pages = 0; ; pages++) {
    if (pages === MAX_PAGES) {
      throw new IncompleteListingError(
        `the listing did not end within ${MAX_PAGES} pages of ${pageSize}`,
        [...byId.values()],
      )
    }
    const page = await list(request, { ...query, limit: pageSize, offset })
    total = page.total
    let added = 0
    for (const result of page.results) {
      // Writes between pages shift offsets, so a customization can show up on two pages.
      if (!byId.has(result.id)) added += 1
      byId.set(result.id, result)
    }
    offset += page.results.length
    if (page.results.length === 0) break
    if (added === 0) {
      if (byId.size === total) break
      throw new IncompleteListingError(
        `the page at offset ${offset - page.results.length} repeated earlier results (is offset ignored?)`,
        [...byId.values()],
      )
    }
  }
  if (byId.size !== total) {
    throw new IncompleteListingError(
      `the server reported ${total} customizations but listed ${byId.size} distinct ones`,
      [...byId.values()],
    )
  }
  return [...byId.values()]
}

async function create(request: Requester, body: Customization): Promise<LiveCustomization> {
  return (await request({
    operation: 'create',
    method: 'POST',
    path: '/scope',
    body,
    decode: decodeLive,
  })) as LiveCustomization
}

async function get(request: Requester, id: string): Promise<LiveCustomization> {
  return (await request({
    operation: 'get',
    method: 'GET',
    path: scopePath(id, 'get', 'GET'),
    decode: decodeLive,
  })) as LiveCustomization
}

async function update(request: Requester, id: string, body: Customization): Promise<void> {
  await request({ operation: 'update', method: 'PUT', path: scopePath(id, 'update', 'PUT'), body })
}

async function remove(request: Requester, id: string): Promise<void> {
  await request({ operation: 'delete', method: 'DELETE', path: scopePath(id, 'delete', 'DELETE') })
}

/**
 * An id comes from the server and goes into a URL path. The API's ids are UUIDs; anything but
 * RFC 3986's unreserved characters could change the path once a URL parser or a proxy is done
 * with it (`..`, `.`, `%2e%2e` and `/` all leave `/scope/`), so such an id is refused and nothing
 * is sent for it.
 */
function scopePath(id: string, operation: Operation, method: string): string {
  if (isSafeId(id)) return `/scope/${id}`
  throw new ApiError(
    `Luigi's Box listed the id ${JSON.stringify(id)}, which is not a safe URL path segment (1 to 200 letters, digits, "-", "_", "." or "~", and not "." or ".."); nothing was sent for it. Delete that customization in the Luigi's Box app.`,
    { kind: 'unexpected', operation, method, path: '/scope/{id}', attempts: 0 },
  )
}

function listParams(query: ListQuery): URLSearchParams {
  const params = new URLSearchParams()
  if (query.model !== undefined) params.set('model', query.model)
  if (query.targetType !== undefined) params.set('target_type', query.targetType)
  if (query.targetIdentity !== undefined) params.set('target_identity', query.targetIdentity)
  if (query.tag !== undefined) params.set('tag', query.tag)
  params.set('limit', String(positiveInteger('limit', query.limit)))
  params.set('offset', String(nonNegativeInteger('offset', query.offset)))
  return params
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
