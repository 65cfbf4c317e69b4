#!/usr/bin/env node
import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import picomatch from 'picomatch'
import { DEFAULT_MANIFEST_GLOBS, findManifests } from './workspace/discover.js'
import { rulesMarkdown } from './manifest/codes.js'
import { countBySeverity } from './manifest/problems.js'
import { checkFiles, serveCheckWorker } from './workspace/check-files.js'
import { customizationJsonSchema } from './manifest/schema.js'
import { errorMessage } from './error-message.js'

const USAGE = `Usage:
  luigisbox-pins validate [paths or globs...] [--format text|json]
      Check manifests (default: ${DEFAULT_MANIFEST_GLOBS.join(' ')}), relative to the current
      directory. Directories stand for the .yml, .yaml and .json files below them.
      Exit status: 0 when there are no errors, 1 when there are, 2 on a usage error.
  luigisbox-pins schema
      Print the JSON Schema of a manifest document.
  luigisbox-pins rules
      Print the reference of every problem code, as Markdown.`

/** The local command line: the Action's checks for editors, pre-commit hooks and CI elsewhere. */
export async function main(argv: string[], cwd: string): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        help: { type: 'boolean', short: 'h' },
      },
    })
  } catch (error) {
    process.stderr.write(`${errorMessage(error)}\n${USAGE}\n`)
    return 2
  }
  const { positionals, values } = parsed
  const [command, ...rest] = positionals
  if (values.help || command === undefined) {
    process.stdout.write(`${USAGE}\n`)
    return command === undefined && !values.help ? 2 : 0
  }
  if (command === 'schema') {
    process.stdout.write(`${JSON.stringify(customizationJsonSchema(), null, 2)}\n`)
    return 0
  }
  if (command === 'rules') {
    process.stdout.write(rulesMarkdown())
    return 0
  }
  if (command !== 'validate') {
    process.stderr.write(`Unknown command "${command}".\n${USAGE}\n`)
    return 2
  }
  if (values.format !== 'text' && values.format !== 'json') {
    process.stderr.write(`--format must be text or json, not "${values.format}".\n`)
    return 2
  }

  const absent = rest.filter(
    (arg) => !picomatch.scan(arg).isGlob && !existsSync(path.resolve(cwd, arg)),
  )
  if (absent.length > 0) {
    process.stderr.write(`No such file or directory: ${absent.join(', ')}\n`)
    return 2
  }
  const include = rest.length > 0 ? rest.map((arg) => asGlob(arg, cwd)) : DEFAULT_MANIFEST_GLOBS
  const files = await findManifests(cwd, { include, exclude: [] })
  const { problems } = await checkFiles(cwd, files, new Date(), new URL(import.meta.url))
  const counts = countBySeverity(problems)

  if (values.format === 'json') {
    const summary = { files: files.length, errors: counts.error, warnings: counts.warning }
    process.stdout.write(`${JSON.stringify({ summary, problems }, null, 2)}\n`)
  } else {
    // One problem per line, whatever a manifest's keys or values contain, for tools that parse it.
    const lines = problems.map(
      (p) =>
        `${p.file}:${p.line}:${p.column} ${p.severity} ${p.code} ${p.message.replace(/\r?\n|\r/g, '\\n')}\n`,
    )
    process.stdout.write(lines.join(''))
    process.stderr.write(
      `${files.length} manifest file(s) checked: ${counts.error} error(s), ${counts.warning} warning(s).\n`,
    )
  }
  if (files.length === 0) process.stderr.write(`No manifests matched ${include.join(' ')}.\n`)
  return counts.error > 0 ? 1 : 0
}

/** A path names itself (a directory, its manifests); anything else is taken as a glob. */
function asGlob(arg: string, cwd: string): string {
  const relative = path.relative(cwd, path.resolve(cwd, arg)).split(path.sep).join('/')
  try {
    if (statSync(path.resolve(cwd, arg)).isDirectory()) {
      return relative === '' ? '**/*.{yml,yaml,json}' : `${relative}/**/*.{yml,yaml,json}`
    }
    return relative
  } catch {
    return arg.replace(/^\.\//, '')
  }
}

if (!serveCheckWorker()) process.exitCode = await main(process.argv.slice(2), process.cwd())
