import { redact } from '../redact.js'
import type { Answered, Attempt } from './send.js'
import type { LiveCustomization } from './wire.js'

export type Operation = 'list' | 'create' | 'get' | 'update' | 'delete'

/**
 * - `auth`: 401/403, or 404 on a tracker-level path (the tracker does not exist);
 * - `invalid`: the request itself is wrong (400, 409, 413, 422): resending it cannot help;
 * - `not-found`: 404 for a customization id;
 * - `throttled`: 429; `server`: 5xx; `timeout`: no answer in time (or 408);
 * - `network`: no HTTP response at all;
 * - `deadline`: the run's deadline (input `deadline-minutes`) passed: nothing more is sent;
 * - `unexpected`: any other status, a redirect, or a success whose body is not what the API
 *   documents.
 */
export type ApiErrorKind =
  | 'auth'
  | 'invalid'
  | 'not-found'
  | 'throttled'
  | 'server'
  | 'network'
  | 'timeout'
  | 'deadline'
  | 'unexpected'

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

/** The request whose attempt failed, as its error reports it. */
export interface Failure extends Pick<
  ApiErrorDetails,
  'operation' | 'method' | 'path' | 'attempts'
> {
  /** Kept out of every message: what the server or the socket says may echo the request. */
  privateKey: string
}

const BODY_PREVIEW_CHARS = 500

/** The error for an attempt that got no answer, or an answer other than success. */
export function attemptError(
  ErrorClass: typeof ApiError,
  failure: Failure,
  result: Attempt,
): ApiError {
  const { privateKey, ...common } = failure
  const where = `${failure.method} ${failure.path}`
  const after = failure.attempts > 1 ? ` (attempt ${failure.attempts})` : ''
  const unknownNote =
    ErrorClass === OutcomeUnknownError
      ? '; the customization may or may not have been created, so look it up before creating it again'
      : ''
  // Redacted whole: the reason phrase, a redirect's Location and the body may all echo the key.
  const error = (message: string, details: Omit<ApiErrorDetails, keyof typeof common>) =>
    new ErrorClass(redact(message, privateKey), { ...common, ...details })
  if (result.type === 'timeout') {
    return error(
      `Luigi's Box API: ${where} got no answer within ${result.timeoutMs} ms${after}${unknownNote}`,
      { kind: 'timeout' },
    )
  }
  if (result.type === 'oversized') {
    return error(
      `Luigi's Box API: ${where} answered HTTP ${result.status} with a body of more than ${result.maxBodyBytes} bytes; it was not read to its end${unknownNote}`,
      { kind: 'unexpected', status: result.status },
    )
  }
  if (result.type === 'network') {
    return error(`Luigi's Box API: ${where} failed: ${result.detail}${after}${unknownNote}`, {
      kind: 'network',
      code: result.codes[0],
    })
  }
  const kind = statusKind(result.status, failure.operation)
  const shown = preview(redact(result.text, privateKey))
  const status = `HTTP ${result.status}${result.statusText ? ` ${result.statusText}` : ''}`
  return error(
    `Luigi's Box API: ${where} answered ${status}${after}: ${shown === '' ? '(empty body)' : shown}` +
      hint(kind, result, failure.operation) +
      unknownNote,
    { kind, status: result.status, body: shown },
  )
}

/** The error for a success whose body is not what the API documents. */
export function garbledError(
  ErrorClass: typeof ApiError,
  failure: Failure,
  result: Answered,
  problem: string,
): ApiError {
  const { privateKey, ...common } = failure
  const shown = preview(redact(result.text, privateKey))
  const unknownNote =
    ErrorClass === OutcomeUnknownError
      ? '; the customization was probably created, so look it up before creating it again'
      : ''
  return new ErrorClass(
    `Luigi's Box API: ${failure.method} ${failure.path} answered HTTP ${result.status} but ${problem}: ` +
      `${shown === '' ? '(empty body)' : shown}${unknownNote}`,
    { ...common, kind: 'unexpected', status: result.status, body: shown },
  )
}

/**
 * The error once the run's deadline has passed: the request in progress (if any) was abandoned,
 * so a write it carried may or may not have been made; the next run reconciles either way.
 */
export function deadlineError(failure: Omit<Failure, 'privateKey'>, minutes: string): ApiError {
  return new ApiError(
    `The run's deadline (deadline-minutes: ${minutes}) passed during ${failure.method} ${failure.path}; nothing more was sent. A write in progress may or may not have been made: the next run reconciles it.`,
    { ...failure, kind: 'deadline' },
  )
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

function hint(kind: ApiErrorKind, result: Answered, operation: Operation): string {
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

/**
 * A listing that cannot be trusted to be complete (see `listAll`): planning against it could
 * create a customization that exists on a page never seen. `results` is what was listed.
 */
export class IncompleteListingError extends Error {
  override name = 'IncompleteListingError'
  constructor(
    readonly reason: string,
    readonly results: LiveCustomization[],
  ) {
    super(`The listing of live customizations cannot be trusted: ${reason}.`)
  }
}
