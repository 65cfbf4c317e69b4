// `npm run docs`: regenerates the README's rule reference from the bundled CLI
// (`luigisbox-pins rules`), so the documentation is the list the validator itself uses.
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CLI_ENTRY, REPO_ROOT } from '../shared/repo-paths.js'

const readme = join(REPO_ROOT, 'README.md')
const rules = execFileSync(process.execPath, [CLI_ENTRY, 'rules'], { encoding: 'utf8' })
const text = readFileSync(readme, 'utf8')
const updated = text.replace(
  /(<!-- rules:start[^\n]*-->\n)[\s\S]*?(<!-- rules:end -->)/,
  (_, start: string, end: string) => `${start}\n${rules}\n${end}`,
)
writeFileSync(readme, updated)
