import { Reply } from './reply.js'

export type JsonObject = Record<string, unknown>

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function isNonEmptyObject(value: unknown): boolean {
  return isObject(value) && Object.keys(value).length > 0
}

export function isNonEmptyString(value: unknown): boolean {
  return typeof value === 'string' && value !== ''
}

/** The request body as a JSON object, or the 400 the vendor answers when it is not one. */
export function parseBody(text: string): JsonObject | Reply {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return Reply.json(400, { message: 'Request body is not valid JSON' })
  }
  if (!isObject(value)) return Reply.json(400, { message: 'Request body must be a JSON object' })
  return value
}
