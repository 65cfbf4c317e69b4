import { getEventListeners } from 'node:events'
import { createServer } from 'node:net'
import { type ClientOptions, createClient } from '../../src/luigisbox/client.js'
import type { RetryInfo } from '../../src/luigisbox/request.js'
import {
  ApiError,
  IncompleteListingError,
  OutcomeUnknownError,
  preview,
} from '../../src/luigisbox/errors.js'
import type { Customization } from '../../src/manifest/schema.js'
import { InputError } from '../../src/input-error.js'
import type { Fault } from '../../tools/sandbox/faults.js'
import { type Sandbox, startSandbox } from '../../tools/sandbox/server.js'

const KEY = 'sk-live-9f8e7d6c5b4a'
const TRACKER = '1234-5678'
const BASE = `/v1/recommender/pin/${TRACKER}`

const body: Customization = {
  model: 'basket',
  target_type: 'item',
  target_identity: '/p/1/',
  pin_definitions: [{ position: 1, pin_type: 'item', pin_identity: '/p/2/' }],
}

let sandbox: Sandbox
let delays: number[]
let retries: RetryInfo[]

beforeAll(async () => {
  sandbox = await startSandbox({ trackerId: TRACKER, privateKey: KEY })
})
afterAll(async () => {
  await sandbox.close()
})
beforeEach(() => {
  sandbox.reset()
  delays = []
  retries = []
})

function client(overrides: Partial<ClientOptions> = {}) {
  return createClient({
    apiUrl: sandbox.url,
    trackerId: TRACKER,
    privateKey: KEY,
    backoff: { baseMs: 100, capMs: 1000 },
    sleep: async (ms) => {
      delays.push(ms)
    },
    onRetry: (info) => retries.push(info),
    ...overrides,
  })
}

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError)
    return error as ApiError
  }
  throw new Error('expected the call to fail')
}

function expectNoKey(error: unknown, ...keys: string[]) {
  const e = error as Error
  const everything = [e.message, e.stack ?? '', JSON.stringify(e), ...Object.values(e).map(String)]
  for (const key of [KEY, ...keys]) {
    for (const text of everything) expect(text).not.toContain(key)
  }
}

function seed(n: number, model = 'basket', from = 0) {
  for (let i = from; i < from + n; i++) {
    const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`
    sandbox.store.set(id, { ...body, model, target_identity: `/p/${i}/`, id, creator: 'api' })
  }
}

describe('endpoints', () => {
  it('creates, gets, updates, lists and deletes a customization', async () => {
    const api = client()
    const created = await api.create(body)
    expect(created).toMatchObject(body)
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(created.created_at).toEqual(expect.any(String))

    expect(await api.get(created.id)).toMatchObject({ ...body, id: created.id })

    const changed = { ...body, tags: ['summer'] }
    await expect(api.update(created.id, changed)).resolves.toBeUndefined()
    expect(sandbox.store.get(created.id)).toMatchObject(changed)

    const page = await api.list({ model: 'basket', targetType: 'item', limit: 10, offset: 0 })
    expect(page.total).toBe(1)
    expect(page.results[0]).toMatchObject({ id: created.id, available: true, creator: 'api' })

    await expect(api.delete(created.id)).resolves.toBeUndefined()
    expect(sandbox.store.size).toBe(0)
    const gone = await caught(api.get(created.id))
    expect(gone.kind).toBe('not-found')
    expect(gone.status).toBe(404)
  })

  it('sends list filters in the query and {} as the body, signing the path only', async () => {
    await client().list({
      model: 'home',
      targetType: 'item',
      targetIdentity: '/p/1/',
      limit: 5,
      offset: 10,
    })
    const [request] = sandbox.requests
    expect(request?.status).toBe(200)
    expect(request?.path).toBe(`${BASE}/scopes`)
    expect(Object.fromEntries(new URLSearchParams(request?.query))).toEqual({
      model: 'home',
      target_type: 'item',
      target_identity: '/p/1/',
      limit: '5',
      offset: '10',
    })
    expect(request?.requestBody).toBe('{}')
    expect(request?.headers.contentType).toBe('application/json; charset=utf-8')
    expect(request?.headers.authorization).toMatch(/^ApiAuth 1234-5678:[A-Za-z0-9+/]{43}=$/)
  })

  it('sends a UUID id as the path segment it is, signed', async () => {
    const id = '199620b4-df1a-46e8-ab59-9e9ed9af7106'
    sandbox.store.set(id, { ...body, id })
    expect(await client().get(id)).toMatchObject({ id })
    expect(sandbox.requests[0]?.path).toBe(`${BASE}/scope/${id}`)
  })

  it.each([
    '',
    '.',
    '..',
    'a/b',
    '%2e%2e',
    'a b',
    'x\n::error::y',
    'é',
    'a?b',
    'a#b',
    'x'.repeat(201),
  ])('refuses the id %j before sending anything, and says why', async (id) => {
    const error = await caught(client().update(id, body))
    expect(error.kind).toBe('unexpected')
    expect(error.message).toContain('not a safe URL path segment')
    expect(error.message).not.toMatch(/[\r\n]/)
    expect(sandbox.requests).toHaveLength(0)
  })
})

describe('bounds', () => {
  it('stops reading a body past maxBodyBytes and does not retry it', async () => {
    sandbox.inject({ match: { op: 'list' }, status: 200, stream: 'endless', times: Infinity })
    const error = await caught(client({ maxBodyBytes: 64 * 1024 }).list({ limit: 10, offset: 0 }))
    expect(error.message).toMatch(/body of more than 65536 bytes/)
    expect(sandbox.requests).toHaveLength(1)
  })

  it('a create whose answer is too long may have happened: its outcome is unknown', async () => {
    sandbox.inject({ match: { op: 'create' }, status: 201, stream: 'endless' })
    const error = await caught(client({ maxBodyBytes: 1024 }).create(body))
    expect(error).toBeInstanceOf(OutcomeUnknownError)
  })

  it.each<[string, Fault]>([
    ['the request in flight is abandoned', { status: 200, stream: 'drip' }],
    ['a long Retry-After is cut short', { status: 503, retryAfter: '60' }],
  ])('past the deadline %s, and nothing more is sent', async (_, fault) => {
    sandbox.inject({ match: { op: 'list' }, times: Infinity, ...fault })
    const started = Date.now()
    const deadline = { signal: AbortSignal.timeout(300), minutes: '0.005' }
    const error = await caught(
      client({ deadline, sleep: undefined }).list({ limit: 10, offset: 0 }),
    )
    expect(error.kind).toBe('deadline')
    expect(error.message).toContain('deadline-minutes: 0.005')
    expect(sandbox.requests).toHaveLength(1)
    expect(Date.now() - started).toBeLessThan(5_000)
  })
})

describe('an attempt ended early', () => {
  /** A server that answers with a status line, headers and part of a body, then hangs up. */
  async function cutShort(): Promise<{ url: string; close: () => Promise<void> }> {
    const server = createServer((socket) => {
      socket.once('data', () => {
        socket.end('HTTP/1.1 201 Created\r\nContent-Length: 100\r\n\r\n{"id": "ab')
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const address = server.address()
    const port = typeof address === 'object' && address ? address.port : 0
    return {
      url: `http://127.0.0.1:${port}`,
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    }
  }

  it('a body cut short is a lost answer: a read is retried, a create is not sent again', async () => {
    const server = await cutShort()
    try {
      const read = await caught(client({ apiUrl: server.url, maxAttempts: 2 }).get('x'))
      expect(read.kind).toBe('network')
      expect(read.attempts).toBe(2)
      const write = await caught(client({ apiUrl: server.url }).create(body))
      expect(write).toBeInstanceOf(OutcomeUnknownError)
      expect(write.attempts).toBe(1)
    } finally {
      await server.close()
    }
  })

  it('the deadline abandons every attempt in flight at once, through one listener', async () => {
    sandbox.inject({ match: { op: 'get' }, status: 200, stream: 'drip', times: Infinity })
    const started = Date.now()
    const signal = AbortSignal.timeout(500)
    const api = client({ deadline: { signal, minutes: '0.01' }, concurrency: 16, sleep: undefined })
    const pending = Promise.all(Array.from({ length: 16 }, (_, i) => caught(api.get(`x${i}`))))
    while (sandbox.requests.length < 16) await new Promise((resolve) => setTimeout(resolve, 10))
    // Node prints a "possible memory leak" warning past 10 listeners on one signal.
    expect(getEventListeners(signal, 'abort').length).toBe(1)
    const errors = await pending
    expect(errors.map((e) => e.kind)).toEqual(Array(16).fill('deadline'))
    expect(sandbox.requests).toHaveLength(16)
    expect(Date.now() - started).toBeLessThan(5_000)
  })
})

describe('listAll', () => {
  it('pages until an empty page, which confirms the total', async () => {
    seed(25)
    seed(3, 'home', 100)
    const all = await client().listAll({ model: 'basket', limit: 10 })
    expect(all).toHaveLength(25)
    expect(new Set(all.map((c) => c.id)).size).toBe(25)
    expect(sandbox.requests.map((r) => new URLSearchParams(r.query).get('offset'))).toEqual([
      '0',
      '10',
      '20',
      '25',
    ])
  })

  it('needs two requests when everything fits in one page', async () => {
    seed(3)
    expect(await client().listAll()).toHaveLength(3)
    expect(sandbox.requests).toHaveLength(2)
    expect(new URLSearchParams(sandbox.requests[0]?.query).get('limit')).toBe('100')
  })

  it('accepts a server that ignores limit and offset when its one answer is the whole list', async () => {
    const records = Array.from({ length: 150 }, (_, i) => ({ ...body, id: `id-${i}` }))
    const fetch = async () =>
      new Response(JSON.stringify({ pagination: { total: 150 }, results: records }), {
        status: 200,
      })
    expect(await client({ fetch }).listAll({ limit: 100 })).toHaveLength(150)
  })

  it.each([
    ['under-reports its total', { pagination: { total: 50 } }, /reported 50 .* listed 60/],
    ['repeats a page', { pagination: { total: 200 } }, /repeated earlier results/],
  ])('refuses a listing whose server %s', async (_, page, reason) => {
    const records = Array.from({ length: 60 }, (_, i) => ({ ...body, id: `id-${i}` }))
    let served = 0
    const fetch = async () => {
      const results = page.pagination.total === 50 && served > 0 ? [] : records
      served += 1
      return new Response(JSON.stringify({ ...page, results }), { status: 200 })
    }
    const error = await client({ fetch })
      .listAll({ limit: 100 })
      .then(
        () => undefined,
        (e: unknown) => e,
      )
    expect(error).toBeInstanceOf(IncompleteListingError)
    expect((error as IncompleteListingError).message).toMatch(reason)
    expect((error as IncompleteListingError).results).toHaveLength(60)
  })

  it('keeps paging when the server caps pages below the requested size', async () => {
    const small = await startSandbox({ trackerId: TRACKER, privateKey: KEY, maxLimit: 7 })
    try {
      for (let i = 0; i < 20; i++) small.store.set(`id-${i}`, { ...body, id: `id-${i}` })
      const all = await client({ apiUrl: small.url }).listAll({ limit: 10 })
      expect(all.map((c) => c.id)).toEqual(Array.from({ length: 20 }, (_, i) => `id-${i}`))
    } finally {
      await small.close()
    }
  })

  it('returns nothing for an empty tracker', async () => {
    expect(await client().listAll()).toEqual([])
  })
})

describe('retries', () => {
  it('retries 503 with growing jittered backoff, then succeeds', async () => {
    seed(1)
    sandbox.inject({ match: { op: 'list' }, status: 503, times: 2 })
    const page = await client({ random: () => 0.5 }).list({ limit: 10, offset: 0 })
    expect(page.total).toBe(1)
    expect(sandbox.requests.map((r) => r.status)).toEqual([503, 503, 200])
    expect(delays).toEqual([50, 100])
    expect(retries.map((r) => [r.attempt, r.error.kind, r.error.status])).toEqual([
      [1, 'server', 503],
      [2, 'server', 503],
    ])
  })

  it('obeys Retry-After on 429, for create too', async () => {
    sandbox.inject({ match: { op: 'create' }, status: 429, retryAfter: '2' })
    const created = await client().create(body)
    expect(created.id).toEqual(expect.any(String))
    expect(delays).toEqual([2000])
    expect(retries[0]?.error.kind).toBe('throttled')
    expect(sandbox.store.size).toBe(1)
  })

  it('obeys an HTTP-date Retry-After relative to its clock', async () => {
    const now = new Date()
    const at = new Date(Math.floor(now.getTime() / 1000) * 1000 + 3000)
    sandbox.inject({ match: { op: 'get' }, status: 503, retryAfter: at.toUTCString() })
    seed(1)
    const [id] = [...sandbox.store.keys()]
    await client({ now: () => now }).get(id!)
    expect(delays).toEqual([at.getTime() - now.getTime()])
  })

  it('gives up after maxAttempts with the last error', async () => {
    sandbox.inject({ match: { op: 'list' }, status: 502, times: Infinity })
    const error = await caught(client({ maxAttempts: 3 }).list({ limit: 1, offset: 0 }))
    expect(error.kind).toBe('server')
    expect(error.attempts).toBe(3)
    expect(sandbox.requests).toHaveLength(3)
    expect(delays).toHaveLength(2)
  })

  it('retries a connection dropped before the request was handled', async () => {
    seed(1)
    const [id] = [...sandbox.store.keys()]
    sandbox.inject({ match: { op: 'get' }, dropBeforeApply: true })
    expect((await client().get(id!)).id).toBe(id)
    expect(retries[0]?.error.kind).toBe('network')
  })

  it('treats a 404 on a retried delete as done', async () => {
    seed(1)
    const [id] = [...sandbox.store.keys()]
    sandbox.inject({ match: { op: 'delete' }, dropAfterApply: true })
    await expect(client().delete(id!)).resolves.toBeUndefined()
    expect(sandbox.requests.map((r) => r.status)).toEqual([null, 404])
    expect(sandbox.store.size).toBe(0)
  })

  it('reports a 404 on a first delete attempt as not-found', async () => {
    const error = await caught(client().delete('00000000-0000-4000-8000-000000000000'))
    expect(error.kind).toBe('not-found')
    expect(sandbox.requests).toHaveLength(1)
  })

  it('makes a fresh Date and signature for every attempt', async () => {
    seed(1)
    const [id] = [...sandbox.store.keys()]
    sandbox.inject({ match: { op: 'get' }, status: 503, times: 2 })
    // One second apart (Date has whole seconds), within the sandbox's ±5 s.
    const start = Date.now() - 1000
    let calls = 0
    await client({ now: () => new Date(start + 1000 * calls++) }).get(id!)
    const dates = sandbox.requests.map((r) => r.headers.date)
    expect(new Set(dates).size).toBe(3)
    expect(new Set(sandbox.requests.map((r) => r.headers.authorization)).size).toBe(3)
    expect(sandbox.requests.map((r) => r.status)).toEqual([503, 503, 200])
  })

  it('is rejected by the sandbox if the Date were stale', async () => {
    const stale = new Date(Date.now() - 10_000)
    const error = await caught(client({ now: () => stale }).listAll())
    expect(error.kind).toBe('auth')
  })
})

describe('create is never retried when its outcome is unknown', () => {
  it('throws OutcomeUnknownError on 503', async () => {
    sandbox.inject({ match: { op: 'create' }, status: 503, times: Infinity })
    const error = await caught(client().create(body))
    expect(error).toBeInstanceOf(OutcomeUnknownError)
    expect(error.kind).toBe('server')
    expect(error.message).toMatch(/look it up before creating it again/)
    expect(sandbox.requests).toHaveLength(1)
    expect(delays).toEqual([])
  })

  it('throws OutcomeUnknownError when the connection drops after the write', async () => {
    sandbox.inject({ match: { op: 'create' }, dropAfterApply: true })
    const error = await caught(client().create(body))
    expect(error).toBeInstanceOf(OutcomeUnknownError)
    expect(error.kind).toBe('network')
    expect(sandbox.requests).toHaveLength(1)
    expect(sandbox.store.size).toBe(1) // it was applied: hence the lookup before any retry
  })

  it('throws OutcomeUnknownError on a timeout', async () => {
    sandbox.inject({ match: { op: 'create' }, delayMs: 300 })
    const error = await caught(client({ timeoutMs: 50 }).create(body))
    expect(error).toBeInstanceOf(OutcomeUnknownError)
    expect(error.kind).toBe('timeout')
    expect(error.message).toMatch(/no answer within 50 ms/)
    expect(sandbox.requests).toHaveLength(1)
  })

  it('throws OutcomeUnknownError on 408', async () => {
    sandbox.inject({ match: { op: 'create' }, status: 408 })
    expect(await caught(client().create(body))).toBeInstanceOf(OutcomeUnknownError)
    expect(sandbox.requests).toHaveLength(1)
  })

  it('throws OutcomeUnknownError for a 201 whose body is not JSON', async () => {
    sandbox.inject({ match: { op: 'create' }, malformedBody: true })
    const error = await caught(client().create(body))
    expect(error).toBeInstanceOf(OutcomeUnknownError)
    expect(error.kind).toBe('unexpected')
    expect(error.message).toMatch(/HTTP 201 but the body is not JSON/)
  })

  it('throws OutcomeUnknownError for a 201 without a string id', async () => {
    const fetch = async () => new Response(JSON.stringify({ id: 42 }), { status: 201 })
    const error = await caught(client({ fetch }).create(body))
    expect(error).toBeInstanceOf(OutcomeUnknownError)
    expect(error.message).toMatch(/no string id/)
  })

  it('retries a create whose connection was refused, as nothing was sent', async () => {
    const port = await freePort()
    const error = await caught(
      client({ apiUrl: `http://127.0.0.1:${port}`, maxAttempts: 3 }).create(body),
    )
    expect(error).not.toBeInstanceOf(OutcomeUnknownError)
    expect(error.kind).toBe('network')
    expect(error.code).toBe('ECONNREFUSED')
    expect(error.attempts).toBe(3)
    expect(delays).toHaveLength(2)
  })
})

describe('errors', () => {
  it('reports 401 as auth, naming the inputs, without the key', async () => {
    const wrongKey = 'sk-wrong-0a1b2c3d'
    const error = await caught(client({ privateKey: wrongKey }).create(body))
    expect(error.kind).toBe('auth')
    expect(error.status).toBe(401)
    expect(error).not.toBeInstanceOf(OutcomeUnknownError)
    expect(error.message).toMatch(/tracker-id/)
    expect(error.message).toMatch(/private-key/)
    expect(error.message).toMatch(/signature mismatch/)
    expectNoKey(error, wrongKey)
    expect(sandbox.requests).toHaveLength(1)
  })

  it('reports 404 for an unknown tracker on list as auth', async () => {
    const error = await caught(client({ trackerId: '9999-0000' }).list({ limit: 1, offset: 0 }))
    expect(error.kind).toBe('auth')
    expect(error.message).toMatch(/tracker not found/)
  })

  it('shows the body of a 422 and does not retry it', async () => {
    const bad = {
      ...body,
      pin_definitions: [{ position: -2, pin_type: 'item' as const, pin_identity: 'x' }],
    }
    const error = await caught(client().create(bad))
    expect(error.kind).toBe('invalid')
    expect(error.status).toBe(422)
    expect(error.message).toMatch(/pin_definitions\[0\]\.position must be an integer >= -1/)
    expect(error.body).toMatch(/^\{"message":/)
    expect(sandbox.requests).toHaveLength(1)
  })

  it('reports 400 on update as invalid', async () => {
    seed(1)
    const [id] = [...sandbox.store.keys()]
    const error = await caught(client().update(id!, { ...body, model: '' }))
    expect(error.kind).toBe('invalid')
    expect(error.status).toBe(400)
    expect(error.message).toMatch(/model is required/)
  })

  it('truncates a long non-JSON error body', async () => {
    sandbox.inject({ match: { op: 'get' }, status: 500, body: `<html>${'x'.repeat(2000)}</html>` })
    const error = await caught(client({ maxAttempts: 1 }).get('some-id'))
    expect(error.kind).toBe('server')
    expect(error.message).toContain(`<html>${'x'.repeat(494)}…`)
    expect(error.message.length).toBeLessThan(700)
    expect(error.body).toHaveLength(501)
  })

  it('retries a read whose success body is garbled', async () => {
    seed(1)
    const [id] = [...sandbox.store.keys()]
    sandbox.inject({ match: { op: 'get' }, malformedBody: true })
    expect((await client().get(id!)).id).toBe(id)
  })

  it('says so when a success body is not JSON on the last attempt', async () => {
    seed(1)
    const [id] = [...sandbox.store.keys()]
    sandbox.inject({ match: { op: 'get' }, malformedBody: true })
    const error = await caught(client({ maxAttempts: 1 }).get(id!))
    expect(error.kind).toBe('unexpected')
    expect(error).not.toBeInstanceOf(OutcomeUnknownError)
    expect(error.message).toMatch(/answered HTTP 200 but the body is not JSON: \{"id": "trunc/)
  })

  it('rejects a list response without pagination', async () => {
    const fetch = async () => new Response(JSON.stringify({ results: [] }), { status: 200 })
    const error = await caught(client({ fetch }).list({ limit: 1, offset: 0 }))
    expect(error.message).toMatch(/pagination.total/)
  })

  it('times out a slow response and retries idempotent requests', async () => {
    seed(1)
    const [id] = [...sandbox.store.keys()]
    sandbox.inject({ match: { op: 'get' }, delayMs: 500 })
    expect((await client({ timeoutMs: 100 }).get(id!)).id).toBe(id)
    expect(retries[0]?.error.kind).toBe('timeout')

    sandbox.inject({ match: { op: 'get' }, delayMs: 500 })
    const error = await caught(client({ timeoutMs: 100, maxAttempts: 1 }).get(id!))
    expect(error.kind).toBe('timeout')
    expect(error.status).toBeUndefined()
  })

  it('reports a redirect instead of following it', async () => {
    const fetch = async () =>
      new Response(null, { status: 302, headers: { location: 'https://example.com/' } })
    const error = await caught(client({ fetch }).get('x'))
    expect(error.kind).toBe('unexpected')
    expect(error.message).toMatch(/redirected to https:\/\/example.com\/: check the api-url/)
  })

  it('redacts the key if the server echoes it back', async () => {
    const fetch = async () => new Response(`bad key ${KEY}`, { status: 400 })
    const error = await caught(client({ fetch }).get('x'))
    expect(error.message).toMatch(/bad key \*\*\*/)
    expectNoKey(error)
  })

  it('redacts the key from a reason phrase and from a redirect target too', async () => {
    const reason = async () => new Response('', { status: 503, statusText: `No ${KEY}` })
    const redirect = async () =>
      new Response(null, { status: 302, headers: { location: `https://x.test/?k=${KEY}` } })
    for (const fetch of [reason, redirect]) {
      const error = await caught(client({ fetch, maxAttempts: 1 }).get('x'))
      expect(error.message).toContain('***')
      expectNoKey(error)
    }
  })

  it('never exposes the key on any error it throws', async () => {
    sandbox.inject({ match: { op: 'get' }, status: 503, times: Infinity })
    const errors = [
      await caught(client({ maxAttempts: 2 }).get('x')),
      await caught(client({ timeoutMs: 1, apiUrl: 'http://127.0.0.1:9' }).create(body)),
      ...retries.map((r) => r.error),
    ]
    for (const error of errors) expectNoKey(error)
  })
})

describe('concurrency', () => {
  it('never has more than `concurrency` requests in flight', async () => {
    seed(12)
    const ids = [...sandbox.store.keys()]
    sandbox.inject({ match: { op: 'get' }, delayMs: 40, times: Infinity })
    const api = client({ concurrency: 3 })
    await Promise.all(ids.map((id) => api.get(id)))
    expect(sandbox.stats().maxInFlight).toBe(3)
    expect(sandbox.stats().byMethod).toEqual({ GET: 12 })
  })

  it('does not hold a slot while sleeping before a retry', async () => {
    seed(2)
    const [first, second] = [...sandbox.store.keys()]
    sandbox.inject({ match: { pathPrefix: `${BASE}/scope/${first}` }, status: 503 })
    let wake = () => {}
    let asleep = () => {}
    const sleeping = new Promise<void>((resolve) => (asleep = resolve))
    const api = client({
      concurrency: 1,
      sleep: () =>
        new Promise<void>((resolve) => {
          wake = resolve
          asleep()
        }),
    })
    const a = api.get(first!)
    await sleeping
    // With the only slot free during the sleep, the other request completes first.
    expect((await api.get(second!)).id).toBe(second)
    wake()
    expect((await a).id).toBe(first)
    expect(sandbox.requests.map((r) => [r.path.endsWith(first!) ? 'a' : 'b', r.status])).toEqual([
      ['a', 503],
      ['b', 200],
      ['a', 200],
    ])
  })
})

describe('createClient', () => {
  it('validates its inputs, naming them', () => {
    const base = { apiUrl: 'https://live.luigisbox.com', trackerId: TRACKER, privateKey: KEY }
    expect(() => createClient({ ...base, apiUrl: 'http://example.com' })).toThrow(InputError)
    expect(() => createClient({ ...base, trackerId: '../x' })).toThrow(/tracker-id/)
    expect(() => createClient({ ...base, privateKey: '' })).toThrow(/private-key/)
    expect(() => createClient({ ...base, concurrency: 0 })).toThrow(RangeError)
    expect(() => createClient({ ...base, maxAttempts: 1.5 })).toThrow(RangeError)
    expect(() => createClient({ ...base, timeoutMs: -1 })).toThrow(RangeError)
  })

  it('keeps the key out of the client object', () => {
    const api = createClient({
      apiUrl: 'https://live.luigisbox.com',
      trackerId: TRACKER,
      privateKey: KEY,
    })
    expect(JSON.stringify(Object.entries(api).map(([k, v]) => [k, String(v)]))).not.toContain(KEY)
  })
})

describe('preview', () => {
  it('collapses whitespace and keeps short text whole', () => {
    expect(preview(' a\n\n b\t')).toBe('a b')
  })
  it('does not split a surrogate pair', () => {
    expect(preview('😀'.repeat(10), 3)).toBe('😀😀😀…')
  })
})

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}
