export interface GitHubReply {
  status: number
  body: unknown
  headers?: Record<string, string>
  /** Leave the request unanswered until the client gives up or the stand-in closes. */
  hang?: boolean
}

export const DOCS = 'https://docs.github.com/rest'

const STATUS_MESSAGES: Record<number, string> = {
  400: 'Problems parsing JSON',
  401: 'Bad credentials',
  403: 'API rate limit exceeded',
  404: 'Not Found',
  422: 'Validation Failed',
  429: 'API rate limit exceeded',
  500: 'Server Error',
  502: 'Server Error',
  503: 'Service Unavailable',
}

/** An error in GitHub's shape: message, documentation_url and the status as a string. */
export function errorReply(status: number, documentationUrl = DOCS, message?: string): GitHubReply {
  return {
    status,
    body: {
      message: message ?? STATUS_MESSAGES[status] ?? 'Error',
      documentation_url: documentationUrl,
      status: String(status),
    },
  }
}

/** One reason in a 422 "Validation Failed", as GitHub lists them. */
export interface ValidationError {
  resource: string
  code: string
  field: string
  message?: string
}

/** The 422 a model's own rules answer, in GitHub's key order. */
export function validationFailed(documentationUrl: string, errors: ValidationError[]): GitHubReply {
  return {
    status: 422,
    body: {
      message: 'Validation Failed',
      errors,
      documentation_url: documentationUrl,
      status: '422',
    },
  }
}
