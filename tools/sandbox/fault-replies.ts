import type { Fault } from './faults.js'
import { isObject } from './json-body.js'
import { Reply } from './reply.js'
import type { Operation } from './routes.js'

/**
 * What the client is answered when `fault` hits a request whose own answer is `own` (null when
 * the request was not handled): the fault's status in its place, or the own answer spoiled.
 */
export function faultyReply(
  fault: Required<Fault> | null,
  own: Reply | null,
  op: Operation | null,
): Reply | null {
  if (fault && fault.status > 0) {
    return fault.body !== ''
      ? new Reply(fault.status, fault.body, fault.contentType)
      : Reply.text(fault.status, `Injected fault: ${fault.status}`)
  }
  if (!fault || !own) return own
  if (fault.malformedBody && own.status < 300) {
    return new Reply(own.status === 204 ? 200 : own.status, '{"id": "trunc')
  }
  if (fault.omitId && op === 'create' && own.status === 201) {
    const created: unknown = JSON.parse(own.body)
    if (isObject(created)) {
      delete created.id
      return Reply.json(201, created)
    }
  }
  return own
}
