import { InputError } from '../../src/input-error.js'
import { isLoopbackHost, validateApiUrl, validateTrackerId } from '../../src/luigisbox/endpoint.js'

function thrown(fn: () => unknown): InputError {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return error as InputError
  }
  throw new Error('expected an error')
}

describe('validateApiUrl', () => {
  it.each([
    ['https://live.luigisbox.com', 'https://live.luigisbox.com'],
    ['https://live.luigisbox.tech/', 'https://live.luigisbox.tech'],
    ['https://proxy.example.com/luigis/', 'https://proxy.example.com/luigis'],
    ['http://localhost:8080', 'http://localhost:8080'],
    ['http://LOCALHOST:8080/', 'http://localhost:8080'],
    ['http://127.0.0.1:3000', 'http://127.0.0.1:3000'],
    ['http://127.1.2.3', 'http://127.1.2.3'],
    ['http://127.1', 'http://127.0.0.1'],
    ['http://[::1]:9000', 'http://[::1]:9000'],
    ['http://[0:0:0:0:0:0:0:1]', 'http://[::1]'],
  ])('accepts %s', (input, expected) => {
    const url = validateApiUrl(input)
    expect(`${url.origin}${url.pathname === '/' ? '' : url.pathname}`).toBe(expected)
  })

  it('returns a base to which paths can be appended', () => {
    const url = validateApiUrl('https://live.luigisbox.com/')
    expect(new URL(`${url.href.replace(/\/$/, '')}/v1/x`).pathname).toBe('/v1/x')
  })

  it.each([
    'http://live.luigisbox.com',
    'http://10.0.0.1',
    'http://128.0.0.1',
    'http://localhost.evil.com',
    'http://127.0.0.1.nip.io',
    'http://[::2]',
  ])('rejects plain http to a non-loopback host: %s', (input) => {
    const error = thrown(() => validateApiUrl(input))
    expect(error.input).toBe('api-url')
    expect(error.message).toMatch(/api-url/)
    expect(error.message).toMatch(/https:\/\//)
  })

  it.each(['ftp://live.luigisbox.com', 'file:///etc/passwd', 'javascript:alert(1)'])(
    'rejects other schemes: %s',
    (input) => {
      expect(thrown(() => validateApiUrl(input)).message).toMatch(
        /api-url input must start with https/,
      )
    },
  )

  it.each(['', 'live.luigisbox.com', '/v1', 'https://'])('rejects a non-URL: %p', (input) => {
    const error = thrown(() => validateApiUrl(input))
    expect(error.message).toMatch(/api-url input .* is not an absolute URL/)
  })

  it('rejects credentials, queries and fragments', () => {
    expect(thrown(() => validateApiUrl('https://u:p@live.luigisbox.com')).message).toMatch(
      /user name or password/,
    )
    expect(thrown(() => validateApiUrl('https://live.luigisbox.com/?a=1')).message).toMatch(
      /query string/,
    )
    expect(thrown(() => validateApiUrl('https://live.luigisbox.com/#x')).message).toMatch(
      /fragment/,
    )
  })
})

describe('isLoopbackHost', () => {
  it.each(['localhost', '127.0.0.1', '127.255.255.255', '[::1]'])('%s is loopback', (h) => {
    expect(isLoopbackHost(h)).toBe(true)
  })
  it.each(['127.0.0.256', '127.0.0', '0.0.0.0', '::1', 'example.com', '[::]'])('%s is not', (h) => {
    expect(isLoopbackHost(h)).toBe(false)
  })
})

describe('validateTrackerId', () => {
  it.each(['1234-5678', 'abc_DEF.9', '.hidden', 'a..b'])('accepts %p', (id) => {
    expect(validateTrackerId(id)).toBe(id)
  })

  it.each([
    '',
    '.',
    '..',
    'a/b',
    '../x',
    'a?b',
    'a#b',
    '%2e%2e',
    'a b',
    ' 1234',
    '1234\n',
    'ü',
    'a:b',
  ])('rejects %p naming the tracker-id input', (id) => {
    const error = thrown(() => validateTrackerId(id))
    expect(error.input).toBe('tracker-id')
    expect(error.message).toMatch(/tracker-id input/)
  })
})
