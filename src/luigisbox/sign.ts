import { createHmac, createSecretKey, type KeyObject } from 'node:crypto'

/** The fields Luigi's Box signs, each exactly as it goes on the wire. */
export interface SignedParts {
  method: string
  /** The Content-Type header as sent: `application/json` and `…; charset=utf-8` sign differently. */
  contentType: string
  /** The Date header as sent (IMF-fixdate, e.g. `new Date().toUTCString()`). */
  date: string
  /** The request path as sent (percent-encoded), without scheme, host or query string. */
  path: string
}

/**
 * The vendor's string to sign: four fields joined by LF with no trailing newline. The path is
 * taken verbatim rather than stripped of a query here, so a caller that signs the wrong thing
 * gets a wrong signature it can see in tests instead of a silently "fixed" one.
 */
export function stringToSign({ method, contentType, date, path }: SignedParts): string {
  return [method.toUpperCase(), contentType, date, path].join('\n')
}

/** Base64 (with padding) HMAC-SHA256 of the string to sign, keyed by the private key as UTF-8. */
export function sign(privateKey: string, parts: SignedParts): string {
  return createHmac('sha256', hmacKey(privateKey))
    .update(stringToSign(parts), 'utf8')
    .digest('base64')
}

// A run signs every request with one key; made into a KeyObject once, an HMAC costs half.
let lastKey: { secret: string; key: KeyObject } | undefined

function hmacKey(secret: string): KeyObject {
  if (lastKey?.secret !== secret) lastKey = { secret, key: createSecretKey(secret, 'utf8') }
  return lastKey.key
}

/** The label before the space is ignored by the server; `ApiAuth` is this project's choice. */
export function authorization(trackerId: string, signature: string): string {
  return `ApiAuth ${trackerId}:${signature}`
}
