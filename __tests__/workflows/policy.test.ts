// What the issue asks of the workflows a merchant copies and of the repository's own, checked on
// the files themselves so that an edit cannot quietly undo it.
import { parse } from 'yaml'
import { readRepoFile, readWorkflow, workflowPaths, type Job } from './workflow-files.js'

const EXAMPLE = 'examples/.github/workflows/pins.yml'
const example = readWorkflow(EXAMPLE)

const usesOf = (path: string) =>
  Object.values(readWorkflow(path).jobs).flatMap((job) =>
    job.steps.flatMap((step) => (step.uses ? [step.uses] : [])),
  )
const majorOf = (uses: string) => /@v(\d+)$/.exec(uses)?.[1]
const holdsKey = (job: Job) => job.steps.some((step) => step.with?.['private-key'] !== undefined)

test('every workflow uses the same, current actions/checkout major, so Dependabot bumps them together', () => {
  const majors = new Set(
    workflowPaths()
      .flatMap(usesOf)
      .filter((uses) => uses.startsWith('actions/checkout@'))
      .map(majorOf),
  )
  // v4 runs on Node 20, which hosted runners force onto 24 with a warning on every run.
  expect([...majors]).toEqual(['7'])
})

test('the example has no paths filter, which would leave a required check pending forever', () => {
  for (const trigger of Object.values(example.on)) {
    expect(trigger ?? {}).not.toHaveProperty('paths')
    expect(trigger ?? {}).not.toHaveProperty('paths-ignore')
  }
  expect(Object.keys(example.on)).toEqual(
    expect.arrayContaining(['pull_request', 'merge_group', 'push']),
  )
})

test('only the example job in a protected environment holds the key, and it is never cancelled', () => {
  const { check, apply } = example.jobs
  expect(check && holdsKey(check)).toBe(false)
  expect(check?.if).toContain("'pull_request'")
  expect(apply && holdsKey(apply)).toBe(true)
  expect(apply?.environment).toBe('luigisbox')
  // One group for every apply run, whatever the ref: two writers on one tracker can race.
  expect(apply?.concurrency).toEqual({ group: 'luigisbox-pins-apply', 'cancel-in-progress': false })
  expect(apply?.permissions).toEqual({ contents: 'read' })
  expect(check?.permissions).toEqual({ contents: 'read', 'pull-requests': 'read' })
})

test("the README's workflow is the example file, word for word, and every snippet is current", () => {
  const readme = readRepoFile('README.md')
  expect(readme).toContain('```yaml\n' + readRepoFile(EXAMPLE) + '```')
  const majors = new Set([...readme.matchAll(/actions\/checkout@v(\d+)/g)].map((m) => m[1]))
  expect([...majors]).toEqual(['7'])
})

test('the README shows real job summaries, each picture beside the HTML it was made from', () => {
  const readme = readRepoFile('README.md')
  for (const name of ['pull-request', 'merge']) {
    expect(readme).toContain(`](docs/job-summary/${name}.png)`)
    expect(readme).toContain(`](docs/job-summary/${name}.html)`)
    // A PNG file's signature: the picture is there, not a placeholder.
    expect(readRepoFile(`docs/job-summary/${name}.png`).startsWith('\uFFFDPNG')).toBe(true)
    expect(readRepoFile(`docs/job-summary/${name}.html`)).toContain("Luigi's Box manifests")
  }
})

test('CI tests on the Node version action.yml runs and on the oldest package.json supports', () => {
  const action = parse(readRepoFile('action.yml')) as { runs: { using: string } }
  const pkg = JSON.parse(readRepoFile('package.json')) as { engines: { node: string } }
  const ci = parse(readRepoFile('.github/workflows/ci.yml')) as {
    jobs: { test: { strategy: { matrix: { node: number[] } } } }
  }
  const runtime = Number(action.runs.using.replace('node', ''))
  const oldest = Number(/\d+/.exec(pkg.engines.node)?.[0])
  expect(ci.jobs.test.strategy.matrix.node).toEqual([runtime, oldest])
  expect(readRepoFile('.node-version').trim()).toBe(String(runtime))
})

test("action.yml's description fits the Marketplace's limit", () => {
  const action = parse(readRepoFile('action.yml')) as { description: string }
  expect(action.description.length).toBeLessThan(125)
})

test('Dependabot updates npm and the actions, and holds TypeScript majors for ts-jest', () => {
  const config = parse(readRepoFile('.github/dependabot.yml')) as {
    version: number
    updates: {
      'package-ecosystem': string
      ignore?: { 'dependency-name': string; 'update-types': string[] }[]
    }[]
  }
  expect(config.version).toBe(2)
  expect(config.updates.map((u) => u['package-ecosystem'])).toEqual(['npm', 'github-actions'])
  const held = config.updates[0]?.ignore?.find((i) => i['dependency-name'] === 'typescript')
  expect(held?.['update-types']).toEqual(['version-update:semver-major'])
  const pkg = JSON.parse(readRepoFile('package.json')) as {
    devDependencies: Record<string, string>
  }
  // The reason for holding: ts-jest 29 supports TypeScript below 7 only.
  expect(pkg.devDependencies['ts-jest']).toMatch(/^\D*29\./)
})
