// `npx tsx tools/sandbox/main.ts`: the sandbox on its own, for trying a client against it.
// Prints the URL on stdout, details on stderr, and runs until interrupted.
import { parseArgs } from 'node:util'
import { errorMessage, isEntryPoint } from '../shared/entry-point.js'
import { seedAppMade } from './app-made.js'
import type { RandomFaultKind } from './faults.js'
import { PAGINATION_MODES, type PaginationMode, isPaginationMode } from './pagination.js'
import { ALL_REWRITES, type Rewrite, isRewrite } from './rewrites.js'
import { DEFAULT_KEY, DEFAULT_RANDOM_FAULTS, DEFAULT_TRACKER, startSandbox } from './server.js'

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      tracker: { type: 'string', default: DEFAULT_TRACKER },
      key: { type: 'string', default: DEFAULT_KEY },
      'latency-ms': { type: 'string', default: '0' },
      'fault-rate': { type: 'string', default: '0' },
      faults: { type: 'string', default: DEFAULT_RANDOM_FAULTS.join(',') },
      seed: { type: 'string', default: '1' },
      // `all`, or names separated by commas, e.g. `pin-defaults,tag-order`.
      rewrites: { type: 'string', default: '' },
      pagination: { type: 'string', default: 'honest' },
      // Start with customizations made in the app, to try `luigisbox-pins export` on.
      'seed-app-made': { type: 'boolean', default: false },
    },
  })
  const sandbox = await startSandbox({
    port: Number(values.port),
    host: values.host,
    trackerId: values.tracker,
    privateKey: values.key,
    latencyMs: Number(values['latency-ms']),
    faultRate: Number(values['fault-rate']),
    faults: values.faults.split(',').filter(Boolean) as RandomFaultKind[],
    seed: Number(values.seed),
    rewrites: rewritesFlag(values.rewrites),
    pagination: paginationFlag(values.pagination),
  })
  if (values['seed-app-made']) seedAppMade(sandbox.store)
  process.stdout.write(`${sandbox.url}\n`)
  process.stderr.write(
    `Luigi's Box sandbox on ${sandbox.url} (tracker ${sandbox.trackerId}); Ctrl-C to stop\n`,
  )
  const stop = () => {
    void sandbox.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

function rewritesFlag(value: string): readonly Rewrite[] {
  if (value === 'all') return ALL_REWRITES
  const names = value.split(',').filter(Boolean)
  const unknown = names.filter((name) => !isRewrite(name))
  if (unknown.length > 0) {
    throw new Error(
      `--rewrites: unknown ${unknown.join(', ')}; use all or ${ALL_REWRITES.join(', ')}`,
    )
  }
  return names.filter(isRewrite)
}

function paginationFlag(value: string): PaginationMode {
  if (isPaginationMode(value)) return value
  throw new Error(`--pagination: unknown ${value}; use one of ${PAGINATION_MODES.join(', ')}`)
}

if (isEntryPoint(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`${errorMessage(error)}\n`)
    process.exit(1)
  })
}
