import http from 'node:http'
import https from 'node:https'
import { isRecord } from '../manifest/findings.js'
import { authorization, sign } from './sign.js'
import { CONTENT_TYPE } from './wire.js'

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE'

/** Everything one signed attempt needs besides the request itself. */
export interface Connection {
  trackerId: string
  privateKey: string
  /** Per attempt, including reading the response body. */
  timeoutMs: number
  /** A response body longer than this is not read to its end. */
  maxBodyBytes: number
  /** The run's deadline: aborts the attempt in progress. */
  signal?: AbortSignal
  /** Sends through this instead of `node:http(s)` (tests that shape the answer themselves). */
  fetch?: typeof globalThis.fetch
  now: () => Date
}

/** What one attempt produced, before any decision about it. */
export type Attempt =
  | {
      type: 'response'
      status: number
      statusText: string
      retryAfter: string | null
      location: string | null
      text: string
    }
  | { type: 'oversized'; status: number; maxBodyBytes: number }
  | { type: 'timeout'; timeoutMs: number }
  | { type: 'network'; codes: string[]; detail: string }

export type Answered = Extract<Attempt, { type: 'response' }>

/** Sends the request once; never throws, whatever the network does. */
export async function send(
  connection: Connection,
  url: URL,
  method: Method,
  body: string | undefined,
): Promise<Attempt> {
  const { trackerId, privateKey } = connection
  // Fresh for every attempt: the server rejects a Date more than 5 s from its clock.
  const date = connection.now().toUTCString()
  const signature = sign(privateKey, {
    method,
    contentType: CONTENT_TYPE,
    date,
    path: url.pathname,
  })
  const outgoing: Outgoing = {
    method,
    headers: {
      'Content-Type': CONTENT_TYPE,
      Date: date,
      Authorization: authorization(trackerId, signature),
      Accept: 'application/json',
    },
    body,
  }
  return connection.fetch
    ? fetchAttempt(connection, connection.fetch, url, outgoing)
    : requestOnce(connection, url, outgoing)
}

interface Outgoing {
  method: Method
  headers: Record<string, string>
  body: string | undefined
}

async function fetchAttempt(
  connection: Connection,
  fetch: typeof globalThis.fetch,
  url: URL,
  outgoing: Outgoing,
): Promise<Attempt> {
  const { timeoutMs, maxBodyBytes } = connection
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  const signal = connection.signal
    ? AbortSignal.any([controller.signal, connection.signal])
    : controller.signal
  try {
    const answer = await fetchOnce(fetch, url, { ...outgoing, signal }, maxBodyBytes)
    if (answer.type === 'oversized') controller.abort()
    return answer
  } catch (error) {
    if (controller.signal.aborted || connection.signal?.aborted)
      return { type: 'timeout', timeoutMs }
    return networkFailure(error)
  } finally {
    clearTimeout(timer)
  }
}

function networkFailure(error: unknown): Attempt {
  return { type: 'network', codes: errorCodes(error), detail: errorDetail(error) }
}

type Answer = Extract<Attempt, { type: 'response' | 'oversized' }>

async function fetchOnce(
  fetch: typeof globalThis.fetch,
  url: URL,
  { method, headers, body, signal }: Outgoing & { signal: AbortSignal },
  maxBodyBytes: number,
): Promise<Answer> {
  const response = await fetch(url, {
    method,
    headers,
    body,
    signal,
    // A followed redirect would carry a signature made for another path, or turn a POST into
    // a GET; better to report where the api-url points.
    redirect: 'manual',
  })
  const text = await readCapped(response.body, maxBodyBytes)
  if (text === undefined) return { type: 'oversized', status: response.status, maxBodyBytes }
  return {
    type: 'response',
    status: response.status,
    statusText: response.statusText,
    retryAfter: response.headers.get('retry-after'),
    location: response.headers.get('location'),
    text,
  }
}

// `node:http(s)` with kept-alive connections costs 1–2 ms less CPU per request than `fetch`,
// which at a few hundred requests a second makes the Action, not the server, the bottleneck.
// Idle sockets do not keep the process alive (the agent unrefs them).
const agents = {
  http: new http.Agent({ keepAlive: true }),
  https: new https.Agent({ keepAlive: true }),
}

/**
 * One attempt over `node:http(s)`, which never follows redirects. It ends at the first of: the
 * whole answer, a body past the cap, the attempt's timeout, the run's deadline, a network error.
 * Plain listeners rather than a stream iterator and a combined AbortSignal per attempt: on the
 * path of every request, that machinery took longer than reading the answer itself.
 */
function requestOnce(connection: Connection, url: URL, outgoing: Outgoing): Promise<Attempt> {
  const { timeoutMs, maxBodyBytes, signal } = connection
  if (signal?.aborted) return Promise.resolve({ type: 'timeout', timeoutMs })
  const secure = url.protocol === 'https:'
  const options = {
    method: outgoing.method,
    headers: outgoing.headers,
    agent: secure ? agents.https : agents.http,
  }
  return new Promise((resolve) => {
    let done = false
    const settle = (attempt: Attempt): void => {
      if (done) return
      done = true
      clearTimeout(timer)
      forget()
      resolve(attempt)
      // Whatever is left of the exchange (an oversized body, a late answer) is not read.
      if (attempt.type !== 'response') request.destroy()
    }
    const abandon = () => settle({ type: 'timeout', timeoutMs })
    const timer = setTimeout(abandon, timeoutMs)
    const forget = signal ? onAbort(signal, abandon) : () => undefined
    const request = (secure ? https : http).request(url, options, (response) => {
      const status = response.statusCode ?? 0
      const chunks: Buffer[] = []
      let length = 0
      response.on('data', (chunk: Buffer) => {
        length += chunk.byteLength
        if (length > maxBodyBytes) settle({ type: 'oversized', status, maxBodyBytes })
        else chunks.push(chunk)
      })
      response.on('end', () =>
        settle({
          type: 'response',
          status,
          statusText: response.statusMessage ?? '',
          retryAfter: header(response.headers['retry-after']),
          location: header(response.headers.location),
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      )
      response.on('error', (error) => settle(networkFailure(error)))
      // Closed without an end and without an error: the body was cut short.
      response.on('close', () => {
        if (!done) settle(networkFailure(prematureClose()))
      })
    })
    request.on('error', (error) => settle(networkFailure(error)))
    request.end(outgoing.body)
  })
}

function prematureClose(): Error {
  return Object.assign(new Error('the connection closed before the response ended'), {
    code: 'ERR_STREAM_PREMATURE_CLOSE',
  })
}

/**
 * Every attempt in progress hears the run's deadline through one listener per signal, which
 * is cheaper than a listener per attempt, and does not warn past 10 attempts in flight.
 */
const abortersBySignal = new WeakMap<AbortSignal, Set<() => void>>()

/** Calls `abort` when `signal` aborts; returns the function that stops that. */
function onAbort(signal: AbortSignal, abort: () => void): () => void {
  let aborters = abortersBySignal.get(signal)
  if (!aborters) {
    const all = new Set<() => void>()
    aborters = all
    abortersBySignal.set(signal, all)
    signal.addEventListener('abort', () => all.forEach((f) => f()), { once: true })
  }
  aborters.add(abort)
  const registered = aborters
  return () => registered.delete(abort)
}

/** A header as `fetch` gives it: repeated values joined, absent as null. */
function header(value: string | string[] | undefined): string | null {
  if (value === undefined) return null
  return Array.isArray(value) ? value.join(', ') : value
}

/**
 * The body as text, or undefined once it passes `maxBytes`: a server that streams without end
 * must not fill the runner's memory.
 */
async function readCapped(
  body: AsyncIterable<Uint8Array> | null,
  maxBytes: number,
): Promise<string | undefined> {
  if (!body) return ''
  const chunks: Uint8Array[] = []
  let length = 0
  for await (const chunk of body) {
    length += chunk.byteLength
    if (length > maxBytes) return undefined
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** Every error code in an error's cause chain (fetch wraps the socket error in a TypeError). */
function errorCodes(error: unknown, depth = 0): string[] {
  if (!isRecord(error) && !(error instanceof Error)) return []
  if (depth > 5) return []
  const record = error as Record<string, unknown>
  const own = typeof record.code === 'string' ? [record.code] : []
  const nested = Array.isArray(record.errors) ? record.errors : []
  return [
    ...own,
    ...errorCodes(record.cause, depth + 1),
    ...nested.flatMap((e: unknown) => errorCodes(e, depth + 1)),
  ]
}

/** The innermost message, which names the actual failure ("connect ECONNREFUSED …"). */
function errorDetail(error: unknown): string {
  let current: unknown = error
  const messages: string[] = []
  for (let i = 0; i < 5 && current instanceof Error; i++) {
    messages.push(current.message)
    current = current.cause
  }
  return messages.filter((m) => m !== '').join(': ') || String(error)
}
