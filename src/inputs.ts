import { InputError } from './input-error.js'
import { DEFAULT_MANIFEST_GLOBS, parseGlobs } from './workspace/discover.js'

export { InputError }

export type Mode = 'auto' | 'validate' | 'plan' | 'submit'

export interface Config {
  manifests: { include: string[]; exclude: string[] }
  trackerId: string
  privateKey: string
  apiUrl: string
  githubToken: string
  mode: Mode
  dryRun: boolean
  prune: boolean
  ownershipTag: string
  prComment: boolean
  failOnDrift: boolean
  /** Names this tracker's comment and summary heading; the tracker id unless set. */
  label: string
  concurrency: number
  failOnWarning: boolean
  /** After this many minutes nothing more is sent, and the run reports what was done. */
  deadlineMinutes: number
}

export const DEFAULT_DEADLINE_MINUTES = 30

/**
 * Marks what the Action manages (src/sync/ownership.ts). Kept here, with the other inputs, so
 * reading the inputs loads nothing of the sync stage.
 */
export const DEFAULT_OWNERSHIP_TAG = 'luigisbox-pins'

/** Reads one input by its action.yml name; `''` when unset, as @actions/core does. */
export type InputReader = (name: string) => string

/**
 * The private key, masked in the runner's log before any other input is read: an error about
 * another input may quote text that holds the key.
 */
export function readPrivateKey(input: InputReader, mask: (secret: string) => void): string {
  const key = input('private-key').trim()
  if (key !== '') mask(key)
  return key
}

/** What submitting needs beyond validating; the API's own checks of each value are the client's. */
export function submitCredentials(
  config: Config,
): Pick<Config, 'apiUrl' | 'trackerId' | 'privateKey'> {
  const missing = [
    config.trackerId === '' && 'tracker-id',
    config.privateKey === '' && 'private-key',
  ].filter((name) => name !== false)
  if (missing.length > 0) {
    throw new InputError(
      missing.join(', '),
      `Planning and submitting need the ${missing.join(' and ')} input(s): pass your Luigi's Box tracker id and a secret holding the private API key, or set mode: validate.`,
    )
  }
  return { apiUrl: config.apiUrl, trackerId: config.trackerId, privateKey: config.privateKey }
}

/** Action inputs → a typed config; every mistake names the input and what to write instead. */
export function readConfig(input: InputReader): Config {
  const manifests = parseGlobs(input('manifests') || DEFAULT_MANIFEST_GLOBS.join('\n'))
  if (manifests.include.length === 0) {
    throw new InputError(
      'manifests',
      'Input "manifests" has no glob to include: list at least one, e.g. luigisbox/**/*.yml.',
    )
  }
  for (const glob of [...manifests.include, ...manifests.exclude]) {
    if (glob.startsWith('/') || glob.split('/').includes('..')) {
      throw new InputError(
        'manifests',
        `Input "manifests" has "${glob}": globs are relative to the workspace and may not leave it.`,
      )
    }
  }
  return {
    manifests,
    trackerId: input('tracker-id').trim(),
    privateKey: input('private-key').trim(),
    apiUrl: (input('api-url') || 'https://live.luigisbox.com').trim(),
    githubToken: input('github-token').trim(),
    mode: oneOf('mode', input('mode') || 'auto', ['auto', 'validate', 'plan', 'submit'] as const),
    dryRun: boolean('dry-run', input('dry-run') || 'false'),
    prune: boolean('prune', input('prune') || 'false'),
    ownershipTag: ownershipTag(input('ownership-tag') || DEFAULT_OWNERSHIP_TAG),
    prComment: boolean('pr-comment', input('pr-comment') || 'false'),
    failOnDrift: boolean('fail-on-drift', input('fail-on-drift') || 'false'),
    label: (input('label') || input('tracker-id')).trim(),
    concurrency: integer('concurrency', input('concurrency') || '4', 1, 32),
    failOnWarning: boolean('fail-on-warning', input('fail-on-warning') || 'false'),
    deadlineMinutes: minutes(
      'deadline-minutes',
      input('deadline-minutes') || String(DEFAULT_DEADLINE_MINUTES),
    ),
  }
}

function oneOf<T extends string>(name: string, value: string, options: readonly T[]): T {
  const trimmed = value.trim()
  if ((options as readonly string[]).includes(trimmed)) return trimmed as T
  throw new InputError(name, `Input "${name}" is "${trimmed}"; use one of: ${options.join(', ')}.`)
}

function boolean(name: string, value: string): boolean {
  const lowered = value.trim().toLowerCase()
  if (lowered === 'true') return true
  if (lowered === 'false') return false
  throw new InputError(name, `Input "${name}" is "${value.trim()}"; use true or false.`)
}

/**
 * The tag marks what the Action manages, and `:` separates the fingerprints it appends, so the
 * tag itself is a plain word that cannot be mistaken for one of those; lower case, so a server
 * that lower-cases tags cannot make the Action lose track of what it owns.
 */
export function ownershipTag(value: string): string {
  const trimmed = value.trim()
  if (/^[a-z0-9][a-z0-9._/-]{0,63}$/.test(trimmed)) return trimmed
  throw new InputError(
    'ownership-tag',
    `Input "ownership-tag" is "${trimmed}"; use 1 to 64 lower-case letters, digits, ".", "_", "-" or "/", starting with a letter or digit (the default is ${DEFAULT_OWNERSHIP_TAG}).`,
  )
}

function integer(name: string, value: string, min: number, max: number): number {
  const trimmed = value.trim()
  const number = Number(trimmed)
  if (/^\d+$/.test(trimmed) && number >= min && number <= max) return number
  throw new InputError(
    name,
    `Input "${name}" is "${trimmed}"; use a whole number from ${min} to ${max}.`,
  )
}

/** Minutes, fractions allowed (0.5 is 30 s), up to GitHub's 6-hour job limit. */
function minutes(name: string, value: string): number {
  const trimmed = value.trim()
  const number = Number(trimmed)
  if (/^\d+(\.\d+)?$/.test(trimmed) && number > 0 && number <= 360) return number
  throw new InputError(
    name,
    `Input "${name}" is "${trimmed}"; use a number of minutes above 0 and up to 360, e.g. 30 or 0.5.`,
  )
}
