// The e2e harness is only as trustworthy as its reading of stdout and the output file, so those
// parsers are checked here against hand-written lines and against what @actions/core itself
// writes; a stand-in entry script also exercises runAction without needing dist/.
import { mkdtemp, readFile, readlink, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '@actions/core'
import fc from 'fast-check'
import { actionDefaultsFrom } from '../tools/runner/action-defaults.js'
import { buildEnv, inputEnvName } from '../tools/runner/environment.js'
import {
  ZERO_SHA,
  mergeGroupEvent,
  pullRequestEvent,
  pushEvent,
} from '../tools/runner/event-payloads.js'
import { defaultShaAndRef } from '../tools/runner/event-sha-and-ref.js'
import { parseOutputFile } from '../tools/runner/output-file.js'
import { runAction } from '../tools/runner/run-action.js'
import type { RunnerFiles } from '../tools/runner/runner-files.js'
import {
  type AnnotationProperties,
  parseAnnotationLine,
  parseAnnotations,
} from '../tools/runner/workflow-commands.js'
import { cleanupWorkspaces, makeWorkspace } from '../tools/runner/workspaces.js'
import { REPO_ROOT } from '../tools/shared/repo-paths.js'

const HEAD = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00'
const BASE = 'ba5eba11ba5eba11ba5eba11ba5eba11ba5eba11'

afterAll(cleanupWorkspaces)

describe('parseAnnotationLine', () => {
  it('reads every property and undoes the property escapes', () => {
    const line =
      '::error title=pin/block-position%3A a%2C b,file=luigisbox/a b.yml,line=3,endLine=4,col=5,endColumn=9::bad'
    expect(parseAnnotationLine(line)).toEqual({
      level: 'error',
      properties: {
        title: 'pin/block-position: a, b',
        file: 'luigisbox/a b.yml',
        line: 3,
        endLine: 4,
        col: 5,
        endColumn: 9,
      },
      message: 'bad',
    })
  })

  it('undoes %25 %0D %0A in messages but leaves %3A and %2C alone there', () => {
    expect(parseAnnotationLine('::warning::50%25 done%0D%0Anext%3A a%2C b')).toEqual({
      level: 'warning',
      properties: {},
      message: '50% done\r\nnext%3A a%2C b',
    })
  })

  it('undoes escapes in one pass, so an escaped percent before 0A stays literal', () => {
    expect(parseAnnotationLine('::notice::%250A and %25%25')?.message).toBe('%0A and %%')
    expect(parseAnnotationLine('::notice title=%253A::x')?.properties).toEqual({ title: '%3A' })
  })

  it('keeps colons in the message and accepts the empty property list core can write', () => {
    expect(parseAnnotationLine('::error ::a::b: c')).toEqual({
      level: 'error',
      properties: {},
      message: 'a::b: c',
    })
  })

  it('keeps properties the runner does not know, so misspellings are visible', () => {
    expect(parseAnnotationLine('::error startLine=3::x')?.properties).toEqual({ startLine: '3' })
  })

  it('ignores other workflow commands and text that merely contains a command', () => {
    for (const line of ['::debug::x', '::add-mask::secret', '::group::g', 'see ::error::x', '']) {
      expect(parseAnnotationLine(line)).toBeUndefined()
    }
  })

  it('rejects a non-numeric line, which would be a bug in the Action', () => {
    expect(() => parseAnnotationLine('::error line=three::x')).toThrow(/line=three/)
  })
})

describe('parseAnnotations', () => {
  it('collects annotations from mixed stdout, CRLF included', () => {
    const stdout = [
      'Validating 2 manifests',
      '::error file=a.yml,line=1::one',
      '::debug::noise',
      '::warning file=b.yml,line=2::two\r',
      '::notice::three',
      '',
    ].join('\n')
    expect(parseAnnotations(stdout).map((a) => [a.level, a.properties.file, a.message])).toEqual([
      ['error', 'a.yml', 'one'],
      ['warning', 'b.yml', 'two'],
      ['notice', undefined, 'three'],
    ])
  })

  it('ignores commands between ::stop-commands:: and its resume token, as the runner does', () => {
    const stdout = [
      '::stop-commands::pause-1',
      '::error::not an annotation',
      '::pause-1::',
      '::error::an annotation',
    ].join('\n')
    expect(parseAnnotations(stdout).map((a) => a.message)).toEqual(['an annotation'])
  })
})

describe('parseOutputFile', () => {
  it('reads heredocs, including empty and multi-line values and look-alike text', () => {
    const file = [
      'problems<<ghadelimiter_1',
      '3',
      'ghadelimiter_1',
      'empty<<ghadelimiter_2',
      '',
      'ghadelimiter_2',
      'json<<ghadelimiter_3',
      '[{"a":"x=1"},',
      'y<<z]',
      'ghadelimiter_3',
      '',
    ].join('\n')
    expect(parseOutputFile(file)).toEqual({
      problems: '3',
      empty: '',
      json: '[{"a":"x=1"},\ny<<z]',
    })
  })

  it('reads name=value lines, lets later values win and tolerates CRLF around delimiters', () => {
    const file = 'a=1\r\nb<<EOF\r\nx\r\nEOF\r\na=2=3\n'
    expect(parseOutputFile(file)).toEqual({ a: '2=3', b: 'x\r' })
  })

  it('fails on a heredoc without its closing delimiter, as the runner does', () => {
    expect(() => parseOutputFile('a<<EOF\nvalue\n')).toThrow(/closing delimiter/)
  })
})

describe('round trips through @actions/core itself', () => {
  const tricky = fc.string({
    unit: fc.constantFrom('%', '\r', '\n', ':', ',', '=', '<', ' ', '0', 'A', 'D', '2', 'é', 'a'),
    maxLength: 30,
  })

  afterEach(() => {
    jest.restoreAllMocks()
  })

  function captureStdout(run: () => void): string {
    let captured = ''
    jest.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array) => {
      captured += String(chunk)
      return true
    }) as typeof process.stdout.write)
    run()
    jest.restoreAllMocks()
    return captured
  }

  it('parses back exactly what core.error/warning/notice wrote', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('error', 'warning', 'notice' as const),
        tricky,
        tricky,
        tricky,
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 500 }),
        (level, message, title, file, startLine, startColumn) => {
          const stdout = captureStdout(() =>
            core[level](message, { title, file, startLine, startColumn, endColumn: startColumn }),
          )
          // core drops empty property values rather than writing `title=`.
          const expected: AnnotationProperties = { line: startLine, col: startColumn }
          if (title) expected.title = title
          if (file) expected.file = file
          expect(parseAnnotations(stdout)).toEqual([
            { level, message, properties: { ...expected, endColumn: startColumn } },
          ])
        },
      ),
      { numRuns: 300 },
    )
  })

  it('parses back exactly what core.setOutput wrote', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'run-action-test-'))
    const saved = process.env['GITHUB_OUTPUT']
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.dictionary(
            fc.stringMatching(/^[A-Za-z_][\w-]{0,10}$/),
            fc.oneof(tricky, fc.string({ unit: 'grapheme' })),
          ),
          async (outputs) => {
            const file = join(dir, 'output')
            await writeFile(file, '')
            process.env['GITHUB_OUTPUT'] = file
            for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value)
            expect(parseOutputFile(await readFile(file, 'utf8'))).toEqual(outputs)
          },
        ),
        { numRuns: 200 },
      )
    } finally {
      if (saved === undefined) delete process.env['GITHUB_OUTPUT']
      else process.env['GITHUB_OUTPUT'] = saved
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('the environment', () => {
  const files: RunnerFiles = {
    event: '/t/event.json',
    summary: '/t/summary',
    output: '/t/output',
    env: '/t/env',
    path: '/t/path',
    state: '/t/state',
    runnerTemp: '/t/runner-temp',
  }

  it('names inputs as @actions/core reads them: upper case, hyphens kept, spaces to _', () => {
    expect(inputEnvName('tracker-id')).toBe('INPUT_TRACKER-ID')
    expect(inputEnvName('fail on warning')).toBe('INPUT_FAIL_ON_WARNING')
  })

  it('is built from scratch: runner variables and inputs, none of the test process', () => {
    const env = buildEnv(
      {
        eventName: 'push',
        event: pushEvent({ before: BASE, after: HEAD }),
        apiUrl: 'http://127.0.0.1:1',
        workspace: '/ws',
        inputs: { 'tracker-id': '123', 'dry-run': undefined },
        actionDefaults: false,
        extraEnv: { RUNNER_DEBUG: '1', RUNNER_OS: undefined },
      },
      files,
    )
    expect(env).toMatchObject({
      'INPUT_TRACKER-ID': '123',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: files.event,
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_OUTPUT: files.output,
      GITHUB_API_URL: 'http://127.0.0.1:1',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_WORKSPACE: '/ws',
      GITHUB_REPOSITORY: 'owner/repo',
      GITHUB_SHA: HEAD,
      GITHUB_REF: 'refs/heads/main',
      RUNNER_TEMP: files.runnerTemp,
      RUNNER_DEBUG: '1',
    })
    expect(env).not.toHaveProperty('INPUT_DRY-RUN')
    expect(env).not.toHaveProperty('RUNNER_OS')
    expect(env).not.toHaveProperty('NODE_OPTIONS')
    expect(env).not.toHaveProperty('JEST_WORKER_ID')
  })

  it('sets GITHUB_SHA and GITHUB_REF per event as the runner does', () => {
    const pr = pullRequestEvent({ number: 7, headSha: HEAD, baseSha: BASE, changedFiles: 1 })
    expect(defaultShaAndRef('pull_request', pr)).toEqual({
      sha: pr.pull_request.merge_commit_sha,
      ref: 'refs/pull/7/merge',
    })
    const queue = mergeGroupEvent({ baseSha: BASE, headSha: HEAD, pullNumber: 7 })
    expect(defaultShaAndRef('merge_group', queue)).toEqual({
      sha: HEAD,
      ref: `refs/heads/gh-readonly-queue/main/pr-7-${BASE}`,
    })
  })

  it("fills action.yml defaults, with the job's token for ${{ github.token }}", () => {
    const yml = [
      'inputs:',
      '  mode: { default: auto }',
      '  dry-run: { default: false }',
      '  concurrency: { default: 4 }',
      "  github-token: { default: '${{ github.token }}' }",
      '  tracker-id: { required: false }',
    ].join('\n')
    expect(actionDefaultsFrom(yml, 'ghs_x')).toEqual({
      mode: 'auto',
      'dry-run': 'false',
      concurrency: '4',
      'github-token': 'ghs_x',
    })
    expect(() => actionDefaultsFrom("inputs: { a: { default: '${{ vars.X }}' } }", 't')).toThrow(
      /cannot evaluate/,
    )
  })
})

describe('event payloads', () => {
  it('mark branch creation and deletion from the zero sha', () => {
    expect(pushEvent({ before: ZERO_SHA, after: HEAD })).toMatchObject({
      created: true,
      deleted: false,
    })
    const deleted = pushEvent({ before: BASE, after: ZERO_SHA })
    expect(deleted).toMatchObject({ created: false, deleted: true, head_commit: null, commits: [] })
  })

  it('put a fork pull request head in another repository', () => {
    const pr = pullRequestEvent({
      number: 3,
      headSha: HEAD,
      baseSha: BASE,
      changedFiles: 2,
      fork: true,
    })
    expect(pr.pull_request.head.repo).toMatchObject({ fork: true, full_name: 'contributor/repo' })
    expect(pr.repository).toMatchObject({ full_name: 'owner/repo', owner: { login: 'owner' } })
  })
})

describe('makeWorkspace', () => {
  it('creates nested files, binary files and symlinks, and refuses paths outside', async () => {
    const root = await makeWorkspace({
      'luigisbox/deep/a.yml': 'model: x\n',
      'bin.dat': Buffer.from([0, 1, 2]),
      'luigisbox/escape.yml': { symlink: '/etc/passwd' },
    })
    expect(await readFile(join(root, 'luigisbox/deep/a.yml'), 'utf8')).toBe('model: x\n')
    expect([...(await readFile(join(root, 'bin.dat')))]).toEqual([0, 1, 2])
    expect(await readlink(join(root, 'luigisbox/escape.yml'))).toBe('/etc/passwd')
    await expect(makeWorkspace({ '../outside.yml': 'x' })).rejects.toThrow(/inside the workspace/)
    await cleanupWorkspaces()
    await expect(stat(root)).rejects.toThrow(/ENOENT/)
  })
})

describe('runAction with a stand-in entry script', () => {
  // Written inside the repository so it resolves @actions/core from node_modules like dist does.
  const corePath = join(REPO_ROOT, 'node_modules/@actions/core/lib/core.js')

  async function entry(body: string): Promise<string> {
    const dir = await makeWorkspace({
      'entry.mjs': `import * as core from ${JSON.stringify(corePath)}\n${body}`,
    })
    return join(dir, 'entry.mjs')
  }

  it('runs like the runner and reads back exit code, annotations, summary and outputs', async () => {
    const script = await entry(`
      import { readFileSync } from 'node:fs'
      const event = JSON.parse(readFileSync(process.env.GITHUB_EVENT_PATH, 'utf8'))
      core.setOutput('seen', JSON.stringify({
        tracker: core.getInput('tracker-id'),
        number: event.number,
        cwd: process.cwd(),
        nodeOptions: process.env.NODE_OPTIONS ?? null,
      }))
      core.setOutput('multi', 'line 1\\nline 2\\n')
      core.warning('look, 100%', { file: 'luigisbox/a.yml', startLine: 2 })
      await core.summary.addHeading('Pins').write()
      core.setFailed('1 problem')
    `)
    const workspace = await makeWorkspace({ 'luigisbox/a.yml': 'x: 1\n' })
    const result = await runAction({
      entry: script,
      eventName: 'pull_request',
      event: pullRequestEvent({ number: 7, headSha: HEAD, baseSha: BASE, changedFiles: 1 }),
      apiUrl: 'http://127.0.0.1:1',
      workspace,
      inputs: { 'tracker-id': '4242-1234' },
      actionDefaults: false,
    })
    expect(result.exitCode).toBe(1)
    expect(JSON.parse(result.outputs['seen']!)).toEqual({
      tracker: '4242-1234',
      number: 7,
      cwd: workspace,
      nodeOptions: null,
    })
    expect(result.outputs['multi']).toBe('line 1\nline 2\n')
    expect(result.annotations).toEqual([
      { level: 'warning', properties: { file: 'luigisbox/a.yml', line: 2 }, message: 'look, 100%' },
      { level: 'error', properties: {}, message: '1 problem' },
    ])
    expect(result.summary).toBe('<h1>Pins</h1>\n')
  })

  it.each([
    ['the log', 'core.info(`using ${core.getInput("private-key")}`)'],
    ['the summary', 'await core.summary.addRaw(core.getInput("private-key")).write()'],
    ['an output', 'core.setOutput("x", core.getInput("private-key"))'],
  ])(
    'fails the run when the private key leaks into %s (masking it is allowed)',
    async (_, leak) => {
      const script = await entry(`core.setSecret(core.getInput("private-key"))\n${leak}`)
      const run = (key: string) =>
        runAction({
          entry: script,
          eventName: 'workflow_dispatch',
          event: { repository: { full_name: 'owner/repo' } },
          apiUrl: 'http://127.0.0.1:1',
          workspace: tmpdir(),
          inputs: { 'private-key': key },
          actionDefaults: false,
        })
      await expect(run('pk_test_0123456789abcdef')).rejects.toThrow(/private key leaked/)
      // Too short to scan: a word like this appears in ordinary prose.
      await expect(run('secret')).resolves.toMatchObject({ exitCode: 0 })
    },
  )

  it('kills a bundle that hangs and says so', async () => {
    const script = await entry('setInterval(() => {}, 1000)\nconsole.log("still here")')
    await expect(
      runAction({
        entry: script,
        eventName: 'workflow_dispatch',
        event: { repository: { full_name: 'owner/repo' } },
        apiUrl: 'http://127.0.0.1:1',
        workspace: tmpdir(),
        actionDefaults: false,
        // Long enough for node to start and print on a loaded machine; the kill is what is tested.
        timeoutMs: 5000,
      }),
    ).rejects.toThrow(/still running after 5000 ms[\s\S]*still here/)
  })
})
