// `npm run demo` is the README's main command, so it has to keep telling the story it tells:
// annotations on the pull request, created ids on merge, nothing written on a re-run. It runs
// the built dist/ (like the e2e tests), from a directory outside the repository, and must leave
// no temp directory behind.
import { spawn } from 'node:child_process'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { stripVTControlCharacters } from 'node:util'
import { beforeAll, describe, expect, it } from '@jest/globals'
import { decodeEntities, htmlToText } from '../tools/demo/html-to-text.js'
import { formatAnnotation } from '../tools/demo/show-run.js'
import { REPO_ROOT } from '../tools/shared/repo-paths.js'

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
// Colours are on only on a terminal, but a developer may run Jest in one.
const plain = stripVTControlCharacters

interface DemoRun {
  exitCode: number | null
  stdout: string
  stderr: string
  leftBehind: string[]
  ms: number
}

async function runDemo(): Promise<DemoRun> {
  const cwd = await mkdtemp(join(tmpdir(), 'demo-cwd-'))
  const temp = await mkdtemp(join(tmpdir(), 'demo-tmp-'))
  const env: Record<string, string | undefined> = { ...process.env, TMPDIR: temp, NO_COLOR: '1' }
  // Jest's --experimental-vm-modules is not how `npm run demo` runs.
  delete env['NODE_OPTIONS']
  delete env['FORCE_COLOR']
  const started = Date.now()
  try {
    // The demo is TypeScript: run it with tsx's loader as `npm run demo` does, but without tsx's
    // transform cache, which would be left in TMPDIR.
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
    const child = spawn(
      process.execPath,
      ['--import', tsx, join(REPO_ROOT, 'tools', 'demo', 'main.ts')],
      { cwd, env: { ...env, TSX_DISABLE_CACHE: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject)
      child.on('close', resolve)
    })
    return { exitCode, stdout, stderr, leftBehind: await readdir(temp), ms: Date.now() - started }
  } finally {
    await rm(cwd, { recursive: true, force: true })
    await rm(temp, { recursive: true, force: true })
  }
}

describe('npm run demo', () => {
  let demo: DemoRun
  beforeAll(async () => {
    demo = await runDemo()
  }, 60_000)

  const act = (n: number) => {
    const start = demo.stdout.indexOf(`Act ${n} of 3`)
    const end = demo.stdout.indexOf(n === 3 ? '━━━ Result' : `Act ${n + 1} of 3`)
    expect(start).toBeGreaterThanOrEqual(0)
    return demo.stdout.slice(start, end)
  }

  it('behaves as expected in every act, quickly, from outside the repository', () => {
    // The transcript says what differed; show it rather than just the exit code.
    const failure = demo.exitCode === 0 ? '' : `${demo.stdout}\n${demo.stderr}`
    expect({ exitCode: demo.exitCode, failure }).toEqual({ exitCode: 0, failure: '' })
    expect(demo.stderr).toBe('')
    expect(demo.stdout).toContain('All three acts behaved as expected')
    expect(demo.ms).toBeLessThan(20_000)
  })

  it('leaves no temp directory behind', () => {
    expect(demo.leftBehind).toEqual([])
  })

  it('shows the pull request annotated on the new file only, and the step failing', () => {
    const pullRequest = act(1)
    expect(pullRequest).toMatch(
      /^ {2}luigisbox\/home\/new-arrivals\.yml:9:5 error schema\/unknown-key .*pin_identty/m,
    )
    expect(pullRequest).toMatch(/^ {2}luigisbox\/home\/new-arrivals\.yml:\d+:\d+ error \S+ \S/m)
    expect(pullRequest).not.toMatch(/^ {2}luigisbox\/basket\/amplifiers\.json:\d/m)
    expect(pullRequest).toMatch(/^Exit code 1 /m)
  })

  it('shows the merge creating customizations with their ids, and the re-run writing nothing', () => {
    const created = [...act(2).matchAll(new RegExp(`created(?: +| \\| )(${UUID})$`, 'gm'))]
    expect(created.length).toBeGreaterThan(0)
    expect(act(2)).toContain(`Writes to Luigi's Box in this act: ${created.length}\n`)

    const rerun = act(3)
    const unchanged = [...rerun.matchAll(new RegExp(`unchanged(?: +| \\| )(${UUID})$`, 'gm'))]
    expect(unchanged.map((m) => m[1])).toEqual(created.map((m) => m[1]))
    expect(rerun).not.toMatch(/\bcreated\b/)
    expect(rerun).toContain("Writes to Luigi's Box in this act: 0\n")
  })
})

describe('the summary as plain text', () => {
  it('underlines headings, puts list items and table rows on lines, decodes entities once', () => {
    const html = [
      '<h2>A &amp;lt; B</h2>',
      '<p>x &lt;y&gt; &#39;z&#39; &#x263A;</p>',
      '<ul>',
      '<li>one</li>',
      '<li><code>two</code> &quot;2&quot;</li>',
      '</ul>',
      '<table>',
      '<tr><th>Key</th><th>V</th></tr>',
      '<tr><td><a href="https://x">a</a></td><td>🆕 1</td></tr>',
      '<tr><td>b&amp;b</td><td>2</td></tr>',
      '</table>',
      '<p>end</p>',
    ].join('\n')
    expect(plain(htmlToText(html, 200))).toBe(
      [
        'A &lt; B',
        '════════',
        '',
        "x <y> 'z' ☺",
        '',
        '• one',
        '• two "2"',
        '',
        'Key  V',
        '───  ────',
        'a    🆕 1',
        'b&b  2',
        '',
        'end',
      ].join('\n'),
    )
  })

  it('falls back to one `a | b` line per row when a table is wider than the terminal', () => {
    const html = '<table><tr><th>K</th><th>V</th></tr><tr><td>a</td><td>1</td></tr></table>'
    expect(plain(htmlToText(html, 5))).toBe('K | V\na | 1')
  })

  it('decodes named and numeric entities and leaves unknown ones alone', () => {
    expect(decodeEntities('&amp;&lt;&gt;&quot;&#39;&apos;&#8594;&#x2192;&bogus;')).toBe(
      "&<>\"''→→&bogus;",
    )
  })

  it('prints an annotation as file:line:col level title message', () => {
    const line = formatAnnotation({
      level: 'error',
      properties: { file: 'luigisbox/a.yml', line: 3, col: 14, title: 'pin/position' },
      message: 'bad',
    })
    expect(plain(line)).toBe('luigisbox/a.yml:3:14 error pin/position bad')
    expect(plain(formatAnnotation({ level: 'error', properties: {}, message: 'failed' }))).toBe(
      'error failed',
    )
  })
})
