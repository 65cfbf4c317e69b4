import { parseArgs } from 'node:util'
import { errorMessage } from '../error-message.js'
import { ownershipTag as validTag } from '../inputs.js'

export const FORMATS = ['text', 'json', 'github', 'sarif'] as const
export type Format = (typeof FORMATS)[number]

export type Command =
  | { name: 'help' | 'version' | 'schema' | 'rules' }
  | { name: 'validate'; paths: string[]; format: Format }
  | {
      name: 'plan' | 'apply'
      paths: string[]
      format: 'text' | 'json'
      prune: boolean
      ownershipTag?: string
    }
  | { name: 'export'; out: string; models: string[]; force: boolean; ownershipTag?: string }

/** A mistake in how the command line was written: exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

const OPTIONS = {
  format: { type: 'string' },
  prune: { type: 'boolean' },
  'ownership-tag': { type: 'string' },
  out: { type: 'string' },
  model: { type: 'string', multiple: true },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const

type Option = keyof typeof OPTIONS

/** Which options each command takes; anything else is a usage error, not silently ignored. */
const ALLOWED: Record<string, readonly Option[]> = {
  validate: ['format'],
  plan: ['format', 'prune', 'ownership-tag'],
  apply: ['format', 'prune', 'ownership-tag'],
  export: ['out', 'model', 'force', 'ownership-tag'],
  schema: [],
  rules: [],
}

export const DEFAULT_EXPORT_DIR = 'luigisbox'

/** The command line → one command, or a UsageError that says what is wrong. */
export function parseCommand(argv: readonly string[]): Command {
  let parsed
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: OPTIONS })
  } catch (error) {
    throw new UsageError(errorMessage(error))
  }
  const { values, positionals } = parsed
  if (values.help) return { name: 'help' }
  if (values.version) return { name: 'version' }
  const [name, ...paths] = positionals
  if (name === undefined) throw new UsageError('No command given.')
  const allowed = ALLOWED[name]
  if (allowed === undefined) throw new UsageError(`Unknown command "${name}".`)
  const given = Object.keys(values) as Option[]
  const stray = given.filter((option) => !allowed.includes(option))
  if (stray.length > 0) {
    throw new UsageError(`${name} takes no ${stray.map((o) => `--${o}`).join(', ')}.`)
  }
  if (paths.length > 0 && (name === 'export' || name === 'schema' || name === 'rules')) {
    throw new UsageError(`${name} takes no paths, but was given ${paths.join(' ')}.`)
  }
  // Checked as the Action checks its input, so an empty or odd tag is refused by every command.
  const tag = values['ownership-tag']
  const ownershipTag = tag === undefined ? undefined : validTag(tag)
  switch (name) {
    case 'validate':
      return { name, paths, format: format(values.format, FORMATS) }
    case 'plan':
    case 'apply':
      return {
        name,
        paths,
        format: format(values.format, ['text', 'json'] as const),
        prune: values.prune ?? false,
        ...(ownershipTag === undefined ? {} : { ownershipTag }),
      }
    case 'export':
      return {
        name,
        out: values.out ?? DEFAULT_EXPORT_DIR,
        models: values.model ?? [],
        force: values.force ?? false,
        ...(ownershipTag === undefined ? {} : { ownershipTag }),
      }
    default:
      return { name: name as 'schema' | 'rules' }
  }
}

function format<T extends string>(value: string | undefined, allowed: readonly T[]): T {
  if (value === undefined) return allowed[0] as T
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new UsageError(`--format must be one of ${allowed.join(', ')}, not "${value}".`)
}
