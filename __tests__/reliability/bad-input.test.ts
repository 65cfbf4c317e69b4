import { startGitHubApi } from '../../tools/github-standin/server.js'
import { workflowDispatchEvent } from '../../tools/runner/event-payloads.js'
import { runAction } from '../../tools/runner/run-action.js'
import { cleanupWorkspaces, makeWorkspace } from '../../tools/runner/workspaces.js'
import { startSandbox } from '../../tools/sandbox/server.js'

afterAll(cleanupWorkspaces)

const valid =
  'model: basket\ntarget_type: item\ntarget_identity: /p/1/\npin_definitions:\n  - {position: 1, pin_type: item, pin_identity: /p/2/}\n'

const aliasBomb = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
].join('\n')

/** Each hostile file, and the problem (code and line) it must produce. */
const hostile: Record<string, { content: string | Buffer; code: string; line: number }> = {
  'luigisbox/alias-bomb.yml': { content: aliasBomb, code: 'yaml/alias-limit', line: 1 },
  'luigisbox/deep-block.yml': {
    content: `model: basket
criteria:
${'- '.repeat(10_000)}x
`,
    code: 'yaml/too-deep',
    line: 3,
  },
  'luigisbox/deep-flow.json': {
    content: '['.repeat(10_000) + ']'.repeat(10_000),
    code: 'yaml/too-deep',
    line: 1,
  },
  'luigisbox/huge.yml': {
    content: Buffer.alloc(50 * 1024 * 1024, 'a: b\n'),
    code: 'file/too-large',
    line: 1,
  },
  'luigisbox/binary.yml': {
    content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    code: 'file/encoding',
    line: 1,
  },
  'luigisbox/proto.yml': {
    content: `__proto__: {polluted: true}\n${valid}`,
    code: 'schema/unknown-key',
    line: 1,
  },
  'luigisbox/constructor.json': {
    content: `{"constructor": {"prototype": {"x": 1}}, ${JSON.stringify(JSON.parse(JSON.stringify({ model: 'm', target_type: 'all', pin_definitions: [{ position: 1, pin_type: 'item', pin_identity: 'x' }] }))).slice(1)}`,
    code: 'schema/unknown-key',
    line: 1,
  },
  'luigisbox/tabs.yml': {
    content: 'model: basket\npin_definitions:\n\t- position: 1\n',
    code: 'yaml/syntax',
    line: 3,
  },
  'luigisbox/bom-crlf.yml': {
    content: `\uFEFF${valid.replace('target_type: item', 'target_type: itemz')}`.replace(
      /\n/g,
      '\r\n',
    ),
    code: 'schema/enum',
    line: 2,
  },
}

test('hostile and malformed files each give a located problem, in bounded time and memory, and nothing is sent', async () => {
  const sandbox = await startSandbox()
  const api = await startGitHubApi({})
  try {
    const workspace = await makeWorkspace(
      Object.fromEntries(Object.entries(hostile).map(([file, h]) => [file, h.content])),
    )
    const started = Date.now()
    const result = await runAction({
      eventName: 'workflow_dispatch',
      event: workflowDispatchEvent(),
      apiUrl: api.url,
      workspace,
      inputs: {
        'tracker-id': sandbox.trackerId,
        'private-key': sandbox.privateKey,
        'api-url': sandbox.url,
      },
      // A run that needed more memory than this would crash instead of passing.
      extraEnv: { NODE_OPTIONS: '--max-old-space-size=192' },
      timeoutMs: 30_000,
    })
    expect(Date.now() - started).toBeLessThan(20_000)
    expect(result.signal).toBeNull()
    expect(result.exitCode).toBe(1)
    expect(result.stderr).toBe('')
    for (const [file, { code, line }] of Object.entries(hostile)) {
      const annotation = result.annotations.find((a) => a.properties.file === file)
      expect([annotation?.properties.title, annotation?.properties.line]).toEqual([code, line])
      expect(result.summary).toContain(`blob/${result.env.GITHUB_SHA}/${file}#L${line}"`)
      expect(result.summary).toContain(code)
    }
    expect(sandbox.requests).toEqual([])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  } finally {
    await sandbox.close()
    await api.close()
  }
}, 60_000)
