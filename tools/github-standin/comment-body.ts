import { COMMENT_BODY_MAX } from './limits.js'
import { type GitHubReply, errorReply, validationFailed } from './reply.js'

/**
 * The `body` of a comment write, or what GitHub answers a request its schema refuses: 400 when
 * the text is no JSON object, 422 "Invalid request" when `body` is missing or not a string.
 */
export function readCommentBody(text: string, documentationUrl: string): string | GitHubReply {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return errorReply(400, documentationUrl)
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return errorReply(400, documentationUrl)
  }
  const body: unknown = 'body' in parsed ? parsed.body : undefined
  if (body === undefined) {
    return errorReply(422, documentationUrl, `Invalid request.\n\n"body" wasn't supplied.`)
  }
  if (typeof body !== 'string') {
    // GitHub quotes the value as Ruby prints it, hence nil for null.
    const shown = body === null ? 'nil' : JSON.stringify(body)
    const message = `Invalid request.\n\nFor 'properties/body', ${shown} is not a string.`
    return errorReply(422, documentationUrl, message)
  }
  return body
}

/**
 * What the comment model itself refuses, once the request was well formed and the issue or
 * comment found: a blank body, or one over 65,536 characters.
 */
export function refuseCommentBody(body: string, documentationUrl: string): GitHubReply | undefined {
  if (body.trim() === '') {
    return validationFailed(documentationUrl, [
      { resource: 'IssueComment', code: 'missing_field', field: 'body' },
    ])
  }
  // GitHub counts characters; a UTF-16 length would refuse emoji-heavy bodies GitHub accepts.
  if (body.length > COMMENT_BODY_MAX && [...body].length > COMMENT_BODY_MAX) {
    return validationFailed(documentationUrl, [
      {
        resource: 'IssueComment',
        code: 'custom',
        field: 'body',
        message: `body is too long (maximum is ${COMMENT_BODY_MAX} characters)`,
      },
    ])
  }
  return undefined
}
