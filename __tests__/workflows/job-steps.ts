// Runs one job of a workflow file the way GitHub's runner would, as far as this repository's
// workflows need: `uses: ./` steps through tools/runner (the built bundle with the runner's
// environment), `run:` steps in bash with GITHUB_OUTPUT and RUNNER_TEMP, `${{ env.* }}` and
// `${{ steps.*.outputs.* }}`. Anything else throws, so a workflow cannot outgrow the emulation
// unnoticed. Steps that only set up the machine (checkout, Node, npm ci) are skipped, since the
// test already runs in a checked-out, installed repository, and listed so tests can assert that.
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseOutputFile } from '../../tools/runner/output-file.js'
import { runAction, type RunActionResult } from '../../tools/runner/run-action.js'
import type { RunActionOptions } from '../../tools/runner/run-options.js'
import { REPO_ROOT } from '../../tools/shared/repo-paths.js'
import type { Job, Step } from './workflow-files.js'

export interface StepResult {
  step: Step
  outcome: 'success' | 'failure'
  outputs: Record<string, string>
  stdout: string
  /** For `uses: ./` steps: the whole run, summary and annotations included. */
  action?: RunActionResult
}

export interface JobResult {
  steps: StepResult[]
  skipped: string[]
}

/** The event every `uses: ./` step sees: what a run of this job on GitHub would have. */
export type EventContext = Pick<RunActionOptions, 'eventName' | 'event' | 'apiUrl'>

const SETUP = [/^actions\/checkout@/, /^actions\/setup-node@/, /^npm ci\b/]

export function isSetup(step: Step): boolean {
  const what = step.uses ?? step.run ?? ''
  return SETUP.some((pattern) => pattern.test(what))
}

type Context = { env: Record<string, string>; steps: Map<string, StepResult> }

function evaluate(text: string, context: Context): string {
  return text.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, expression: string) => {
    const env = /^env\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(expression)
    if (env) return context.env[env[1] ?? ''] ?? ''
    const output = /^steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)$/.exec(expression)
    if (output) return context.steps.get(output[1] ?? '')?.outputs[output[2] ?? ''] ?? ''
    throw new Error(`The job-steps emulation does not evaluate \${{ ${expression} }}`)
  })
}

const evaluateAll = (values: Record<string, string> | undefined, context: Context) =>
  Object.fromEntries(
    Object.entries(values ?? {}).map(([key, value]) => [key, evaluate(String(value), context)]),
  )

/** bash as the runner starts it for `run:`; in its own process group, which `stop` ends. */
async function runScript(
  script: string,
  env: Record<string, string>,
  temp: string,
  groups: number[],
): Promise<{ exitCode: number | null; stdout: string; outputs: Record<string, string> }> {
  const scriptFile = join(temp, `step-${groups.length}.sh`)
  const outputFile = join(temp, `output-${groups.length}`)
  await writeFile(scriptFile, script)
  await writeFile(outputFile, '')
  const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', scriptFile], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? temp,
      ...env,
      GITHUB_OUTPUT: outputFile,
      GITHUB_WORKSPACE: REPO_ROOT,
      RUNNER_TEMP: temp,
    },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  if (child.pid !== undefined) groups.push(child.pid)
  let stdout = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  // 'exit', not 'close': a background server the script started keeps inherited pipes open.
  const exitCode = await new Promise<number | null>((resolve) => child.on('exit', resolve))
  return { exitCode, stdout, outputs: parseOutputFile(await readFile(outputFile, 'utf8')) }
}

/** Runs `job`'s steps in order until one fails, then ends every process its steps started. */
export async function runJob(job: Job, event: EventContext): Promise<JobResult> {
  const temp = await mkdtemp(join(tmpdir(), 'job-steps-'))
  const groups: number[] = []
  const context: Context = { env: {}, steps: new Map() }
  context.env = evaluateAll(job.env, context)
  const result: JobResult = { steps: [], skipped: [] }
  try {
    for (const step of job.steps) {
      if (isSetup(step)) {
        result.skipped.push(step.uses ?? step.run ?? '')
        continue
      }
      const env = { ...context.env, ...evaluateAll(step.env, context) }
      let done: StepResult
      if (step.uses === './') {
        const action = await runAction({
          ...event,
          inputs: evaluateAll(step.with, context),
          workspace: REPO_ROOT,
          extraEnv: env,
        })
        const outcome = action.exitCode === 0 ? 'success' : 'failure'
        done = { step, outcome, outputs: action.outputs, stdout: action.stdout, action }
      } else if (step.run !== undefined && step.uses === undefined) {
        const run = await runScript(evaluate(step.run, context), env, temp, groups)
        const outcome = run.exitCode === 0 ? 'success' : 'failure'
        done = { step, outcome, outputs: run.outputs, stdout: run.stdout }
      } else {
        throw new Error(`The job-steps emulation cannot run uses: ${step.uses}`)
      }
      result.steps.push(done)
      if (step.id) context.steps.set(step.id, done)
      if (done.outcome === 'failure' && !step['continue-on-error']) break
    }
    return result
  } finally {
    for (const group of groups) {
      try {
        process.kill(-group, 'SIGTERM')
      } catch {
        // The group has ended already.
      }
    }
    await rm(temp, { recursive: true, force: true })
  }
}
