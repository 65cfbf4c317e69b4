import { randomUUID } from 'node:crypto'
import { type JsonObject, parseBody } from './json-body.js'
import { list } from './list.js'
import { Reply } from './reply.js'
import type { Route } from './routes.js'
import type { Store } from './store.js'
import { stored } from './stored-fields.js'
import { validate } from './validation.js'

/** Carries out an authenticated request for one of the API's operations. */
export function perform(
  store: Store,
  route: Extract<Route, { kind: 'op' }>,
  query: string,
  requestBody: string,
): Reply {
  switch (route.op) {
    case 'create':
      return create(store, requestBody)
    case 'list':
      return list(store, query, requestBody)
    case 'get':
      return getOne(store, route.id)
    case 'update':
      return update(store, route.id, requestBody)
    case 'delete':
      return remove(store, route.id)
  }
}

function create(store: Store, requestBody: string): Reply {
  const body = validBody(requestBody)
  if (body instanceof Reply) return body
  const id = randomUUID()
  const created = { ...stored(body), id, creator: 'api', created_at: store.now().toISOString() }
  store.customizations.set(id, created)
  store.countWrite()
  return Reply.json(201, created)
}

function getOne(store: Store, id: string): Reply {
  const found = store.customizations.get(id)
  return found ? Reply.json(200, found) : notFound(id)
}

function update(store: Store, id: string, requestBody: string): Reply {
  const found = store.customizations.get(id)
  if (!found) return notFound(id)
  const body = validBody(requestBody)
  if (body instanceof Reply) return body
  // Full replacement: fields left out of the body are gone afterwards.
  store.customizations.set(id, {
    ...stored(body),
    id,
    creator: found.creator,
    created_at: found.created_at,
  })
  store.countWrite()
  return new Reply(204, '')
}

function remove(store: Store, id: string): Reply {
  if (!store.customizations.delete(id)) return notFound(id)
  store.countWrite()
  return new Reply(204, '')
}

/** The body as a valid customization, or the reply that says why it is not one. */
function validBody(requestBody: string): JsonObject | Reply {
  const parsed = parseBody(requestBody)
  return parsed instanceof Reply ? parsed : (validate(parsed) ?? parsed)
}

function notFound(id: string): Reply {
  return Reply.json(404, { message: `Scope ${id} not found` })
}
