// Regenerates the README's rule reference from the bundled CLI (`luigisbox-pins rules`), so the
// documentation is the list the validator itself uses.
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const readme = `${root}README.md`
const rules = execFileSync(process.execPath, [`${root}dist/cli/index.js`, 'rules'], {
  encoding: 'utf8',
})
const text = readFileSync(readme, 'utf8')
const updated = text.replace(
  /(<!-- rules:start[^\n]*-->\n)[\s\S]*?(<!-- rules:end -->)/,
  (_, start, end) => `${start}\n${rules}\n${end}`,
)
writeFileSync(readme, updated)
