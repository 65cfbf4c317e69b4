import { randomUUID } from 'node:crypto'
import { type JsonObject, parseBody } from './json-body.js'
import { list } from './list.js'
import { Reply } from './reply.js'
import { rewriteStored } from './rewrites.js'
import type { Operation, Route } from './routes.js'
import type { Store } from './store.js'
import { stored } from './stored-fields.js'
import { validate } from './validation.js'
import type { Write } from './writes.js'

/**
 * What a request comes to: the answer, and the change to the store it makes. The change is not
 * applied here, so that the server can let it land before or after answering.
 */
export interface Outcome {
  reply: Reply
  write: Write | null
}

/**
 * Carries out an authenticated request for one of the API's operations. `checked` is a create's
 * or update's body as `checkedBody` found it on arrival.
 */
export function perform(
  store: Store,
  route: Extract<Route, { kind: 'op' }>,
  query: string,
  requestBody: string,
  checked: CheckedBody,
): Outcome {
  switch (route.op) {
    case 'create':
      return create(store, checked ?? validBody(requestBody))
    case 'list':
      return answer(list(store, query, requestBody))
    case 'get':
      return answer(getOne(store, route.id))
    case 'update':
      return update(store, route.id, checked ?? validBody(requestBody))
    case 'delete':
      return remove(store, route.id)
  }
}

/** A create's or update's body as a valid customization or the reply saying why it is not one. */
export type CheckedBody = JsonObject | Reply | undefined

/**
 * The body checked, for the operations that take one. It depends on the body alone, so the
 * server can do it as the request arrives, before what depends on the store.
 */
export function checkedBody(op: Operation | undefined, requestBody: string): CheckedBody {
  return op === 'create' || op === 'update' ? validBody(requestBody) : undefined
}

/** An outcome that changes nothing. */
export function answer(reply: Reply): Outcome {
  return { reply, write: null }
}

function create(store: Store, body: JsonObject | Reply): Outcome {
  if (body instanceof Reply) return answer(body)
  const id = randomUUID()
  const { record, applied } = rewriteStored(
    { ...stored(body), id, creator: 'api', created_at: store.now().toISOString() },
    store.rewrites,
  )
  return {
    reply: Reply.json(201, record),
    write: { kind: 'put', id, record, replaces: false, rewrites: applied },
  }
}

function getOne(store: Store, id: string): Reply {
  const found = store.customizations.get(id)
  return found ? Reply.json(200, found) : notFound(id)
}

function update(store: Store, id: string, body: JsonObject | Reply): Outcome {
  const found = store.customizations.get(id)
  if (!found) return answer(notFound(id))
  if (body instanceof Reply) return answer(body)
  // Full replacement: fields left out of the body are gone afterwards.
  const { record, applied } = rewriteStored(
    { ...stored(body), id, creator: found.creator, created_at: found.created_at },
    store.rewrites,
  )
  return {
    reply: new Reply(204, ''),
    write: { kind: 'put', id, record, replaces: true, rewrites: applied },
  }
}

function remove(store: Store, id: string): Outcome {
  if (!store.customizations.has(id)) return answer(notFound(id))
  return { reply: new Reply(204, ''), write: { kind: 'delete', id } }
}

/** The body as a valid customization, or the reply that says why it is not one. */
function validBody(requestBody: string): JsonObject | Reply {
  const parsed = parseBody(requestBody)
  return parsed instanceof Reply ? parsed : (validate(parsed) ?? parsed)
}

function notFound(id: string): Reply {
  return Reply.json(404, { message: `Scope ${id} not found` })
}
