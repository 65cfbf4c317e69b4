import { createHmac, timingSafeEqual } from 'node:crypto'

const IMF_FIXDATE =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/

/** The headers that take part in authentication. */
export interface AuthHeaders {
  date?: string
  contentType?: string
  authorization?: string
}

export interface SignedRequest {
  method: string
  /** Without the query. */
  path: string
  /** The tracker the URL names. */
  tracker: string
  headers: AuthHeaders
}

export interface Verifier {
  privateKey: string
  now: () => Date
  /** Accepted skew of the Date header. */
  toleranceMs: number
}

/** The signature the vendor expects, computed here without the project's signer. */
export function expectedSignature(
  key: string,
  method: string,
  contentType: string,
  date: string,
  path: string,
): string {
  return createHmac('sha256', key)
    .update(`${method}\n${contentType}\n${date}\n${path}`)
    .digest('base64')
}

/** Why the request is not authenticated, or null when it is. */
export function authProblem(request: SignedRequest, verifier: Verifier): string | null {
  const { authorization, date, contentType } = request.headers
  if (authorization === undefined) return 'missing Authorization header'
  const match = /^(\S+) ([^:\s]+):(\S+)$/.exec(authorization)
  if (!match) return 'malformed Authorization header'
  if (match[2] !== request.tracker) return 'tracker in Authorization does not match the URL'
  if (date === undefined) return 'missing Date header'
  if (!IMF_FIXDATE.test(date)) return 'Date header is not an HTTP date'
  const skew = Math.abs(Date.parse(date) - verifier.now().getTime())
  if (!(skew <= verifier.toleranceMs)) return 'Date header too far from server time'
  const expected = Buffer.from(
    expectedSignature(verifier.privateKey, request.method, contentType ?? '', date, request.path),
  )
  const given = Buffer.from(match[3] ?? '')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return 'signature mismatch'
  }
  return null
}
