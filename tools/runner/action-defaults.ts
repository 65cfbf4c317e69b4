import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { REPO_ROOT } from '../shared/repo-paths.js'

/** The inputs action.yml gives a default, with their defaults; {} without an action.yml. */
export function readActionDefaults(githubToken: string): Record<string, string> {
  const file = join(REPO_ROOT, 'action.yml')
  if (!existsSync(file)) return {}
  // Sync so that buildEnv stays synchronous; action.yml is tiny.
  return actionDefaultsFrom(readFileSync(file, 'utf8'), githubToken)
}

/** Exported for tests: evaluates only `${{ github.token }}`, the one expression we expect. */
export function actionDefaultsFrom(actionYml: string, githubToken: string): Record<string, string> {
  const action = (parseYaml(actionYml) ?? {}) as {
    inputs?: Record<string, { default?: unknown } | null>
  }
  const defaults: Record<string, string> = {}
  for (const [name, input] of Object.entries(action.inputs ?? {})) {
    if (input?.default === undefined || input.default === null) continue
    const value = String(input.default).replace(/\$\{\{\s*github\.token\s*\}\}/g, githubToken)
    if (value.includes('${{')) {
      throw new Error(`action.yml input ${name}: the harness cannot evaluate default ${value}`)
    }
    defaults[name] = value
  }
  return defaults
}
