import type { Attempt } from './send.js'

/** Bounds for exponential backoff: the first retry waits up to `baseMs`, none more than `capMs`. */
export interface BackoffOptions {
  baseMs: number
  capMs: number
}

/**
 * Retry-After beyond this is treated as this: a CI job should fail in minutes rather than sit
 * idle for as long as a misconfigured proxy asks.
 */
export const MAX_RETRY_AFTER_MS = 120_000

// Failures while connecting: the request never reached the server, so even a create can be resent.
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
])
// Certificate and TLS set-up failures repeat identically on every attempt.
const PERMANENT_CODE = /^(CERT_|ERR_TLS_|ERR_SSL_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)/

/**
 * 408 and 429 say "not now" and 5xx may be transient; every other status repeats itself if the
 * same request is sent again.
 */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599)
}

/**
 * Exponential backoff with full jitter: uniformly random in [0, min(cap, base·2^attempt)), so
 * many clients throttled together spread out instead of retrying in lockstep.
 * `attempt` counts retries from 0 (0 = the wait before the first retry).
 */
export function backoffDelay(
  attempt: number,
  { baseMs, capMs }: BackoffOptions,
  random: () => number,
): number {
  const exponent = Math.max(0, Math.floor(attempt))
  // 2^exponent overflows to Infinity long after it has passed any sane cap; min() absorbs that.
  const ceiling = Math.max(0, Math.min(capMs, baseMs * 2 ** exponent))
  const r = Math.min(Math.max(random(), 0), 1)
  return Math.floor(r * ceiling)
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
const LONG_WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const TIME = String.raw`(\d{2}):(\d{2}):(\d{2})`
// RFC 9110 §5.6.7: recipients must accept IMF-fixdate and both obsolete forms.
const IMF_FIXDATE = new RegExp(
  String.raw`^(${WEEKDAYS.join('|')}), (\d{2}) (${MONTHS.join('|')}) (\d{4}) ${TIME} GMT$`,
)
const RFC_850 = new RegExp(
  String.raw`^(${LONG_WEEKDAYS.join('|')}), (\d{2})-(${MONTHS.join('|')})-(\d{2}) ${TIME} GMT$`,
)
const ASCTIME = new RegExp(
  String.raw`^(${WEEKDAYS.join('|')}) (${MONTHS.join('|')}) ([ \d]\d) ${TIME} (\d{4})$`,
)

/**
 * Parses an HTTP-date strictly. `Date.parse` is not used because it accepts nearly anything
 * ("1", "soon 2") and would turn garbage into a wait.
 */
export function parseHttpDate(value: string, now: Date = new Date()): Date | null {
  let fields: [string, string, string, string, string, string] | undefined
  let m = IMF_FIXDATE.exec(value)
  if (m) fields = [m[2]!, m[3]!, m[4]!, m[5]!, m[6]!, m[7]!]
  else if ((m = RFC_850.exec(value))) {
    fields = [m[2]!, m[3]!, pivotTwoDigitYear(Number(m[4]), now), m[5]!, m[6]!, m[7]!]
  } else if ((m = ASCTIME.exec(value))) {
    fields = [m[3]!.trim(), m[2]!, m[7]!, m[4]!, m[5]!, m[6]!]
  }
  if (!fields) return null
  const [day, month, year, hour, minute, second] = fields.map((f, i) =>
    i === 1 ? MONTHS.indexOf(f) : Number(f),
  ) as [number, number, number, number, number, number]
  if (hour > 23 || minute > 59 || second > 60) return null
  const date = new Date(Date.UTC(year, month, day, hour, minute, Math.min(second, 59)))
  // Date.UTC rolls 31 Feb over into March; a date that does not round-trip is not a date.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day)
    return null
  return date
}

// RFC 9110: a two-digit year more than 50 years in the future is in the past century.
function pivotTwoDigitYear(yy: number, now: Date): string {
  const thisYear = now.getUTCFullYear()
  let year = Math.floor(thisYear / 100) * 100 + yy
  if (year > thisYear + 50) year -= 100
  return String(year)
}

/**
 * Retry-After (delta-seconds or HTTP-date) as milliseconds to wait from `now`; null when absent
 * or unreadable so the caller falls back to its own backoff. A date in the past means "now".
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: Date,
  maxMs: number = MAX_RETRY_AFTER_MS,
): number | null {
  if (value == null) return null
  const text = value.trim()
  if (text === '') return null
  let ms: number
  if (/^\d+$/.test(text)) {
    ms = Number(text) * 1000
  } else {
    const date = parseHttpDate(text, now)
    if (!date) return null
    ms = date.getTime() - now.getTime()
  }
  return Math.min(Math.max(ms, 0), maxMs)
}

/** Whether the server may have applied the request although no success was seen. */
export function outcomeUnknown(result: Attempt): boolean {
  if (result.type === 'timeout' || result.type === 'oversized') return true
  if (result.type === 'network') return !result.codes.some((c) => NOT_SENT_CODES.has(c))
  return result.status === 408 || result.status >= 500
}

/** Whether sending the same request again may get another answer. */
export function retryable(result: Attempt): boolean {
  if (result.type === 'oversized') return false
  if (result.type === 'timeout') return true
  if (result.type === 'network') return !result.codes.some((c) => PERMANENT_CODE.test(c))
  return isRetryableStatus(result.status)
}

/** How long to wait after `attempt` (from 1) failed: what the server asked for, else backoff. */
export function retryDelay(
  result: Attempt,
  attempt: number,
  { backoff, random, now }: { backoff: BackoffOptions; random: () => number; now: () => Date },
): number {
  const retryAfter = result.type === 'response' ? parseRetryAfter(result.retryAfter, now()) : null
  return retryAfter ?? backoffDelay(attempt - 1, backoff, random)
}
