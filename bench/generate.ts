// Writes N manifests of 12 pins each into a folder, every tenth with a mistake, for the benchmark.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { isEntryPoint } from '../tools/shared/entry-point.js'

export const MODELS = ['basket', 'home', 'product_detail', 'category', 'search']

/** The name of the `i`th manifest, sorted as generated. */
export function manifestName(i: number): string {
  return `m${String(i).padStart(5, '0')}.yml`
}

/** One manifest as YAML text; `broken` plants one mistake a user could plausibly make. */
export function manifestText(i: number, broken: boolean): string {
  const lines = [
    `model: ${MODELS[i % MODELS.length]}`,
    'target_type: item',
    `target_identity: /p/target-${i}/`,
    'target_metadata:',
    `  title: Product ${i}`,
    `tags: [bench, batch-${i % 50}]`,
    'pin_definitions:',
  ]
  for (let p = 1; p <= 12; p++) {
    lines.push(`  - position: ${p}`, '    pin_type: item', `    pin_identity: /p/pinned-${i}-${p}/`)
    if (p % 4 === 0) lines.push('    widget_id: detail-carousel')
    if (p === 6)
      lines.push('    active_from: 2030-01-01T00:00:00Z', '    active_to: 2030-02-01T00:00:00Z')
  }
  let text = `${lines.join('\n')}\n`
  if (broken) {
    const mistakes: ((t: string) => string)[] = [
      (t) => t.replace('target_type: item', 'target_type: items'),
      (t) => t.replace('    pin_identity: /p/pinned', '    pin_identty: /p/pinned'),
      (t) => t.replace('  - position: 3\n', '  - position: "3"\n'),
    ]
    const mistake = mistakes[Math.floor(i / 10) % mistakes.length]
    if (mistake) text = mistake(text)
  }
  return text
}

/** `count` manifests in `dir`, every tenth broken. */
export function generate(dir: string, count: number): void {
  mkdirSync(dir, { recursive: true })
  for (let i = 0; i < count; i++) {
    writeFileSync(path.join(dir, manifestName(i)), manifestText(i, i % 10 === 9))
  }
}

if (isEntryPoint(import.meta.url)) {
  generate(process.argv[2] ?? '.bench-tmp/luigisbox', Number(process.argv[3] ?? 10000))
}
