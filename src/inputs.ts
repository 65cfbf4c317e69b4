import { InputError } from './input-error.js'
import { DEFAULT_MANIFEST_GLOBS, parseGlobs } from './workspace/discover.js'

export { InputError }

export type Mode = 'auto' | 'validate' | 'submit'

export interface Config {
  manifests: { include: string[]; exclude: string[] }
  trackerId: string
  privateKey: string
  apiUrl: string
  githubToken: string
  mode: Mode
  dryRun: boolean
  concurrency: number
  failOnWarning: boolean
}

/** Reads one input by its action.yml name; `''` when unset, as @actions/core does. */
export type InputReader = (name: string) => string

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
    mode: oneOf('mode', input('mode') || 'auto', ['auto', 'validate', 'submit'] as const),
    dryRun: boolean('dry-run', input('dry-run') || 'false'),
    concurrency: integer('concurrency', input('concurrency') || '4', 1, 32),
    failOnWarning: boolean('fail-on-warning', input('fail-on-warning') || 'false'),
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

function integer(name: string, value: string, min: number, max: number): number {
  const trimmed = value.trim()
  const number = Number(trimmed)
  if (/^\d+$/.test(trimmed) && number >= min && number <= max) return number
  throw new InputError(
    name,
    `Input "${name}" is "${trimmed}"; use a whole number from ${min} to ${max}.`,
  )
}
