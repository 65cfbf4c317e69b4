import type { LiveCustomization } from '../luigisbox/wire.js'
import type { Customization } from '../manifest/schema.js'
import { describeScope, scopeKey, scopeOf, type Scope } from '../manifest/scope.js'
import { malformation } from '../sync/live.js'
import { manifestOf } from './document.js'
import { fileNames } from './file-name.js'
import { manifestText } from './yaml.js'

export interface ExportedFile {
  /** Relative, `/`-separated: `<model>/<name>.yml`. */
  path: string
  text: string
  /** The live customization it was made from. */
  id: string
}

interface Exportable {
  id: string
  scope: Scope
  manifest: Customization
}

/**
 * Live customizations → one manifest file each, sorted by path, and what a person should know
 * about the ones that cannot round-trip (left out, or exported but failing validation). Pure:
 * the same listing, in any order, gives the same files.
 */
export function exportManifests(
  live: readonly LiveCustomization[],
  ownershipTag: string,
): { files: ExportedFile[]; warnings: string[] } {
  const warnings: string[] = []
  const kept: Exportable[] = []
  for (const record of [...live].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const manifest = manifestOf(record, ownershipTag)
    const scope = scopeOf(manifest)
    const why =
      malformation(record) ??
      (scope === undefined ? 'its target is empty' : undefined) ??
      (manifest.pin_definitions.length === 0 ? 'it has no pins' : undefined)
    if (why !== undefined || scope === undefined) {
      warnings.push(`Customization ${record.id} was not exported: ${why ?? 'no scope'}.`)
    } else {
      kept.push({ id: record.id, scope, manifest })
    }
  }
  warnings.push(...sharedScopes(kept))
  const paths = fileNames(kept)
  const files = kept.map(({ id, manifest }, i) => ({
    path: paths[i] as string,
    text: manifestText(manifest),
    id,
  }))
  return { files: files.sort((a, b) => (a.path < b.path ? -1 : 1)), warnings }
}

/** One warning per scope live more than once: validation rejects such manifests until merged. */
function sharedScopes(kept: readonly Exportable[]): string[] {
  const byScope = new Map<string, Exportable[]>()
  for (const item of kept) {
    const key = scopeKey(item.scope)
    byScope.set(key, [...(byScope.get(key) ?? []), item])
  }
  return [...byScope.values()]
    .filter((items) => items.length > 1)
    .map(
      (items) =>
        `Customizations ${items.map((i) => i.id).join(', ')} share one scope (${describeScope(items[0]!.scope)}): their manifests fail validation until you keep one, with the pins of all, and delete the others in the app.`,
    )
}
