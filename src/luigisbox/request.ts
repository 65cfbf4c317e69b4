import pLimit, { type LimitFunction } from 'p-limit'
import { pauseUnlessPast, type Deadline } from '../deadline.js'
import {
  ApiError,
  OutcomeUnknownError,
  attemptError,
  deadlineError,
  garbledError,
  type Failure,
  type Operation,
} from './errors.js'
import { outcomeUnknown, retryable, retryDelay, type BackoffOptions } from './retry.js'
import { send, type Attempt, type Connection, type Method } from './send.js'
import type { Decoded } from './wire.js'

export interface RetryInfo {
  operation: Operation
  method: string
  path: string
  /** The attempt that just failed, from 1. */
  attempt: number
  delayMs: number
  error: ApiError
}

export interface RequestSpec {
  operation: Operation
  method: Method
  /** Relative to the tracker's base, e.g. `/scope`. */
  path: string
  query?: URLSearchParams
  body?: unknown
  /** Checks a success body; without it the body is ignored. */
  decode?: (text: string) => Decoded
}

export interface RequesterOptions {
  /** The tracker's base URL; a spec's path is appended to its path. */
  base: URL
  connection: Connection
  /** Attempts per request, the first included. */
  maxAttempts: number
  backoff: BackoffOptions
  /** Attempts in flight across all requests. */
  concurrency: number
  sleep: (ms: number) => Promise<void>
  random: () => number
  onRetry?: (info: RetryInfo) => void
  /** A line per attempt (method, path, answer, time), for debug logs. */
  debug?: (text: string) => void
  /** Past it, no attempt starts and none waits. */
  deadline?: Deadline
}

/** Sends with retries; resolves with the decoded body of the successful response. */
export type Requester = (spec: RequestSpec) => Promise<unknown>

export function createRequester(options: RequesterOptions): Requester {
  const limit = pLimit(options.concurrency)
  return (spec) => request(options, limit, spec)
}

async function request(
  options: RequesterOptions,
  limit: LimitFunction,
  spec: RequestSpec,
): Promise<unknown> {
  const { connection, maxAttempts } = options
  const { operation, method } = spec
  const url = urlFor(options.base, spec)
  const path = url.pathname
  const body = spec.body === undefined ? undefined : JSON.stringify(spec.body)
  const where = { operation, method, path, privateKey: connection.privateKey }
  const { deadline } = options
  let mayHaveApplied = false

  const checkDeadline = (attempts: number) => {
    if (deadline?.signal.aborted) {
      throw deadlineError({ operation, method, path, attempts }, deadline.minutes)
    }
  }

  for (let attempt = 1; ; attempt++) {
    checkDeadline(attempt - 1)
    // Only the attempt holds a concurrency slot; waiting between attempts does not.
    const result = await limit(async () => {
      const started = Date.now()
      const answer = await send(connection, url, method, body)
      options.debug?.(
        `${method} ${path}: ${answerOf(answer)} in ${Date.now() - started} ms (attempt ${attempt})`,
      )
      return answer
    })
    checkDeadline(attempt)
    const failure: Failure = { ...where, attempts: attempt }
    let error: ApiError
    if (result.type === 'response' && result.status >= 200 && result.status < 300) {
      const decoded = spec.decode ? spec.decode(result.text) : { value: undefined }
      if ('value' in decoded) return decoded.value
      // The request went through but the answer is garbled: a create's id is lost (look it
      // up, do not resend); a read or an idempotent write can simply be sent again.
      const ErrorClass = operation === 'create' ? OutcomeUnknownError : ApiError
      error = garbledError(ErrorClass, failure, result, decoded.problem)
    } else {
      // An earlier delete may have gone through even though its answer was lost.
      if (operation === 'delete' && mayHaveApplied && statusOf(result) === 404) return undefined
      const unknown = outcomeUnknown(result)
      mayHaveApplied ||= unknown
      const ErrorClass = operation === 'create' && unknown ? OutcomeUnknownError : ApiError
      error = attemptError(ErrorClass, failure, result)
      if (!retryable(result)) throw error
    }
    // A create that may have gone through is never sent again: it could make a duplicate.
    if (error instanceof OutcomeUnknownError || attempt >= maxAttempts) throw error

    const delayMs = retryDelay(result, attempt, {
      backoff: options.backoff,
      random: options.random,
      now: connection.now,
    })
    options.onRetry?.({ operation, method, path, attempt, delayMs, error })
    await pauseUnlessPast(options.sleep(delayMs), deadline)
  }
}

function statusOf(result: Attempt): number | undefined {
  return result.type === 'response' ? result.status : undefined
}

function answerOf(result: Attempt): string {
  if (result.type === 'response') return `HTTP ${result.status}`
  if (result.type === 'oversized')
    return `HTTP ${result.status}, body over ${result.maxBodyBytes} bytes`
  return result.type === 'timeout'
    ? 'no answer (timeout)'
    : `network error ${result.codes.join(', ')}`
}

function urlFor(base: URL, spec: RequestSpec): URL {
  const url = new URL(base)
  url.pathname = `${base.pathname}${spec.path}`
  url.search = spec.query ? spec.query.toString() : ''
  return url
}
