// The runtimes the bench measures: Node 24, which action.yml runs the Action on, and the Node
// running the bench. Node 24 comes from the npm registry's `node-<platform>-<arch>` package,
// installed once into a cache outside the project (never a dependency of the package).
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { log } from './measure.js'

export const NODE24_PACKAGE = `node-${process.platform}-${process.arch}@24`
export const CACHE_DIR = path.join(
  process.env['XDG_CACHE_HOME'] ?? path.join(os.homedir(), '.cache'),
  'luigisbox-pins-bench',
  'node24',
)

export interface Runtime {
  label: string
  node: string
}

/** The path of a Node 24 binary, installing it into the cache first if it is not there. */
export function node24(): string {
  const binary = path.join(
    CACHE_DIR,
    'node_modules',
    `node-${process.platform}-${process.arch}`,
    'bin',
    'node',
  )
  if (!existsSync(binary)) {
    log(`Installing ${NODE24_PACKAGE} into ${CACHE_DIR}…`)
    mkdirSync(CACHE_DIR, { recursive: true })
    execFileSync(
      'npm',
      ['install', '--prefix', CACHE_DIR, '--no-save', '--no-audit', '--no-fund', NODE24_PACKAGE],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    )
  }
  return binary
}

export function runtimes(): Runtime[] {
  const major = (node: string) =>
    execFileSync(node, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }).trim()
  const list = [node24(), process.execPath].map((node) => ({ label: `Node ${major(node)}`, node }))
  // On Node 24 already, there is one runtime to measure.
  return list[0]?.label === list[1]?.label ? list.slice(0, 1) : list
}
