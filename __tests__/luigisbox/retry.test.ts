import fc from 'fast-check'
import {
  MAX_RETRY_AFTER_MS,
  backoffDelay,
  isRetryableStatus,
  outcomeUnknown,
  parseHttpDate,
  parseRetryAfter,
  retryDelay,
  retryable,
} from '../../src/luigisbox/retry.js'
import type { Attempt } from '../../src/luigisbox/send.js'

describe('isRetryableStatus', () => {
  it.each([408, 429, 500, 502, 503, 504, 599])('retries %i', (status) => {
    expect(isRetryableStatus(status)).toBe(true)
  })

  it.each([200, 201, 204, 301, 400, 401, 403, 404, 409, 413, 422, 600])(
    'does not retry %i',
    (status) => {
      expect(isRetryableStatus(status)).toBe(false)
    },
  )
})

describe('backoffDelay', () => {
  const opts = { baseMs: 100, capMs: 5000 }

  it('doubles the ceiling with each attempt', () => {
    const almostOne = () => 0.999999
    expect(backoffDelay(0, opts, almostOne)).toBe(99)
    expect(backoffDelay(1, opts, almostOne)).toBe(199)
    expect(backoffDelay(2, opts, almostOne)).toBe(399)
    expect(backoffDelay(3, opts, almostOne)).toBe(799)
  })

  it('never exceeds the cap, even for huge attempt numbers', () => {
    expect(backoffDelay(10, opts, () => 0.999999)).toBe(4999)
    expect(backoffDelay(5000, opts, () => 0.999999)).toBe(4999)
  })

  it('uses full jitter: zero when random() is zero', () => {
    expect(backoffDelay(4, opts, () => 0)).toBe(0)
  })

  it('scales linearly with random()', () => {
    expect(backoffDelay(2, opts, () => 0.5)).toBe(200)
  })

  it('stays within [0, min(cap, base·2^attempt)) for any input', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, baseMs, capMs, r) => {
          const delay = backoffDelay(attempt, { baseMs, capMs }, () => r)
          expect(Number.isInteger(delay)).toBe(true)
          expect(delay).toBeGreaterThanOrEqual(0)
          expect(delay).toBeLessThanOrEqual(Math.min(capMs, baseMs * 2 ** attempt))
        },
      ),
    )
  })

  it('tolerates a random() outside [0, 1)', () => {
    expect(backoffDelay(0, opts, () => -3)).toBe(0)
    expect(backoffDelay(0, opts, () => 7)).toBe(100)
  })
})

describe('parseRetryAfter', () => {
  const now = new Date('2025-01-20T12:00:00Z')

  it('reads delta-seconds', () => {
    expect(parseRetryAfter('1', now)).toBe(1000)
    expect(parseRetryAfter(' 30 ', now)).toBe(30_000)
    expect(parseRetryAfter('0', now)).toBe(0)
  })

  it('reads an IMF-fixdate relative to now', () => {
    expect(parseRetryAfter('Mon, 20 Jan 2025 12:00:07 GMT', now)).toBe(7000)
  })

  it('reads the obsolete RFC 850 and asctime forms', () => {
    expect(parseRetryAfter('Monday, 20-Jan-25 12:00:02 GMT', now)).toBe(2000)
    expect(parseRetryAfter('Mon Jan 20 12:00:03 2025', now)).toBe(3000)
    expect(parseRetryAfter('Sat Feb  1 12:00:00 2025', now)).toBe(MAX_RETRY_AFTER_MS)
  })

  it('clamps a date in the past to zero', () => {
    expect(parseRetryAfter('Mon, 20 Jan 2025 11:59:00 GMT', now)).toBe(0)
  })

  it('clamps to the maximum', () => {
    expect(parseRetryAfter('86400', now)).toBe(MAX_RETRY_AFTER_MS)
    expect(parseRetryAfter('9'.repeat(400), now)).toBe(MAX_RETRY_AFTER_MS)
    expect(parseRetryAfter('Tue, 21 Jan 2025 12:00:00 GMT', now)).toBe(MAX_RETRY_AFTER_MS)
    expect(parseRetryAfter('10', now, 5000)).toBe(5000)
  })

  it.each([
    null,
    undefined,
    '',
    '   ',
    '-1',
    '1.5',
    '1e3',
    'soon',
    'soon 2',
    '0x10',
    'Mon, 31 Feb 2025 12:00:00 GMT',
    'Mon, 20 Jan 2025 25:00:00 GMT',
    'Mon, 20 Jan 2025 12:00:00 UTC',
    '2025-01-20T12:00:10Z',
  ])('returns null for %p', (value) => {
    expect(parseRetryAfter(value, now)).toBeNull()
  })

  it('never returns a negative, non-finite or over-limit wait', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const ms = parseRetryAfter(value, now)
        if (ms !== null) {
          expect(Number.isFinite(ms)).toBe(true)
          expect(ms).toBeGreaterThanOrEqual(0)
          expect(ms).toBeLessThanOrEqual(MAX_RETRY_AFTER_MS)
        }
      }),
    )
  })
})

describe('parseHttpDate', () => {
  it('round-trips Date#toUTCString', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1970-01-01Z'),
          max: new Date('9999-12-31Z'),
          noInvalidDate: true,
        }),
        (date) => {
          const whole = new Date(Math.floor(date.getTime() / 1000) * 1000)
          expect(parseHttpDate(whole.toUTCString())?.getTime()).toBe(whole.getTime())
        },
      ),
    )
  })

  it('puts a two-digit year more than 50 years ahead in the previous century', () => {
    const now = new Date('2025-01-20T12:00:00Z')
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT', now)?.toISOString()).toBe(
      '1994-11-06T08:49:37.000Z',
    )
    expect(parseHttpDate('Sunday, 06-Nov-50 08:49:37 GMT', now)?.getUTCFullYear()).toBe(2050)
  })
})

function answer(status: number, retryAfter: string | null = null): Attempt {
  return { type: 'response', status, statusText: '', retryAfter, location: null, text: '' }
}

describe('outcomeUnknown and retryable', () => {
  const network = (...codes: string[]): Attempt => ({ type: 'network', codes, detail: '' })

  it.each<[string, Attempt, boolean, boolean]>([
    ['a timeout', { type: 'timeout', timeoutMs: 1 }, true, true],
    ['a refused connection', network('ECONNREFUSED'), false, true],
    ['a reset connection', network('ECONNRESET'), true, true],
    ['a bad certificate', network('CERT_HAS_EXPIRED'), true, false],
    ['503', answer(503), true, true],
    ['408', answer(408), true, true],
    ['429', answer(429), false, true],
    ['422', answer(422), false, false],
  ])('%s: outcome unknown %s, retryable %s', (_, attempt, unknown, again) => {
    expect(outcomeUnknown(attempt)).toBe(unknown)
    expect(retryable(attempt)).toBe(again)
  })
})

describe('retryDelay', () => {
  const policy = {
    backoff: { baseMs: 1000, capMs: 60_000 },
    random: () => 1,
    now: () => new Date('2025-01-20T12:00:00Z'),
  }

  it('waits as long as Retry-After asks', () => {
    expect(retryDelay(answer(503, '7'), 3, policy)).toBe(7000)
  })

  it('backs off from the attempt that failed when Retry-After is absent or unreadable', () => {
    expect(retryDelay(answer(503), 3, policy)).toBe(4000)
    expect(retryDelay(answer(503, 'soon'), 1, policy)).toBe(1000)
    expect(retryDelay({ type: 'timeout', timeoutMs: 1 }, 2, policy)).toBe(2000)
  })
})
