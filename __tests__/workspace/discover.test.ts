import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import {
  DEFAULT_MANIFEST_GLOBS,
  findManifests,
  manifestMatcher,
  parseGlobs,
} from '../../src/workspace/discover.js'

const DEFAULT = { include: DEFAULT_MANIFEST_GLOBS, exclude: [] }

describe('parseGlobs', () => {
  test('one glob a line; blank lines, comments and surrounding spaces ignored; CRLF too', () => {
    expect(
      parseGlobs('\n  luigisbox/**/*.yml  \r\n# a comment\r\n\r\n   \nconfig/pins.json\n'),
    ).toEqual({ include: ['luigisbox/**/*.yml', 'config/pins.json'], exclude: [] })
  })

  test('"!" excludes and a leading "./" is optional on both', () => {
    expect(
      parseGlobs('./luigisbox/**/*.{yml,yaml,json}\n!./luigisbox/drafts/**\n!luigisbox/*.json'),
    ).toEqual({
      include: ['luigisbox/**/*.{yml,yaml,json}'],
      exclude: ['luigisbox/drafts/**', 'luigisbox/*.json'],
    })
  })

  test('nothing but comments and excludes leaves nothing to include', () => {
    expect(parseGlobs('# none\n\n!luigisbox/**')).toEqual({
      include: [],
      exclude: ['luigisbox/**'],
    })
  })
})

describe('manifestMatcher', () => {
  const matches = manifestMatcher(DEFAULT)

  test.each([
    'luigisbox/a.yml',
    'luigisbox/a.yaml',
    'luigisbox/a.json',
    'luigisbox/deep/er/b.yml',
    'luigisbox/.hidden/c.yml',
    'luigisbox/.d.yml',
  ])('the default globs match %s', (file) => {
    expect(matches(file)).toBe(true)
  })

  test.each([
    'luigisbox/a.txt',
    'luigisbox/a.yml.bak',
    'luigisbox.yml',
    'other/luigisbox/a.yml',
    'a.yml',
  ])('the default globs do not match %s', (file) => {
    expect(matches(file)).toBe(false)
  })

  test.each(['luigisbox/A.YML', 'luigisbox/b.Yaml', 'luigisbox/deep/C.JSON'])(
    'extensions match in any case: %s',
    (file) => {
      expect(matches(file)).toBe(true)
    },
  )

  test('only the extension is compared without case: the directories match as written', () => {
    expect(matches('LUIGISBOX/a.yml')).toBe(false)
    expect(manifestMatcher(parseGlobs('luigisbox/*.json'))('luigisbox/a.JSON')).toBe(true)
    expect(manifestMatcher(parseGlobs('luigisbox/*.json'))('luigisbox/a.JSON.bak')).toBe(false)
  })

  test('excludes win over includes', () => {
    const m = manifestMatcher(parseGlobs('luigisbox/**/*.yml\n!luigisbox/drafts/**'))
    expect(m('luigisbox/live.yml')).toBe(true)
    expect(m('luigisbox/drafts/wip.yml')).toBe(false)
    expect(m('luigisbox/drafts/deeper/wip.yml')).toBe(false)
  })

  test('no include glob matches nothing', () => {
    expect(manifestMatcher({ include: [], exclude: [] })('luigisbox/a.yml')).toBe(false)
  })
})

describe('findManifests', () => {
  let root: string
  let workspace: string

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'discover-'))
    workspace = path.join(root, 'ws')
    const files: Record<string, string> = {
      'luigisbox/a.yml': 'model: a',
      'luigisbox/b.yaml': 'model: b',
      'luigisbox/c.json': '{}',
      'luigisbox/notes.txt': 'not a manifest',
      'luigisbox/sub/deeper/d.yml': 'model: d',
      'luigisbox/drafts/wip.yml': 'model: wip',
      'luigisbox/.git/config.yml': 'not a manifest',
      'luigisbox/sub/.git/e.yml': 'not a manifest',
      '.git/x.yml': 'not a manifest',
      'config/pins.yml': 'model: pins',
      'luigisbox/UPPER.YML': 'model: upper',
      'luigisbox/node_modules/pkg/x.yml': 'not a manifest',
      'node_modules/pkg/y.yml': 'not a manifest',
      'other/e.yml': 'model: e',
      'top.yml': 'model: top',
    }
    for (const [file, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(workspace, file)), { recursive: true })
      await writeFile(path.join(workspace, file), text)
    }
    // Outside the workspace: a sibling a glob with ../ would reach.
    await mkdir(path.join(root, 'outside'), { recursive: true })
    await writeFile(path.join(root, 'outside', 'secret.yml'), 'model: secret')
    // Symlinks: to a directory inside, to a directory outside, a loop, and to a file.
    await symlink(path.join(workspace, 'other'), path.join(workspace, 'luigisbox', 'linked-dir'))
    await symlink(path.join(root, 'outside'), path.join(workspace, 'luigisbox', 'outside-dir'))
    await symlink(workspace, path.join(workspace, 'luigisbox', 'loop'))
    await symlink(path.join(workspace, 'top.yml'), path.join(workspace, 'luigisbox', 'link.yml'))
    await symlink(
      path.join(root, 'outside', 'secret.yml'),
      path.join(workspace, 'luigisbox', 'out.yml'),
    )
  })

  afterAll(async () => {
    await rm(root, { recursive: true, force: true })
  })

  test('the default globs (with braces) find every manifest below luigisbox/, sorted', async () => {
    expect(await findManifests(workspace, DEFAULT)).toEqual([
      'luigisbox/UPPER.YML',
      'luigisbox/a.yml',
      'luigisbox/b.yaml',
      'luigisbox/c.json',
      'luigisbox/drafts/wip.yml',
      // Symlinked files are listed; the loader vets where they lead when it reads them.
      'luigisbox/link.yml',
      'luigisbox/out.yml',
      'luigisbox/sub/deeper/d.yml',
    ])
  })

  test('symlinked directories are not descended (no loops, no files from elsewhere)', async () => {
    const found = await findManifests(workspace, parseGlobs('**/*.yml'))
    expect(found.filter((f) => /linked-dir|outside-dir|loop/.test(f))).toEqual([])
    expect(found).not.toContain('luigisbox/outside-dir/secret.yml')
  })

  test('.git directories are skipped, at the top and below', async () => {
    const found = await findManifests(workspace, parseGlobs('**/*.yml'))
    expect(found.filter((f) => f.split('/').includes('.git'))).toEqual([])
    expect(found).toEqual(
      expect.arrayContaining(['top.yml', 'other/e.yml', 'config/pins.yml', 'luigisbox/a.yml']),
    )
  })

  test('node_modules directories are skipped, at the top and below', async () => {
    const found = await findManifests(workspace, parseGlobs('**/*.yml'))
    expect(found.filter((f) => f.split('/').includes('node_modules'))).toEqual([])
  })

  test('"!" excludes are applied', async () => {
    const found = await findManifests(
      workspace,
      parseGlobs('luigisbox/**/*.{yml,yaml,json}\n!luigisbox/drafts/**\n!luigisbox/*.json'),
    )
    expect(found).not.toContain('luigisbox/drafts/wip.yml')
    expect(found).not.toContain('luigisbox/c.json')
    expect(found).toContain('luigisbox/a.yml')
  })

  test('a "./" prefix finds the same files', async () => {
    expect(await findManifests(workspace, parseGlobs('./luigisbox/**/*.{yml,yaml,json}'))).toEqual(
      await findManifests(workspace, DEFAULT),
    )
  })

  test('a literal file path finds that file, and several globs are merged without duplicates', async () => {
    expect(
      await findManifests(
        workspace,
        parseGlobs('config/pins.yml\nluigisbox/*.yml\nluigisbox/a.yml'),
      ),
    ).toEqual([
      'config/pins.yml',
      'luigisbox/UPPER.YML',
      'luigisbox/a.yml',
      'luigisbox/link.yml',
      'luigisbox/out.yml',
    ])
  })

  test('a glob whose directory does not exist finds nothing', async () => {
    expect(await findManifests(workspace, parseGlobs('missing/**/*.yml\nmissing.yml'))).toEqual([])
  })

  test.each([
    ['../outside/*.yml'],
    ['../outside/secret.yml'],
    ['luigisbox/../../outside/**/*.yml'],
    ['/etc/*'],
  ])('a glob leaving the workspace (%s) finds nothing', async (glob) => {
    expect(await findManifests(workspace, { include: [glob], exclude: [] })).toEqual([])
  })

  test('an absolute glob to the sibling directory finds nothing either', async () => {
    const globs = { include: [`${root}/outside/*.yml`], exclude: [] }
    expect(await findManifests(workspace, globs)).toEqual([])
  })
})
