import { spawnSync } from 'node:child_process'
import fc from 'fast-check'
import { authorization, sign, stringToSign } from '../../src/luigisbox/sign.js'

const DATE = 'Mon, 20 Jan 2025 12:00:00 GMT'
const JSON_UTF8 = 'application/json; charset=utf-8'
const BASE = '/v1/recommender/pin/1234-5678'
const ONE = `${BASE}/scope/199620b4-df1a-46e8-ab59-9e9ed9af7106`

// Every row of the reference's test-vector table, verbatim.
const vectors = [
  {
    name: 'create',
    key: 'secret',
    method: 'POST',
    ct: JSON_UTF8,
    path: `${BASE}/scope`,
    sig: 'l/3Svb0LB12l0f5vqnyfwwtau8MSBkptXTr5Ykmrebc=',
  },
  {
    name: 'get one',
    key: 'secret',
    method: 'GET',
    ct: JSON_UTF8,
    path: ONE,
    sig: '2gKj+iap1ziVJpt1oTt43buWIHOgOD9vfIEzVcuETWc=',
  },
  {
    name: 'update',
    key: 'secret',
    method: 'PUT',
    ct: JSON_UTF8,
    path: ONE,
    sig: 'nNOPxdChaLPa2W0zhVns/PcmoZIZfqgttgMigFpRrZY=',
  },
  {
    name: 'delete',
    key: 'secret',
    method: 'DELETE',
    ct: JSON_UTF8,
    path: ONE,
    sig: 'r9ofKKztya/S0MOR5SSLk6Kbp/y1kkM7ydFa/dFEnEc=',
  },
  {
    name: 'list',
    key: 'secret',
    method: 'POST',
    ct: JSON_UTF8,
    path: `${BASE}/scopes`,
    sig: 'OZ33AurqnIrZz+BEmnI3zNCCbVwIrb21SiIpufw/IhY=',
  },
  {
    name: 'create, other key',
    key: 'your_private_api_key',
    method: 'POST',
    ct: JSON_UTF8,
    path: `${BASE}/scope`,
    sig: 'p7L8w8fAeFHKhgy39xUaA9bTJHTfTu/qfBwhN73WwU4=',
  },
  {
    name: 'wrong: query signed',
    key: 'secret',
    method: 'POST',
    ct: JSON_UTF8,
    path: `${BASE}/scopes?model=basket&limit=10&sort=created_at:desc`,
    sig: 'fTN9/VRC7pzK8Q/pxu/yIx1r4MyR5LF0urMERV5Bvvw=',
  },
  {
    name: 'other content type',
    key: 'secret',
    method: 'POST',
    ct: 'application/json',
    path: `${BASE}/scope`,
    sig: 'zGTPhd/7gjUtXk+ZgslpSxvoFxWUSV37yJt9mBmnlYQ=',
  },
]

describe('stringToSign', () => {
  it('joins method, content type, date and path with LF and no trailing newline', () => {
    expect(
      stringToSign({ method: 'POST', contentType: JSON_UTF8, date: DATE, path: `${BASE}/scope` }),
    ).toBe(`POST\n${JSON_UTF8}\n${DATE}\n${BASE}/scope`)
  })

  it('upper-cases the method', () => {
    expect(stringToSign({ method: 'put', contentType: '', date: DATE, path: '/' })).toMatch(
      /^PUT\n/,
    )
  })
})

describe('sign', () => {
  it.each(vectors)('matches the reference vector: $name', ({ key, method, ct, path, sig }) => {
    const signature = sign(key, { method, contentType: ct, date: DATE, path })
    expect(signature).toBe(sig)
    expect(signature).toHaveLength(44)
  })

  it('gives a different signature when the query is signed', () => {
    const list = vectors.find((v) => v.name === 'list')!
    const wrong = vectors.find((v) => v.name === 'wrong: query signed')!
    expect(wrong.sig).not.toBe(list.sig)
  })

  it('agrees with openssl for arbitrary keys, paths, dates and content types', () => {
    const pathChar = fc.constantFrom(...'abcdefXYZ0123456789-_.~/%:@!$&()*+,;='.split(''))
    fc.assert(
      fc.property(
        fc
          .string({ minLength: 1, maxLength: 64, unit: 'grapheme' })
          .filter((k) => !k.includes('\0')),
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
        fc.constantFrom(JSON_UTF8, 'application/json', 'application/x-ndjson', ''),
        fc.date({
          min: new Date('1970-01-01T00:00:00Z'),
          max: new Date('2100-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.string({ unit: pathChar, maxLength: 80 }).map((p) => `/${p}`),
        (key, method, contentType, when, path) => {
          const parts = { method, contentType, date: when.toUTCString(), path }
          expect(sign(key, parts)).toBe(opensslSignature(key, stringToSign(parts)))
        },
      ),
      { numRuns: 30 },
    )
  })
})

describe('authorization', () => {
  it('formats the header as ApiAuth tracker:signature', () => {
    expect(authorization('1234-5678', 'abc=')).toBe('ApiAuth 1234-5678:abc=')
  })
})

// The reference's own recipe, run through a shell so the check does not share code with sign().
function opensslSignature(key: string, message: string): string {
  const run = spawnSync('sh', ['-c', 'openssl dgst -sha256 -hmac "$KEY" -binary | base64'], {
    input: Buffer.from(message, 'utf8'),
    env: { ...process.env, KEY: key },
  })
  if (run.status !== 0) throw new Error(`openssl failed: ${run.stderr.toString()}`)
  return run.stdout.toString().trim()
}
