// Start-up: the Action on a pull request that changes one manifest, and the command line on one
// file, each against `node -e ""` spawned the same way with the same environment. Only the child
// process's lifetime is timed, so the harness's own setup weighs on neither side.
// On its own, for more pairs than the bench takes, on the Node that runs it:
//   node node_modules/tsx/dist/cli.mjs bench/startup.ts 21   (any node: Node 24's binary too)
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { startGitHubApi } from '../tools/github-standin/server.js'
import { buildEnv } from '../tools/runner/environment.js'
import { pullRequestEvent } from '../tools/runner/event-payloads.js'
import { prepareRunnerFiles } from '../tools/runner/runner-files.js'
import { makeWorkspace, removeWorkspace } from '../tools/runner/workspaces.js'
import { isEntryPoint } from '../tools/shared/entry-point.js'
import { fakeSha } from '../tools/shared/fake-sha.js'
import { CLI_ENTRY, DIST_ENTRY, REPO_ROOT } from '../tools/shared/repo-paths.js'
import { manifestText } from './generate.js'
import { log, paired, type PairedFigure } from './measure.js'
import { STARTUP_PAIRS } from './settings.js'

export interface StartupResult {
  /** `node dist/index.js` on a one-manifest pull request / `node -e ""`. */
  action: PairedFigure
  /** `node dist/cli/index.js validate luigisbox/a.yml` / `node -e ""`, compile cache warm. */
  cli: PairedFigure
  /** The same, each run with an empty compile cache: a machine's first run. */
  cliFirst: PairedFigure
  /** ajv-cli on the same file / `node -e ""`, for reference. */
  ajv: PairedFigure
}

const EMPTY = ['-e', '']

/** Wall time of `node args` from spawn to exit; rejects unless it exits with `expectStatus`. */
function timeSpawn(
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
  expectStatus: number,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    const out: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => out.push(chunk))
    child.on('error', reject)
    child.on('close', (status) => {
      const ms = performance.now() - started
      if (status === expectStatus) resolve(ms)
      else reject(new Error(`node ${args.join(' ')} exited ${status}:\n${Buffer.concat(out)}`))
    })
  })
}

export async function startupBenchmark(pairs = STARTUP_PAIRS): Promise<StartupResult> {
  log(`  start-up: ${pairs} pairs each of the Action, the CLI, ajv-cli / node -e ""…`)
  const api = await startGitHubApi({ pulls: { 'owner/repo#1': [{ filename: 'luigisbox/a.yml' }] } })
  const workspace = await makeWorkspace({ 'luigisbox/a.yml': manifestText(1, false) })
  const temp = await mkdtemp(path.join(tmpdir(), 'luigisbox-startup-'))
  try {
    const event = pullRequestEvent({
      number: 1,
      headSha: fakeSha('head'),
      baseSha: fakeSha('base'),
      changedFiles: 1,
    })
    const files = await prepareRunnerFiles(temp, event)
    const actionEnv = buildEnv(
      { eventName: 'pull_request', event, apiUrl: api.url, workspace },
      files,
    )
    const shellEnv = { PATH: process.env['PATH'] }
    const action = await paired(
      pairs,
      () => timeSpawn([DIST_ENTRY], actionEnv, workspace, 0),
      () => timeSpawn(EMPTY, actionEnv, workspace, 0),
    )
    const cli = await paired(
      pairs,
      () => timeSpawn([CLI_ENTRY, 'validate', 'luigisbox/a.yml'], shellEnv, workspace, 0),
      () => timeSpawn(EMPTY, shellEnv, workspace, 0),
    )
    // Each run of its own empty cache folder: what the command line costs the first time.
    let first = 0
    const cliFirst = await paired(
      pairs,
      () =>
        timeSpawn(
          [CLI_ENTRY, 'validate', 'luigisbox/a.yml'],
          { ...shellEnv, NODE_COMPILE_CACHE: path.join(temp, `compile-cache-${first++}`) },
          workspace,
          0,
        ),
      () => timeSpawn(EMPTY, shellEnv, workspace, 0),
    )
    const ajvArgs = [
      path.join(REPO_ROOT, 'node_modules/ajv-cli/dist/index.js'),
      'validate',
      '--spec=draft2020',
      '-c',
      'ajv-formats',
      '-s',
      path.join(REPO_ROOT, 'schema/customization.schema.json'),
      '-d',
      'luigisbox/a.yml',
    ]
    // ajv-cli rejects the file (it reads YAML 1.1 date-times as dates), so it exits 1.
    const ajv = await paired(
      pairs,
      () => timeSpawn(ajvArgs, shellEnv, workspace, 1),
      () => timeSpawn(EMPTY, shellEnv, workspace, 0),
    )
    return { action, cli, cliFirst, ajv }
  } finally {
    await api.close()
    await removeWorkspace(workspace)
    await rm(temp, { recursive: true, force: true })
  }
}

if (isEntryPoint(import.meta.url)) {
  const pairs = Number(process.argv[2] ?? STARTUP_PAIRS)
  const result = await startupBenchmark(pairs)
  for (const [name, figure] of Object.entries(result)) {
    console.log(
      `${process.version} ${name}: ${figure.oursMs.toFixed(0)} ms / ${figure.baseMs.toFixed(0)} ms = ${figure.ratio.toFixed(2)}x (pairs ${figure.ratioMin.toFixed(2)}-${figure.ratioMax.toFixed(2)}, ${figure.pairs} pairs)`,
    )
  }
}
