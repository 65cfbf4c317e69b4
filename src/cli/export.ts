import { lstatSync } from 'node:fs'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { exportManifests, type ExportedFile } from '../export/manifests.js'
import { DEFAULT_OWNERSHIP_TAG } from '../inputs.js'
import { createClient } from '../luigisbox/client.js'
import type { LiveCustomization } from '../luigisbox/wire.js'
import { logLine, retryLine } from '../report/progress.js'
import { UsageError } from './args.js'
import { readCredentials } from './credentials.js'
import type { Output } from './formats/problems.js'
import { EXIT } from './usage.js'

export interface ExportCommand {
  out: string
  models: string[]
  force: boolean
  ownershipTag?: string
}

/**
 * `export`: what is live → one manifest per customization under `out`. Every file is checked
 * before any is written, so a refusal to overwrite leaves the directory as it was. Progress goes
 * to stderr; stdout lists the files written, one a line.
 */
export async function exportCommand(
  command: ExportCommand,
  cwd: string,
  env: NodeJS.ProcessEnv,
  output: Output,
): Promise<number> {
  const credentials = readCredentials(env)
  const client = createClient({
    ...credentials,
    onRetry: (retry) => output.err(`${retryLine(retry)}\n`),
  })
  const scope = command.models.length > 0 ? `models ${command.models.join(', ')}` : 'all models'
  output.err(`${logLine(`Listing the customizations of ${scope} on ${credentials.apiUrl}…`)}\n`)
  const live: LiveCustomization[] =
    command.models.length > 0
      ? (
          await Promise.all([...new Set(command.models)].map((model) => client.listAll({ model })))
        ).flat()
      : await client.listAll()
  const { files, warnings } = exportManifests(live, command.ownershipTag ?? DEFAULT_OWNERSHIP_TAG)
  for (const warning of warnings) output.err(`warning: ${logLine(warning)}\n`)

  const out = path.resolve(cwd, command.out)
  // A link planted below --out would send a file elsewhere, whatever --force says.
  const links = [...new Set(files.flatMap((file) => linkOnTheWay(out, file)))]
  if (links.length > 0) {
    const listed = links.map((link) => path.join(command.out, link))
    throw new UsageError(
      `${logLine(listed.join(', '))} is a symbolic link; export writes only into real directories under --out, so nothing was written. Remove the link, or --out another directory.`,
    )
  }
  const existing = files.filter((file) => lstatSync(target(out, file), { throwIfNoEntry: false }))
  if (existing.length > 0 && !command.force) {
    const listed = existing.slice(0, 5).map((file) => path.join(command.out, file.path))
    const more = existing.length > 5 ? ` and ${existing.length - 5} more` : ''
    throw new UsageError(
      `${existing.length} file(s) exist already (${listed.join(', ')}${more}); nothing was written. Pass --force to overwrite them, or --out another directory.`,
    )
  }
  for (const file of files) {
    await mkdir(path.dirname(target(out, file)), { recursive: true })
    await rm(target(out, file), { force: true })
    // `wx`: a link planted since the check makes the write fail rather than be followed.
    await writeFile(target(out, file), file.text, { flag: 'wx' })
    output.out(`${path.join(command.out, file.path)}\n`)
  }
  output.err(
    `${files.length} of ${live.length} customization(s) exported to ${command.out}${path.sep}. Review them, then run: luigisbox-pins validate ${command.out}\n`,
  )
  return EXIT.ok
}

/** The first directory or file of `file`'s path below `out` that is a symbolic link, if any. */
function linkOnTheWay(out: string, file: ExportedFile): string[] {
  const parts = file.path.split('/')
  for (let i = 1; i <= parts.length; i++) {
    const at = path.join(out, ...parts.slice(0, i))
    if (lstatSync(at, { throwIfNoEntry: false })?.isSymbolicLink())
      return [parts.slice(0, i).join('/')]
  }
  return []
}

function target(out: string, file: ExportedFile): string {
  return path.join(out, ...file.path.split('/'))
}
