import { deferredLog, logLine, progressLine } from '../../src/report/progress.js'

test('an id or message from the server cannot start a workflow command of its own', () => {
  const line = progressLine(
    {
      file: 'luigisbox/a.yml',
      document: 0,
      line: 1,
      scope: 'basket · all',
      action: 'created',
      id: 'x\n::error file=README.md::forged',
      error: 'a\r\n::stop-commands::t',
    },
    1,
    1,
  )
  expect(line).not.toMatch(/[\r\n]/)
  expect(line).toBe(
    '[1/1] created luigisbox/a.yml#1 (basket · all) → x\\n::error file=README.md::forged: a\\n::stop-commands::t',
  )
})

test('control characters from outside are shown, not obeyed by a terminal or log viewer', () => {
  expect(logLine('evil\u001b[2K\u001b[1Aforged\u0007\u0000 tab\tkept\u2028')).toBe(
    'evil\\u001b[2K\\u001b[1Aforged\\u0007\\u0000 tab\tkept\\u2028',
  )
})

describe('deferredLog', () => {
  const recorder = () => {
    const written: string[] = []
    return {
      written,
      io: {
        info: (t: string) => written.push(`info ${t}`),
        debug: (t: string) => written.push(`debug ${t}`),
      },
    }
  }

  test('writes nothing during the turn, then every line in the order it was made', async () => {
    const { written, io } = recorder()
    const log = deferredLog(io)
    log.info('[1/2] created a')
    log.debug('POST /scope: HTTP 201')
    log.info('[2/2] created b')
    expect(written).toEqual([])
    await new Promise((resolve) => setImmediate(resolve))
    expect(written).toEqual([
      'info [1/2] created a',
      'debug POST /scope: HTTP 201',
      'info [2/2] created b',
    ])
  })

  test('flush writes what waits at once, and the turn after writes nothing twice', async () => {
    const { written, io } = recorder()
    const log = deferredLog(io)
    log.info('one')
    log.flush()
    expect(written).toEqual(['info one'])
    log.info('two')
    await new Promise((resolve) => setImmediate(resolve))
    log.flush()
    expect(written).toEqual(['info one', 'info two'])
  })
})
