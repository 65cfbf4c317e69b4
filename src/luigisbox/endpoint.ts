import { InputError } from '../input-error.js'

/**
 * Parses and checks the `api-url` input. Plain http would send the signature and the
 * customizations in clear text, so it is allowed only where traffic cannot leave the machine
 * (local stand-ins and tests). A path prefix (a proxy) is kept, without its trailing slash;
 * the root path stays `/`, which the WHATWG URL cannot drop.
 */
export function validateApiUrl(url: string): URL {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new InputError(
      'api-url',
      `The api-url input ${JSON.stringify(url)} is not an absolute URL; ` +
        'set it to the API base, e.g. https://live.luigisbox.com',
    )
  }
  if (parsed.protocol === 'http:') {
    if (!isLoopbackHost(parsed.hostname)) {
      throw new InputError(
        'api-url',
        `The api-url input uses http:// for ${parsed.hostname}; change it to https:// ` +
          '(plain http is accepted only for localhost, 127.0.0.0/8 and [::1])',
      )
    }
  } else if (parsed.protocol !== 'https:') {
    throw new InputError(
      'api-url',
      `The api-url input must start with https:// (got ${parsed.protocol}//)`,
    )
  }
  // Credentials in the URL would be sent on every request and printed with it in errors.
  if (parsed.username !== '' || parsed.password !== '') {
    throw new InputError(
      'api-url',
      'The api-url input must not contain a user name or password; remove the part before "@"',
    )
  }
  if (parsed.search !== '' || parsed.hash !== '') {
    throw new InputError(
      'api-url',
      'The api-url input must not contain a query string or fragment; remove the part from "?" or "#"',
    )
  }
  parsed.pathname = parsed.pathname.replace(/\/+$/, '')
  return parsed
}

/**
 * The WHATWG parser has already normalised the host (`127.1` → `127.0.0.1`,
 * `[0:0::1]` → `[::1]`, upper case → lower case), so plain comparisons suffice.
 */
export function isLoopbackHost(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true
  const octets = hostname.split('.')
  return (
    octets.length === 4 &&
    octets[0] === '127' &&
    octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255)
  )
}

/**
 * The tracker id becomes a path segment of every request (and of the signed path), so it must
 * not be able to change which path is requested.
 */
export function validateTrackerId(id: string): string {
  if (id === '') {
    throw new InputError(
      'tracker-id',
      "The tracker-id input is empty; set it to your Luigi's Box tracker id, e.g. 1234-5678",
    )
  }
  if (!/^[A-Za-z0-9._-]+$/.test(id) || id === '.' || id === '..') {
    throw new InputError(
      'tracker-id',
      `The tracker-id input ${JSON.stringify(id)} is not a valid tracker id; it may contain only ` +
        'letters, digits, "-", "_" and "." (e.g. 1234-5678)',
    )
  }
  return id
}
