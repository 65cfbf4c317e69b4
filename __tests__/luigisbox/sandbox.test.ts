import { spawnSync } from 'node:child_process'
import { createHmac } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import { ALL_REWRITES, type Rewrite } from '../../tools/sandbox/rewrites.js'
import { type Sandbox, startSandbox } from '../../tools/sandbox/server.js'
import { expectedSignature } from '../../tools/sandbox/signature.js'
import { validate } from '../../tools/sandbox/validation.js'

const CT = 'application/json; charset=utf-8'

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox({ trackerId: '1234-5678', privateKey: 'secret' })
})
afterAll(async () => {
  await sandbox.close()
})
beforeEach(() => sandbox.reset())

interface Call {
  method: string
  path: string
  query?: string
  body?: string
  /** Content-Type actually sent. */
  contentType?: string
  /** Content-Type used in the signature, when it should differ from the one sent. */
  signedContentType?: string
  /** Path used in the signature, when it should differ from the one requested. */
  signedPath?: string
  date?: Date
  key?: string
  tracker?: string
  authorization?: string | null
}

// Built from the reference's recipe with node:crypto directly, not with src/luigisbox/sign.ts.
async function call(c: Call): Promise<{ status: number; text: string }> {
  const contentType = c.contentType ?? CT
  const date = (c.date ?? new Date()).toUTCString()
  const message = [c.method, c.signedContentType ?? contentType, date, c.signedPath ?? c.path]
  const signature = createHmac('sha256', c.key ?? 'secret')
    .update(message.join('\n'))
    .digest('base64')
  const headers: Record<string, string> = { 'Content-Type': contentType, Date: date }
  const auth =
    c.authorization === undefined
      ? `ApiAuth ${c.tracker ?? '1234-5678'}:${signature}`
      : c.authorization
  if (auth !== null) headers.Authorization = auth
  const response = await fetch(`${sandbox.url}${c.path}${c.query ? `?${c.query}` : ''}`, {
    method: c.method,
    headers,
    body: c.body,
  })
  return { status: response.status, text: await response.text() }
}

const BASE = '/v1/recommender/pin/1234-5678'

function signedHeaders(method: string, path: string): Record<string, string> {
  const date = new Date().toUTCString()
  const signature = expectedSignature('secret', method, CT, date, path)
  return { 'Content-Type': CT, Date: date, Authorization: `ApiAuth 1234-5678:${signature}` }
}
const valid = {
  model: 'basket',
  target_type: 'item',
  target_identity: '/p/1/',
  pin_definitions: [{ position: 1, pin_type: 'item', pin_identity: '/p/2/' }],
}

type Live = Record<string, unknown>
interface Page {
  pagination: { total: number }
  results: Live[]
}

async function create(body: object): Promise<Live> {
  const res = await call({ method: 'POST', path: `${BASE}/scope`, body: JSON.stringify(body) })
  expect(res.status).toBe(201)
  return JSON.parse(res.text) as Live
}

/** The live object, or null on 404. */
async function getOne(id: string): Promise<Live | null> {
  const res = await call({ method: 'GET', path: `${BASE}/scope/${id}` })
  if (res.status === 404) return null
  expect(res.status).toBe(200)
  return JSON.parse(res.text) as Live
}

async function listed(query = ''): Promise<Page> {
  const res = await call({ method: 'POST', path: `${BASE}/scopes`, query, body: '{}' })
  expect(res.status).toBe(200)
  return JSON.parse(res.text) as Page
}

function ids(page: Page): unknown[] {
  return page.results.map((r) => r.id)
}

/** `count` customizations `id-0`… straight into the store, in that (list) order. */
function seed(count: number): void {
  for (let i = 0; i < count; i++) {
    const id = `id-${i}`
    sandbox.store.set(id, { ...valid, target_identity: `/p/${i}/`, id })
  }
}

describe('signature verification', () => {
  it('accepts a correctly signed request', async () => {
    const res = await call({
      method: 'POST',
      path: `${BASE}/scopes`,
      query: 'model=basket',
      body: '{}',
    })
    expect(res.status).toBe(200)
    expect(JSON.parse(res.text)).toEqual({ pagination: { total: 0 }, results: [] })
  })

  it('accepts a create signed with openssl, as the reference shows', async () => {
    const date = new Date().toUTCString()
    const path = `${BASE}/scope`
    const run = spawnSync('sh', ['-c', 'openssl dgst -sha256 -hmac "$KEY" -binary | base64'], {
      input: `POST\n${CT}\n${date}\n${path}`,
      env: { ...process.env, KEY: 'secret' },
    })
    const signature = run.stdout.toString().trim()
    const res = await fetch(`${sandbox.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': CT, Date: date, Authorization: `magento2 1234-5678:${signature}` },
      body: JSON.stringify(valid),
    })
    expect(res.status).toBe(201)
  })

  it('computes the reference test vectors', () => {
    const date = 'Mon, 20 Jan 2025 12:00:00 GMT'
    expect(expectedSignature('secret', 'POST', CT, date, `${BASE}/scope`)).toBe(
      'l/3Svb0LB12l0f5vqnyfwwtau8MSBkptXTr5Ykmrebc=',
    )
    expect(expectedSignature('secret', 'POST', CT, date, `${BASE}/scopes`)).toBe(
      'OZ33AurqnIrZz+BEmnI3zNCCbVwIrb21SiIpufw/IhY=',
    )
  })

  it('rejects a wrong signature (wrong key)', async () => {
    const res = await call({ method: 'POST', path: `${BASE}/scopes`, body: '{}', key: 'wrong' })
    expect(res.status).toBe(401)
    expect(res.text).toMatch(/signature/)
    expect(res.text.length).toBeLessThan(200)
  })

  it.each([6000, -6000])('rejects a Date %i ms off', async (skew) => {
    const res = await call({
      method: 'POST',
      path: `${BASE}/scopes`,
      body: '{}',
      date: new Date(Date.now() + skew),
    })
    expect(res.status).toBe(401)
    expect(res.text).toMatch(/Date/)
  })

  it('accepts a Date 3 s off', async () => {
    const res = await call({
      method: 'POST',
      path: `${BASE}/scopes`,
      body: '{}',
      date: new Date(Date.now() - 3000),
    })
    expect(res.status).toBe(200)
  })

  it('rejects a signature computed over the path with the query', async () => {
    const query = 'model=basket&limit=10'
    const res = await call({
      method: 'POST',
      path: `${BASE}/scopes`,
      query,
      signedPath: `${BASE}/scopes?${query}`,
      body: '{}',
    })
    expect(res.status).toBe(401)
  })

  it('rejects a Content-Type different from the signed one', async () => {
    const res = await call({
      method: 'POST',
      path: `${BASE}/scopes`,
      body: '{}',
      contentType: 'application/json',
      signedContentType: CT,
    })
    expect(res.status).toBe(401)
  })

  it('accepts any Content-Type as long as it is the one signed', async () => {
    const res = await call({
      method: 'POST',
      path: `${BASE}/scopes`,
      body: '{}',
      contentType: 'application/json',
    })
    expect(res.status).toBe(200)
  })

  it.each([
    ['missing', null],
    ['malformed', 'ApiAuth nocolon'],
    ['no label', '1234-5678:abc'],
  ])('rejects a %s Authorization header', async (_label, authorization) => {
    const res = await call({ method: 'POST', path: `${BASE}/scopes`, body: '{}', authorization })
    expect(res.status).toBe(401)
  })

  it('rejects an Authorization naming another tracker', async () => {
    const res = await call({
      method: 'POST',
      path: `${BASE}/scopes`,
      body: '{}',
      tracker: '9999-0000',
    })
    expect(res.status).toBe(401)
  })

  it('answers 404 for an unknown tracker in the path', async () => {
    const res = await call({
      method: 'POST',
      path: '/v1/recommender/pin/9999-0000/scopes',
      body: '{}',
      tracker: '9999-0000',
    })
    expect(res.status).toBe(404)
  })

  it('signs GET and DELETE too', async () => {
    const created = await call({
      method: 'POST',
      path: `${BASE}/scope`,
      body: JSON.stringify(valid),
    })
    const { id } = JSON.parse(created.text) as { id: string }
    expect((await call({ method: 'GET', path: `${BASE}/scope/${id}` })).status).toBe(200)
    expect((await call({ method: 'GET', path: `${BASE}/scope/${id}`, key: 'x' })).status).toBe(401)
    expect((await call({ method: 'DELETE', path: `${BASE}/scope/${id}` })).status).toBe(204)
    expect((await call({ method: 'GET', path: `${BASE}/scope/${id}` })).status).toBe(404)
  })
})

describe('customizations', () => {
  it('creates, lists, replaces and deletes', async () => {
    const created = await call({
      method: 'POST',
      path: `${BASE}/scope`,
      body: JSON.stringify({ ...valid, tags: ['a'] }),
    })
    const live = JSON.parse(created.text) as Record<string, unknown>
    expect(live).toMatchObject({ ...valid, tags: ['a'], creator: 'api' })
    expect(live.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(typeof live.created_at).toBe('string')

    const update = { ...valid, target_identity: '/p/9/' }
    const put = await call({
      method: 'PUT',
      path: `${BASE}/scope/${String(live.id)}`,
      body: JSON.stringify(update),
    })
    expect(put).toEqual({ status: 204, text: '' })
    const stored = sandbox.store.get(String(live.id))
    expect(stored).toMatchObject(update)
    expect(stored).not.toHaveProperty('tags') // full replacement
    expect(stored?.created_at).toBe(live.created_at)

    const listed = await call({
      method: 'POST',
      path: `${BASE}/scopes`,
      query: 'target_identity=%2Fp%2F9%2F',
      body: '{}',
    })
    const page = JSON.parse(listed.text) as { pagination: { total: number }; results: unknown[] }
    expect(page.pagination.total).toBe(1)
    expect(page.results[0]).toMatchObject({ id: live.id, available: true, creator: 'api' })
    expect(sandbox.stats().writes).toBe(2)
  })

  it('pages with limit (default 10, max 100) and offset', async () => {
    seed(120)
    expect((await listed('')).results).toHaveLength(10)
    expect((await listed('limit=500')).results).toHaveLength(100)
    const last = await listed('limit=50&offset=100')
    expect(last.pagination.total).toBe(120)
    expect(last.results.map((r) => r.id)[0]).toBe('id-100')
    expect(last.results).toHaveLength(20)
    const bad = await call({
      method: 'POST',
      path: `${BASE}/scopes`,
      query: 'limit=-1',
      body: '{}',
    })
    expect(bad.status).toBe(400)
  })

  it.each([
    ['malformed JSON', '{"model":', 400, /not valid JSON/],
    ['an array', '[]', 400, /JSON object/],
    ['no model', JSON.stringify({ ...valid, model: undefined }), 400, /model/],
    [
      'item target without identity',
      JSON.stringify({ ...valid, target_identity: undefined }),
      400,
      /target_identity/,
    ],
    [
      'criteria target without criteria',
      JSON.stringify({ ...valid, target_type: 'criteria' }),
      400,
      /target_criteria/,
    ],
    [
      'bad target_type',
      JSON.stringify({ ...valid, target_type: 'everything' }),
      400,
      /target_type/,
    ],
    ['tags not strings', JSON.stringify({ ...valid, tags: [1] }), 400, /tags/],
    ['no pins', JSON.stringify({ ...valid, pin_definitions: undefined }), 400, /pin_definitions/],
    [
      'position -2',
      JSON.stringify({
        ...valid,
        pin_definitions: [{ position: -2, pin_type: 'item', pin_identity: 'x' }],
      }),
      422,
      /position/,
    ],
    [
      'position 1.5',
      JSON.stringify({
        ...valid,
        pin_definitions: [{ position: 1.5, pin_type: 'item', pin_identity: 'x' }],
      }),
      422,
      /position/,
    ],
    [
      'item pin without identity',
      JSON.stringify({ ...valid, pin_definitions: [{ position: 1, pin_type: 'item' }] }),
      422,
      /pin_identity/,
    ],
    [
      'criteria pin without criteria',
      JSON.stringify({ ...valid, pin_definitions: [{ position: 1, pin_type: 'criteria' }] }),
      422,
      /pin_criteria/,
    ],
    [
      'bad active_from',
      JSON.stringify({
        ...valid,
        pin_definitions: [
          { position: 1, pin_type: 'item', pin_identity: 'x', active_from: 'tomorrow' },
        ],
      }),
      422,
      /active_from/,
    ],
  ])('rejects %s', async (_label, body, status, message) => {
    const res = await call({ method: 'POST', path: `${BASE}/scope`, body })
    expect(res.status).toBe(status)
    expect(res.text).toMatch(message)
    expect(sandbox.store.size).toBe(0)
  })

  it('accepts criteria targets and pins', async () => {
    const body = {
      model: 'home',
      target_type: 'criteria',
      target_criteria: { brand: 'Fender' },
      pin_definitions: [
        { position: -1, pin_type: 'criteria', pin_criteria: { brand: 'Gibson' } },
        {
          position: 0,
          pin_type: 'item',
          pin_identity: '/p/3/',
          is_block_pin: true,
          active_to: '2099-01-01T00:00:00Z',
        },
      ],
    }
    const res = await call({ method: 'POST', path: `${BASE}/scope`, body: JSON.stringify(body) })
    expect(res.status).toBe(201)
  })

  it('stores only the fields it knows and manages id and created_at itself', async () => {
    const body = {
      ...valid,
      id: 'mine',
      created_at: '2000-01-01T00:00:00Z',
      extra: 1,
      pin_definitions: [{ position: 1, pin_type: 'item', pin_identity: '/p/2/', color: 'red' }],
    }
    const res = await call({ method: 'POST', path: `${BASE}/scope`, body: JSON.stringify(body) })
    const live = JSON.parse(res.text) as Record<string, unknown>
    expect(live.id).not.toBe('mine')
    expect(live.created_at).not.toBe('2000-01-01T00:00:00Z')
    expect(live).not.toHaveProperty('extra')
    expect(live.pin_definitions).toEqual([{ position: 1, pin_type: 'item', pin_identity: '/p/2/' }])
  })

  it('answers 404 for unknown ids', async () => {
    expect((await call({ method: 'GET', path: `${BASE}/scope/nope` })).status).toBe(404)
    expect(
      (await call({ method: 'PUT', path: `${BASE}/scope/nope`, body: JSON.stringify(valid) }))
        .status,
    ).toBe(404)
    expect((await call({ method: 'DELETE', path: `${BASE}/scope/nope` })).status).toBe(404)
  })
})

describe('latency', () => {
  it('answers every request latencyMs after it arrived', async () => {
    const slow = await startSandbox({ trackerId: '1234-5678', privateKey: 'secret', latencyMs: 30 })
    try {
      const body = JSON.stringify(valid)
      for (let i = 0; i < 20; i++) {
        const started = performance.now()
        const res = await fetch(`${slow.url}${BASE}/scope`, {
          method: 'POST',
          headers: signedHeaders('POST', `${BASE}/scope`),
          body,
        })
        expect(res.status).toBe(201)
        await res.text()
        // Node's timers count whole milliseconds: one may fire up to a millisecond early.
        expect(performance.now() - started).toBeGreaterThanOrEqual(29)
      }
      expect(slow.store.size).toBe(20)
    } finally {
      await slow.close()
    }
  })

  it('checks a body as it arrives but reads the store as it answers', async () => {
    const id = String((await create(valid)).id)
    sandbox.inject({ match: { op: 'update' }, delayMs: 150, times: 2 })
    const invalid = call({ method: 'PUT', path: `${BASE}/scope/${id}`, body: '{"model": 1}' })
    const put = call({ method: 'PUT', path: `${BASE}/scope/${id}`, body: JSON.stringify(valid) })
    await sleep(50)
    expect((await call({ method: 'DELETE', path: `${BASE}/scope/${id}` })).status).toBe(204)
    // Deleted while they waited: both are answered for the record as it is by then.
    expect((await invalid).status).toBe(404)
    expect((await put).status).toBe(404)
    expect(sandbox.store.size).toBe(0)
  })
})

describe('faults', () => {
  it('injects a status with Retry-After a given number of times', async () => {
    sandbox.inject({ match: { op: 'list' }, status: 429, retryAfter: '1', times: 2 })
    const first = await fetchRaw()
    expect(first.status).toBe(429)
    expect(first.headers.get('retry-after')).toBe('1')
    expect((await fetchRaw()).status).toBe(429)
    expect((await fetchRaw()).status).toBe(200)
  })

  it('drops the connection after applying a write', async () => {
    sandbox.inject({ match: { method: 'POST', pathPrefix: `${BASE}/scope` }, dropAfterApply: true })
    await expect(
      call({ method: 'POST', path: `${BASE}/scope`, body: JSON.stringify(valid) }),
    ).rejects.toThrow()
    expect(sandbox.store.size).toBe(1)
    expect(sandbox.requests[0]?.status).toBeNull()
  })

  it('answers a success with a malformed body', async () => {
    sandbox.inject({ match: { op: 'create' }, malformedBody: true })
    const res = await call({ method: 'POST', path: `${BASE}/scope`, body: JSON.stringify(valid) })
    expect(res.status).toBe(201)
    expect(() => JSON.parse(res.text) as unknown).toThrow()
  })

  it('injects random faults repeatably from a seed', async () => {
    const outcomes = async () => {
      const s = await startSandbox({ faultRate: 0.5, faults: ['503', '500'], seed: 42 })
      const statuses: number[] = []
      for (let i = 0; i < 12; i++) {
        const date = new Date().toUTCString()
        const path = `${BASE}/scopes`
        const sig = createHmac('sha256', 'secret')
          .update(`POST\n${CT}\n${date}\n${path}`)
          .digest('base64')
        const res = await fetch(`${s.url}${path}`, {
          method: 'POST',
          headers: { 'Content-Type': CT, Date: date, Authorization: `ApiAuth 1234-5678:${sig}` },
          body: '{}',
        })
        statuses.push(res.status)
      }
      await s.close()
      return statuses
    }
    const first = await outcomes()
    expect(await outcomes()).toEqual(first)
    expect(first.some((s) => s === 200)).toBe(true)
    expect(first.some((s) => s >= 500)).toBe(true)
  })

  it('reports the largest number of requests in flight', async () => {
    sandbox.inject({ match: { op: 'list' }, delayMs: 100, times: Infinity })
    await Promise.all([fetchRaw(), fetchRaw(), fetchRaw()])
    expect(sandbox.stats().maxInFlight).toBe(3)
    expect(sandbox.stats().byMethod).toEqual({ POST: 3 })
  })
})

function fetchRaw(): Promise<Response> {
  const date = new Date().toUTCString()
  const path = `${BASE}/scopes`
  const sig = createHmac('sha256', 'secret')
    .update(`POST\n${CT}\n${date}\n${path}`)
    .digest('base64')
  return fetch(`${sandbox.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': CT, Date: date, Authorization: `ApiAuth 1234-5678:${sig}` },
    body: '{}',
  })
}

describe('rewrites of stored bodies', () => {
  // Something for every rewrite to change: no target_identity (nulls), metadata, a scalar and an
  // array criterion, tags out of order with a repeat, pins out of order (two share position 1),
  // date-times with an offset and with more than microseconds, pins missing optional fields.
  const rich = {
    model: 'home',
    target_type: 'criteria',
    target_criteria: { brand: 'Fender', color: ['red', 'blue'] },
    target_metadata: { title: 'Guitars' },
    tags: ['b', 'a', 'b'],
    pin_definitions: [
      {
        position: 3,
        pin_type: 'item',
        pin_identity: '/p/3/',
        active_from: '2026-12-01T01:00:00+01:00',
      },
      { position: 1, pin_type: 'criteria', pin_criteria: { brand: 'Gibson' }, widget_id: 'w1' },
      {
        position: 1,
        pin_type: 'item',
        pin_identity: '/p/1/',
        active_to: '2026-12-31T23:59:59.1234567Z',
        is_block_pin: false,
      },
    ],
  }
  const [pin3, pinCriteria, pin1] = rich.pin_definitions
  const defaults = {
    is_block_pin: false,
    is_bundle_pin: false,
    widget_id: null,
    active_from: null,
    active_to: null,
    pin_identity: null,
    pin_criteria: null,
  }
  const PYTHON_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}\+00:00$/

  /** What the server keeps of `rich` under each rewrite alone, minus id, creator, created_at. */
  const expected: Record<Rewrite, object> = {
    'pin-defaults': {
      ...rich,
      pin_definitions: [
        { ...defaults, ...pin3 },
        { ...defaults, ...pinCriteria },
        { ...defaults, ...pin1 },
      ],
    },
    'pin-order': { ...rich, pin_definitions: [pinCriteria, pin1, pin3] },
    'date-format': {
      ...rich,
      pin_definitions: [
        { ...pin3, active_from: '2026-12-01T00:00:00.000000+00:00' },
        pinCriteria,
        { ...pin1, active_to: '2026-12-31T23:59:59.123456+00:00' },
      ],
    },
    'tag-order': { ...rich, tags: ['a', 'b'] },
    'criteria-values': {
      ...rich,
      target_criteria: { brand: ['Fender'], color: ['red', 'blue'] },
      pin_definitions: [pin3, { ...pinCriteria, pin_criteria: { brand: ['Gibson'] } }, pin1],
    },
    'no-metadata': { ...rich, target_metadata: undefined },
    nulls: { ...rich, target_identity: null },
  }

  /** The same object from create's 201, get and list, without the server's own fields. */
  async function roundTrip(body: object): Promise<Live> {
    const created = await create(body)
    const id = String(created.id)
    const { available, ...fromList } = (await listed()).results.find((r) => r.id === id) ?? {}
    expect(available).toBe(true)
    expect(await getOne(id)).toEqual(created)
    expect(fromList).toEqual(created)
    expect(sandbox.store.get(id)).toEqual(created)
    const { id: _id, creator: _creator, created_at: _createdAt, ...rest } = created
    return rest
  }

  it('stores the body verbatim when none is on', async () => {
    expect(await roundTrip(rich)).toEqual(rich)
    expect(sandbox.requests[0]?.rewrites).toEqual([])
  })

  it.each(ALL_REWRITES.map((r) => [r]))('%s: create, get and list agree', async (rewrite) => {
    sandbox.setRewrites([rewrite])
    expect(await roundTrip(rich)).toEqual(JSON.parse(JSON.stringify(expected[rewrite])))
    expect(sandbox.requests[0]?.rewrites).toEqual([rewrite])
  })

  it('date-format re-spells created_at too', async () => {
    sandbox.setRewrites(['date-format'])
    expect((await create(valid)).created_at).toMatch(PYTHON_DATE_TIME)
  })

  it('nulls leaves no field unset, and no-metadata wins over it', async () => {
    sandbox.setRewrites(['nulls'])
    expect(await roundTrip(valid)).toEqual({
      ...valid,
      target_criteria: null,
      target_metadata: null,
      tags: null,
    })
    sandbox.setRewrites(['nulls', 'no-metadata'])
    expect(await roundTrip(valid)).toEqual({ ...valid, target_criteria: null, tags: null })
  })

  it('logs only the rewrites that changed something', async () => {
    sandbox.setRewrites(ALL_REWRITES)
    await create({ ...valid, tags: ['x'] })
    expect(sandbox.requests[0]?.rewrites).toEqual([
      'date-format', // created_at
      'pin-defaults',
      'nulls',
    ])
  })

  it('compose: ALL_REWRITES applies every one', async () => {
    sandbox.setRewrites([...ALL_REWRITES].reverse()) // the order given does not matter
    const live = await roundTrip(rich)
    expect(live).toEqual({
      model: 'home',
      target_type: 'criteria',
      target_identity: null,
      target_criteria: { brand: ['Fender'], color: ['red', 'blue'] },
      tags: ['a', 'b'],
      pin_definitions: [
        { ...defaults, ...pinCriteria, pin_criteria: { brand: ['Gibson'] } },
        { ...defaults, ...pin1, active_to: '2026-12-31T23:59:59.123456+00:00' },
        { ...defaults, ...pin3, active_from: '2026-12-01T00:00:00.000000+00:00' },
      ],
    })
    expect(sandbox.requests[0]?.rewrites).toEqual(ALL_REWRITES)
  })

  it('applies to updates, which keep created_at', async () => {
    const created = await create(valid)
    sandbox.setRewrites(ALL_REWRITES)
    const id = String(created.id)
    const put = await call({
      method: 'PUT',
      path: `${BASE}/scope/${id}`,
      body: JSON.stringify(rich),
    })
    expect(put.status).toBe(204)
    const live = await getOne(id)
    expect(live).toMatchObject({ tags: ['a', 'b'], target_identity: null })
    expect(live).not.toHaveProperty('target_metadata')
    // Re-spelled, since the update stores it again, but the same instant.
    expect(live?.created_at).toMatch(PYTHON_DATE_TIME)
    expect(Date.parse(String(live?.created_at))).toBe(Date.parse(String(created.created_at)))
    expect(sandbox.requests[1]?.rewrites).toEqual(ALL_REWRITES)
  })

  it('happen when storing: what is already stored stays as it was', async () => {
    const created = await create(rich)
    sandbox.setRewrites(ALL_REWRITES)
    expect(await getOne(String(created.id))).toEqual(created)
  })

  it('list filters see the stored form', async () => {
    sandbox.setRewrites(ALL_REWRITES)
    await create({ ...rich, tags: ['b', 'b'] })
    await create(valid) // tags stored as null
    expect((await listed('tag=b')).pagination.total).toBe(1)
    expect((await listed('target_identity=%2Fp%2F1%2F')).pagination.total).toBe(1)
  })
})

describe('writes that land late', () => {
  it('answers 504 and lands the create landAfterMs later', async () => {
    sandbox.inject({ match: { op: 'create' }, status: 504, landAfterMs: 300 })
    const started = Date.now()
    const res = await call({ method: 'POST', path: `${BASE}/scope`, body: JSON.stringify(valid) })
    expect(res.status).toBe(504)
    expect((await listed()).pagination.total).toBe(0)
    expect(sandbox.store.size).toBe(0)
    expect(sandbox.requests[0]).toMatchObject({
      write: 'pending',
      fault: expect.stringMatching(/504.*300 ms/),
    })
    expect(sandbox.stats()).toMatchObject({ writes: 0, lateWritesPending: 1, lateWritesLanded: 0 })

    await sandbox.settled()
    expect(Date.now() - started).toBeGreaterThanOrEqual(300)
    const page = await listed()
    expect(page.pagination.total).toBe(1)
    expect(page.results[0]).toMatchObject({ ...valid, creator: 'api' })
    expect(sandbox.requests[0]?.write).toBe('landed')
    expect(sandbox.stats()).toMatchObject({ writes: 1, lateWritesPending: 0, lateWritesLanded: 1 })
  })

  it('lands a create whose connection was dropped before the answer', async () => {
    sandbox.inject({ match: { op: 'create' }, dropBeforeApply: true, landAfterMs: 50 })
    await expect(
      call({ method: 'POST', path: `${BASE}/scope`, body: JSON.stringify(valid) }),
    ).rejects.toThrow()
    expect(sandbox.store.size).toBe(0)
    await sandbox.settled()
    expect(sandbox.store.size).toBe(1)
    expect(sandbox.requests[0]?.status).toBeNull()
  })

  it('with delayMs: the 201 comes first, the record after it', async () => {
    sandbox.inject({ match: { op: 'create' }, delayMs: 50, landAfterMs: 200 })
    const created = await create(valid)
    expect(await getOne(String(created.id))).toBeNull()
    await sandbox.settled()
    expect(await getOne(String(created.id))).toEqual(created)
  })

  it('lands updates and deletes late too', async () => {
    const created = await create(valid)
    const id = String(created.id)
    sandbox.inject({ match: { op: 'update' }, landAfterMs: 50 })
    const changed = { ...valid, target_identity: '/p/9/' }
    const put = await call({
      method: 'PUT',
      path: `${BASE}/scope/${id}`,
      body: JSON.stringify(changed),
    })
    expect(put.status).toBe(204)
    expect(await getOne(id)).toMatchObject(valid)
    await sandbox.settled()
    expect(await getOne(id)).toMatchObject(changed)

    sandbox.inject({ match: { op: 'delete' }, landAfterMs: 50 })
    expect((await call({ method: 'DELETE', path: `${BASE}/scope/${id}` })).status).toBe(204)
    expect(await getOne(id)).not.toBeNull()
    await sandbox.settled()
    expect(await getOne(id)).toBeNull()
    expect(sandbox.stats()).toMatchObject({ writes: 3, lateWritesLanded: 2 })
  })

  it('a late update whose record was deleted meanwhile changes nothing', async () => {
    const id = String((await create(valid)).id)
    // Lands well after the DELETE below, even on a loaded machine.
    sandbox.inject({ match: { op: 'update' }, status: 503, landAfterMs: 1000 })
    const put = await call({
      method: 'PUT',
      path: `${BASE}/scope/${id}`,
      body: JSON.stringify(valid),
    })
    expect(put.status).toBe(503)
    expect((await call({ method: 'DELETE', path: `${BASE}/scope/${id}` })).status).toBe(204)
    await sandbox.settled()
    expect(sandbox.store.size).toBe(0)
    expect(sandbox.requests[1]?.write).toBe('landed')
    expect(sandbox.stats()).toMatchObject({ writes: 2, lateWritesLanded: 1 })
  })

  it('writes nothing late for a request that fails on its own', async () => {
    sandbox.inject({ match: { op: 'create' }, status: 504, landAfterMs: 50 })
    const res = await call({ method: 'POST', path: `${BASE}/scope`, body: '{}' })
    expect(res.status).toBe(504)
    expect(sandbox.requests[0]?.write).toBeNull()
    await sandbox.settled()
    expect(sandbox.store.size).toBe(0)
  })

  it('reset cancels a write not landed yet', async () => {
    sandbox.inject({ match: { op: 'create' }, status: 504, landAfterMs: 100 })
    await call({ method: 'POST', path: `${BASE}/scope`, body: JSON.stringify(valid) })
    sandbox.reset()
    await sandbox.settled()
    await sleep(150)
    expect(sandbox.store.size).toBe(0)
    expect(sandbox.stats()).toMatchObject({ lateWritesPending: 0, lateWritesLanded: 0 })
  })
})

describe('a 201 without id, and a list that lags', () => {
  it('omitId answers the created object without its id; hiddenFromListMs hides it from list', async () => {
    sandbox.inject({ match: { op: 'create' }, omitId: true, hiddenFromListMs: 300 })
    const created = await create(valid)
    expect(created).not.toHaveProperty('id')
    expect(created).toMatchObject({ ...valid, creator: 'api' })
    const [id] = [...sandbox.store.keys()]
    expect(sandbox.requests[0]?.fault).toBe('no id in 201, hidden from list 300 ms')

    expect(await listed('target_identity=%2Fp%2F1%2F')).toEqual({
      pagination: { total: 0 },
      results: [],
    })
    expect(await getOne(String(id))).toEqual({ ...created, id })

    await sandbox.settled()
    const page = await listed('target_identity=%2Fp%2F1%2F')
    expect(page.pagination.total).toBe(1)
    expect(ids(page)).toEqual([id])
  })

  it('hides an updated record from list too, until the lag is over', async () => {
    const id = String((await create(valid)).id)
    sandbox.inject({ match: { op: 'update' }, hiddenFromListMs: 100 })
    await call({ method: 'PUT', path: `${BASE}/scope/${id}`, body: JSON.stringify(valid) })
    expect((await listed()).pagination.total).toBe(0)
    await sandbox.settled()
    expect(ids(await listed())).toEqual([id])
  })

  it('a late write stays hidden for hiddenFromListMs after it lands', async () => {
    sandbox.inject({ match: { op: 'create' }, status: 504, landAfterMs: 50, hiddenFromListMs: 100 })
    await call({ method: 'POST', path: `${BASE}/scope`, body: JSON.stringify(valid) })
    await sleep(100)
    expect(sandbox.store.size).toBe(1)
    expect((await listed()).pagination.total).toBe(0)
    await sandbox.settled() // waits for the lag the landing started as well
    expect((await listed()).pagination.total).toBe(1)
  })
})

describe('pagination modes', () => {
  beforeEach(() => seed(25))

  it('honest: the real total and the page asked for', async () => {
    const page = await listed('limit=10&offset=20')
    expect(page.pagination.total).toBe(25)
    expect(ids(page)).toEqual(['id-20', 'id-21', 'id-22', 'id-23', 'id-24'])
  })

  it('under-report-total: half the real total, real pages', async () => {
    sandbox.setPagination('under-report-total')
    const page = await listed('limit=10&offset=20')
    expect(page.pagination.total).toBe(12)
    expect(ids(page)).toEqual(['id-20', 'id-21', 'id-22', 'id-23', 'id-24'])
  })

  it('over-report-total: 100 more than real, empty pages past the end', async () => {
    sandbox.setPagination('over-report-total')
    const last = await listed('limit=10&offset=20')
    expect(last.pagination.total).toBe(125)
    expect(last.results).toHaveLength(5)
    expect(await listed('limit=10&offset=30')).toEqual({ pagination: { total: 125 }, results: [] })
  })

  it('ignore-offset: the first page whatever the offset', async () => {
    sandbox.setPagination('ignore-offset')
    const first = await listed('limit=10')
    const page = await listed('limit=10&offset=20')
    expect(page.pagination.total).toBe(25)
    expect(ids(page)).toEqual(ids(first))
    expect(ids(page)).toEqual(Array.from({ length: 10 }, (_, i) => `id-${i}`))
  })

  it('endless: real records, then full pages of made-up ones, and a total past every page', async () => {
    sandbox.setPagination('endless')
    const boundary = await listed('limit=10&offset=20')
    expect(boundary.pagination.total).toBe(31)
    expect(ids(boundary).slice(0, 5)).toEqual(['id-20', 'id-21', 'id-22', 'id-23', 'id-24'])
    expect(boundary.results).toHaveLength(10)

    const far = await listed('limit=10&offset=1000')
    expect(far.pagination.total).toBe(1011)
    expect(far.results).toHaveLength(10)
    const big = await listed('limit=500')
    expect(big.pagination.total).toBe(501)
    expect(big.results).toHaveLength(100) // the server's maximum page

    // The same index, the same made-up record; every index its own.
    expect(boundary.results.slice(5)).toEqual(big.results.slice(25, 30))
    const madeIds = [...big.results.slice(25), ...far.results].map((r) => String(r.id))
    expect(new Set(madeIds).size).toBe(85)
    for (const id of madeIds) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
      expect(sandbox.store.has(id)).toBe(false)
    }
    expect(await getOne(madeIds[0] ?? '')).toBeNull()
    expect(await listed('limit=10&offset=1000')).toEqual(far) // the same lie each time
  })

  it('endless: made-up records match the filters and are valid customizations', async () => {
    sandbox.setPagination('endless')
    sandbox.setRewrites(['tag-order'])
    const page = await listed('model=home&target_type=criteria&tag=sale&limit=20')
    expect(page.pagination.total).toBe(21)
    expect(page.results).toHaveLength(20)
    for (const made of page.results) {
      expect(made).toMatchObject({
        model: 'home',
        target_type: 'criteria',
        tags: ['sale'],
        creator: 'api',
        available: true,
      })
      expect(validate(made)).toBeNull()
    }
    const items = await listed('model=basket&target_identity=%2Fp%2Fx%2F&limit=3')
    expect(items.results.map((r) => [r.model, r.target_type, r.target_identity])).toEqual(
      Array.from({ length: 3 }, () => ['basket', 'item', '/p/x/']),
    )
  })
})

describe('modes', () => {
  it('reset puts the modes back to none and honest', async () => {
    sandbox.setRewrites(ALL_REWRITES)
    sandbox.setPagination('endless')
    sandbox.reset()
    expect(await listed()).toEqual({ pagination: { total: 0 }, results: [] })
    const { id: _id, creator: _c, created_at: _at, ...rest } = await create(valid)
    expect(rest).toEqual(valid)
  })

  it('can start with modes, and reset goes back to those', async () => {
    const other = await startSandbox({ rewrites: ['tag-order'], pagination: 'under-report-total' })
    const previous = sandbox
    sandbox = other
    try {
      await create({ ...valid, tags: ['b', 'a'] })
      await create(valid)
      expect(await listed()).toMatchObject({
        pagination: { total: 1 },
        results: [{ tags: ['a', 'b'] }, {}],
      })
      other.setRewrites([])
      other.setPagination('honest')
      other.reset()
      await create({ ...valid, tags: ['b', 'a'] })
      expect(await listed()).toMatchObject({
        pagination: { total: 0 },
        results: [{ tags: ['a', 'b'] }],
      })
    } finally {
      sandbox = previous
      await other.close()
    }
  })
})
