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
  fetch: typeof globalThis.fetch
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
  const { trackerId, privateKey, timeoutMs, maxBodyBytes } = connection
  // Fresh for every attempt: the server rejects a Date more than 5 s from its clock.
  const date = connection.now().toUTCString()
  const signature = sign(privateKey, {
    method,
    contentType: CONTENT_TYPE,
    date,
    path: url.pathname,
  })
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  try {
    const response = await connection.fetch(url, {
      method,
      headers: {
        'Content-Type': CONTENT_TYPE,
        Date: date,
        Authorization: authorization(trackerId, signature),
        Accept: 'application/json',
      },
      body,
      signal: connection.signal
        ? AbortSignal.any([controller.signal, connection.signal])
        : controller.signal,
      // A followed redirect would carry a signature made for another path, or turn a POST into
      // a GET; better to report where the api-url points.
      redirect: 'manual',
    })
    const text = await readCapped(response, maxBodyBytes)
    if (text === undefined) {
      controller.abort()
      return { type: 'oversized', status: response.status, maxBodyBytes }
    }
    return {
      type: 'response',
      status: response.status,
      statusText: response.statusText,
      retryAfter: response.headers.get('retry-after'),
      location: response.headers.get('location'),
      text,
    }
  } catch (error) {
    if (controller.signal.aborted || connection.signal?.aborted)
      return { type: 'timeout', timeoutMs }
    return { type: 'network', codes: errorCodes(error), detail: errorDetail(error) }
  } finally {
    clearTimeout(timer)
  }
}

/**
 * The body as text, or undefined once it passes `maxBytes`: a server that streams without end
 * must not fill the runner's memory.
 */
async function readCapped(response: Response, maxBytes: number): Promise<string | undefined> {
  if (!response.body) return ''
  const chunks: Uint8Array[] = []
  let length = 0
  for await (const chunk of response.body) {
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
