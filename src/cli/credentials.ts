import { InputError } from '../input-error.js'
import { validateApiUrl, validateTrackerId } from '../luigisbox/endpoint.js'
import { ApiError } from '../luigisbox/errors.js'
import { UsageError } from './args.js'

export const DEFAULT_API_URL = 'https://live.luigisbox.com'

export interface Credentials {
  trackerId: string
  privateKey: string
  apiUrl: string
}

/** The environment variables plan, apply and export read; a missing one is a usage error. */
export function readCredentials(env: NodeJS.ProcessEnv): Credentials {
  const trackerId = (env.LUIGISBOX_TRACKER_ID ?? '').trim()
  const privateKey = (env.LUIGISBOX_PRIVATE_KEY ?? '').trim()
  const missing = [
    trackerId === '' && 'LUIGISBOX_TRACKER_ID',
    privateKey === '' && 'LUIGISBOX_PRIVATE_KEY',
  ].filter((name) => name !== false)
  if (missing.length > 0) {
    throw new UsageError(
      `Set ${missing.join(' and ')} in the environment: the tracker id and the private API key from the Luigi's Box app.`,
    )
  }
  const apiUrl = (env.LUIGISBOX_API_URL ?? '').trim() || DEFAULT_API_URL
  named(() => validateTrackerId(trackerId))
  named(() => validateApiUrl(apiUrl))
  return { trackerId, privateKey, apiUrl }
}

const VARIABLES: Record<string, string> = {
  'tracker-id': 'LUIGISBOX_TRACKER_ID',
  'api-url': 'LUIGISBOX_API_URL',
}

/** The client's checks name the Action's inputs; here the values come from the environment. */
function named(check: () => unknown): void {
  try {
    check()
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    const variable = VARIABLES[error.input]
    if (variable === undefined) throw error
    throw new UsageError(error.message.replace(`The ${error.input} input`, variable))
  }
}

/**
 * The client names the Action's inputs when the API refuses the credentials; on the command line
 * they come from the environment, so say which variables to check.
 */
export function credentialHint(error: unknown): string {
  return error instanceof ApiError && error.kind === 'auth'
    ? 'On the command line these are LUIGISBOX_TRACKER_ID, LUIGISBOX_PRIVATE_KEY and LUIGISBOX_API_URL.\n'
    : ''
}
