// Runs the built command line as users run it: `node dist/cli/index.js ...args` in a separate
// process, in a directory of manifests. Build it first with `npm run bundle`.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
export const CLI = path.join(REPO_ROOT, 'dist', 'cli', 'index.js')

export interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** Without Jest's NODE_OPTIONS, and without any LUIGISBOX_* variable of the machine. */
export function cli(
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
  entry = CLI,
): Promise<Run> {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => name !== 'NODE_OPTIONS' && !name.startsWith('LUIGISBOX_'),
    ),
  )
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry, ...args], { cwd, env: { ...base, ...env } })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

/** The files the problems printed as text are in, in order. */
export const problemFiles = (run: Run) => [
  ...new Set(
    run.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split(':')[0]),
  ),
]

const roots: string[] = []

/** A fresh directory holding `files`; removed by `removeWorkspaces`. */
export async function workspace(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'pins-cli-'))
  roots.push(root)
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true })
    await writeFile(path.join(root, file), text)
  }
  return root
}

export async function removeWorkspaces(): Promise<void> {
  await Promise.all(roots.splice(0).map((root) => rm(root, { recursive: true, force: true })))
}

export function requireBundle(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} does not exist: run \`npm run bundle\` first`)
}

/** A valid manifest of its own scope. */
export const valid = (model: string) =>
  `model: ${model}\ntarget_type: all\npin_definitions:\n  - position: 1\n    pin_type: item\n    pin_identity: /p/1/\n`

/** Two errors: an enum typo on line 2 and a block position without is_block_pin on line 4. */
export const broken = `model: basket
target_type: items
pin_definitions:
  - position: -2
    pin_type: item
    pin_identity: /p/1/
`
