import { spawnSync } from 'node:child_process'
import { createHmac } from 'node:crypto'
import { type Sandbox, startSandbox } from '../../tools/sandbox/server.js'
import { expectedSignature } from '../../tools/sandbox/signature.js'

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
const valid = {
  model: 'basket',
  target_type: 'item',
  target_identity: '/p/1/',
  pin_definitions: [{ position: 1, pin_type: 'item', pin_identity: '/p/2/' }],
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
    for (let i = 0; i < 120; i++) {
      const id = `id-${i}`
      sandbox.store.set(id, { ...valid, target_identity: `/p/${i}/`, id })
    }
    const page = async (query: string) =>
      JSON.parse(
        (await call({ method: 'POST', path: `${BASE}/scopes`, query, body: '{}' })).text,
      ) as {
        pagination: { total: number }
        results: { id: string }[]
      }
    expect((await page('')).results).toHaveLength(10)
    expect((await page('limit=500')).results).toHaveLength(100)
    const last = await page('limit=50&offset=100')
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
