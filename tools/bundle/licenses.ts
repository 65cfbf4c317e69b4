// `npm run bundle` ends here: writes dist/licenses.txt, the license of every production
// dependency, which dist/ redistributes. ncc's own --license lists only the modules of one
// chunk, and the bundles are split into chunks that load on demand; so the list comes from
// package-lock.json instead: every package a production install holds, whichever chunk (or
// none, for a types-only package) its code ended up in. Deterministic, as dist/ must be.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { isEntryPoint } from '../shared/entry-point.js'
import { REPO_ROOT } from '../shared/repo-paths.js'

interface LockEntry {
  version?: string
  license?: string
  dev?: boolean
}

export interface PackageLicense {
  name: string
  version: string
  license: string
  text: string
}

/** Every package of a production install, as package-lock.json locates it, by name then path. */
export function productionPackages(root: string): { name: string; dir: string }[] {
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>
  }
  return Object.entries(lock.packages)
    .filter(([where, entry]) => where !== '' && entry.dev !== true)
    .map(([where]) => ({
      name: where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length),
      dir: path.join(root, where),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en') || a.dir.localeCompare(b.dir, 'en'))
}

/** A package's license text: its LICENSE (or LICENCE, any case and extension) file. */
export function licenseOf(pkg: { name: string; dir: string }): PackageLicense {
  const manifest = JSON.parse(readFileSync(path.join(pkg.dir, 'package.json'), 'utf8')) as {
    version: string
    license?: string
  }
  const file = readdirSync(pkg.dir)
    .filter((name) => /^licen[cs]e/i.test(name))
    .sort()[0]
  if (file === undefined) {
    throw new Error(
      `${pkg.name} (${pkg.dir}) has no LICENSE file: dist/ may not redistribute it without one.`,
    )
  }
  return {
    name: pkg.name,
    version: manifest.version,
    license: manifest.license ?? 'UNKNOWN',
    text: readFileSync(path.join(pkg.dir, file), 'utf8').trim(),
  }
}

/** The file: per package, its name, SPDX id and text; a text repeated by versions, once. */
export function licensesText(licenses: readonly PackageLicense[]): string {
  const seen = new Set<string>()
  const entries: string[] = []
  for (const entry of licenses) {
    const key = `${entry.name}\n${entry.license}\n${entry.text}`
    if (seen.has(key)) continue
    seen.add(key)
    entries.push(`${key}\n`)
  }
  return `${entries.join('\n')}`
}

if (isEntryPoint(import.meta.url)) {
  const text = licensesText(productionPackages(REPO_ROOT).map(licenseOf))
  writeFileSync(path.join(REPO_ROOT, 'dist', 'licenses.txt'), text)
}
