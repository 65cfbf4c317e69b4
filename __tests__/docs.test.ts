import { readdirSync, readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { readConfig } from '../src/inputs.js'
import { rulesMarkdown } from '../src/manifest/codes.js'
import { licenseOf, productionPackages } from '../tools/bundle/licenses.js'
import { REPO_ROOT } from '../tools/shared/repo-paths.js'

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
const action = parse(readFileSync(new URL('../action.yml', import.meta.url), 'utf8')) as {
  inputs: Record<string, { default?: string }>
  outputs: Record<string, unknown>
  runs: { using: string; main: string }
}
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>
}

test('the README rule reference is the one the validator generates (run `npm run docs`)', async () => {
  const section = /<!-- rules:start[^\n]*-->\n([\s\S]*?)<!-- rules:end -->/.exec(readme)?.[1] ?? ''
  const prettier = await import('prettier')
  const readmePath = new URL('../README.md', import.meta.url).pathname
  const config = await prettier.resolveConfig(readmePath)
  const expected = await prettier.format(rulesMarkdown(), { ...config, parser: 'markdown' })
  expect(section.trim()).toBe(expected.trim())
})

test('action.yml declares exactly the inputs the Action reads, and the README documents each', () => {
  const read: string[] = []
  readConfig((name) => {
    read.push(name)
    return action.inputs[name]?.default ?? ''
  })
  expect(Object.keys(action.inputs).sort()).toEqual([...new Set(read)].sort())
  for (const name of [...Object.keys(action.inputs), ...Object.keys(action.outputs)]) {
    expect(readme).toMatch(new RegExp(`^\\| \`${name}\` +\\|`, 'm'))
  }
})

test('action.yml runs the bundle on node24', () => {
  expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
})

test('the README default for manifests matches action.yml', () => {
  const row = readme.split('\n').find((line) => line.startsWith('| `manifests`'))
  expect(row).toContain(`\`${action.inputs.manifests?.default}\``)
})

test('dist/licenses.txt carries the license text of every production dependency, chunks and all', () => {
  const licenses = readFileSync(new URL('../dist/licenses.txt', import.meta.url), 'utf8')
  const packages = productionPackages(REPO_ROOT)
  // Every direct dependency, and what they pull in (undici, zod's own, Octokit's…).
  expect(packages.length).toBeGreaterThan(Object.keys(pkg.dependencies).length)
  const missing = packages
    .map(licenseOf)
    .filter((entry) => !licenses.includes(`${entry.name}\n${entry.license}\n${entry.text}\n`))
  expect(missing.map((entry) => `${entry.name}@${entry.version}`)).toEqual([])
})

test("the README's Architecture table lists every folder of src/ and tools/, and only those", () => {
  const section = /^## Architecture\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? ''
  const listed = [...section.matchAll(/^\| `([^`]+\/)` +\|/gm)].map((m) => m[1])
  const folders = ['src', 'tools'].flatMap((top) => [
    `${top}/`,
    ...readdirSync(new URL(`../${top}`, import.meta.url), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `${top}/${entry.name}/`),
  ])
  expect(listed.sort()).toEqual(folders.sort())
})
