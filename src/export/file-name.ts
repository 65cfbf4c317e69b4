import { scopeKey, type Scope } from '../manifest/scope.js'
import { fingerprint } from '../sync/ownership.js'

/** Characters of a name from a target, before the extension; long enough to tell items apart. */
const MAX_NAME = 60

/**
 * A readable, stable relative path for each customization, `<model>/<target>.yml`: the same
 * listing gives the same paths whatever order it comes in. Model and target come from the
 * server and are hostile, so only lower-case letters, digits, `-` and `_` survive (no
 * separators, no `..`, nothing a case-insensitive file system folds together). Names that
 * collide all get a fingerprint appended (of the scope, or with the id where one scope is live
 * twice), so which one is listed first changes nothing.
 */
export function fileNames(customizations: readonly { scope: Scope; id: string }[]): string[] {
  const names = customizations.map(
    ({ scope }) => `${slug(scope.model, 'model')}/${targetName(scope)}`,
  )
  const keys = customizations.map(({ scope }) => scopeKey(scope))
  const count = (list: string[], value: string) => list.filter((item) => item === value).length
  let paths = customizations.map(({ id }, i) => {
    const name = names[i] as string
    const key = keys[i] as string
    if (count(names, name) === 1) return `${name}.yml`
    const mark = count(keys, key) === 1 ? fingerprint(key) : fingerprint([key, id])
    return `${name}-${mark.slice(0, 8)}.yml`
  })
  // A suffixed name can equal a plain one (a target named `a-1f2e3d4c`): every path in such a
  // clash is suffixed again from its own scope and id, so the order still changes nothing.
  for (let round = 1; round <= 3 && new Set(paths).size < paths.length; round++) {
    const clashing = paths
    paths = clashing.map((p, i) =>
      count(clashing, p) === 1
        ? p
        : `${p.slice(0, -'.yml'.length)}-${fingerprint([keys[i] as string, customizations[i]?.id ?? '', String(round)]).slice(0, 8)}.yml`,
    )
  }
  if (new Set(paths).size < paths.length) {
    throw new Error('Two customizations would be exported to one file; nothing was written.')
  }
  return paths
}

/** Names Windows reserves for devices, in any case and with any extension. */
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/

function targetName(scope: Scope): string {
  if (scope.target_type === 'item') return `item-${slug(scope.target_identity ?? '', 'target')}`
  if (scope.target_type === 'criteria') {
    return `criteria-${slug(words(scope.target_criteria).join('-'), 'target')}`
  }
  return 'all'
}

/** Keys (sorted) and values of a criteria object, nested ones too, in reading order. */
function words(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(words)
  if (typeof value === 'object' && value !== null) {
    return Object.keys(value)
      .sort()
      .flatMap((key) => [key, ...words((value as Record<string, unknown>)[key])])
  }
  return [String(value)]
}

function slug(text: string, fallback: string): string {
  const words = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '-')
    .replace(/^-+|-+$/g, '')
  const name = words.slice(0, MAX_NAME).replace(/-+$/, '') || fallback
  return RESERVED.test(name) ? `${name}_` : name
}
