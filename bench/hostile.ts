// Hostile files: one manifest of about 1 MiB (the most a manifest may be) in each shape that
// could make validation slow or greedy, timed through the command line on one file. A fork's
// pull request can hold any of them, so each must validate in well under a second.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { isEntryPoint } from '../tools/shared/entry-point.js'
import { CLI_ENTRY } from '../tools/shared/repo-paths.js'
import { log, median, timeNode } from './measure.js'
import { HOSTILE_BYTES, HOSTILE_RUNS } from './settings.js'

export interface HostileShape {
  name: string
  /** What the file holds, in a few words, for the report. */
  what: string
  file: string
  text: string
}

const HEAD = 'model: basket\ntarget_type: all\npin_definitions:\n'

/**
 * `head`, then `unit(0)`, `unit(1)`, … for as long as the text stays within `bytes`, then
 * `tail`: a file just under the size limit whatever the unit's length.
 */
function fill(head: string, unit: (i: number) => string, tail = '', bytes = HOSTILE_BYTES): string {
  const parts = [head]
  let size = Buffer.byteLength(head) + Buffer.byteLength(tail)
  for (let i = 0; ; i++) {
    const next = unit(i)
    size += Buffer.byteLength(next)
    if (size > bytes) break
    parts.push(next)
  }
  parts.push(tail)
  return parts.join('')
}

const pin = (i: number, position = i + 1) =>
  `  - position: ${position}\n    pin_type: item\n    pin_identity: /p/${i}/\n`

const crlf = (text: string) => text.replace(/\n/g, '\r\n')

/** `[…]` items joined by `, ` up to the size, as one line. */
function flowList(head: string, item: (i: number) => string, tail: string): string {
  const body = fill(
    '',
    (i) => `${i === 0 ? '' : ', '}${item(i)}`,
    '',
    HOSTILE_BYTES - head.length - tail.length,
  )
  return `${head}${body}${tail}`
}

/** The shapes, each about `HOSTILE_BYTES` long. */
export function hostileShapes(): HostileShape[] {
  const jsonPin = (i: number) => `{"position": 1, "pin_type": "item", "pin_identity": "/p/${i}/"}`
  const jsonPins = (separator: string) =>
    fill(
      `{"model": "basket", "target_type": "all", "pin_definitions": [${separator}`,
      (i) => `${i === 0 ? '' : `,${separator}`}${jsonPin(i)}`,
      `${separator}]}\n`,
    )
  const shapes: HostileShape[] = []
  const add = (name: string, what: string, text: string, ext = 'yml') => {
    const file = `h${String(shapes.length).padStart(2, '0')}-${name.replace(/\W+/g, '-')}.${ext}`
    shapes.push({ name, what, file, text })
  }

  add(
    'valid',
    'distinct pins, no mistake',
    fill(HEAD, (i) => pin(i)),
  )
  add(
    'collisions',
    'every pin at position 1',
    fill(HEAD, (i) => pin(i, 1)),
  )
  add(
    'empty pins',
    '`- {}` pins',
    fill(HEAD, () => '  - {}\n'),
  )
  add(
    'repeated keys',
    'one key, over and over',
    fill('', () => 'model: basket\n'),
  )
  add('one-line JSON', 'pins at one position, on one line', jsonPins(''), 'json')
  add(
    'JSON error at the end',
    'pretty JSON, a trailing comma before the last ]',
    jsonPins('\n    ').replace(/\n {4}\]\}\n$/, ',\n    ]}\n'),
    'json',
  )
  add(
    'tabs and brackets',
    '`\\t[` repeated',
    fill('model: basket\ncriteria: ', () => '\t['),
  )
  add(
    'dashes',
    '`- ` repeated',
    fill('model: basket\ncriteria:\n', () => '- '),
  )
  add(
    'deep but allowed',
    'pins whose criteria nest 60 levels',
    fill(HEAD, (i) => {
      const levels = Array.from({ length: 58 }, (_, d) => `${'  '.repeat(d + 3)}l${d}:\n`).join('')
      return `  - position: ${i + 1}\n    pin_type: criteria\n    pin_criteria:\n${levels}${'  '.repeat(61)}brand: b${i}\n`
    }),
  )
  add(
    'many documents',
    'small customizations, one per document',
    fill(
      '',
      (i) =>
        `---\nmodel: m${i}\ntarget_type: all\npin_definitions:\n  - {position: 1, pin_type: item, pin_identity: /p/1/}\n`,
    ),
  )
  add(
    'empty documents',
    '`---` repeated',
    fill('', () => '---\n'),
  )
  add(
    'long flow list',
    'tags: one line of numbers',
    flowList(
      `${HEAD}  - {position: 1, pin_type: item, pin_identity: /p/1/}\ntags: [`,
      (i) => String(i),
      ']\n',
    ),
  )
  add(
    'unknown keys',
    'top-level keys no customization has',
    fill(
      HEAD.replace('pin_definitions:\n', ''),
      (i) => `key_${i}: ${i}\n`,
      'pin_definitions:\n  - {position: 1, pin_type: item, pin_identity: /p/1/}\n',
    ),
  )
  add(
    'bad dates',
    'every pin with an impossible date',
    fill(HEAD, (i) => `${pin(i)}    active_from: 2026-13-45T25:61:00Z\n`),
  )
  add(
    'syntax error at the end',
    'valid pins, then an unclosed quote',
    fill(
      HEAD,
      (i) => pin(i),
      '  - position: 1\n    pin_type: item\n    pin_identity: "/p/unclosed/\n',
    ),
  )
  add(
    'CRLF',
    'every pin at position 1, CRLF line ends',
    fill(crlf(HEAD), (i) => crlf(pin(i, 1))),
  )
  add(
    'anchors',
    'an anchor on every pin, all at position 1',
    fill(HEAD, (i) => `  - &p${i} {position: 1, pin_type: item, pin_identity: /p/${i}/}\n`),
  )
  add(
    'aliases',
    'one anchored pin, then aliases of it',
    fill(`${HEAD}  - &p {position: 1, pin_type: item, pin_identity: /p/1/}\n`, () => '  - *p\n'),
  )
  return shapes
}

export interface HostileRow {
  name: string
  what: string
  bytes: number
  ms: number
  rssMb: number
  /** Problems the command line reported (JSON output), the first one's code and place. */
  problems: number
  first: string
}

/** The shapes as files in `dir`, to try one by hand. */
export function writeHostileShapes(dir: string): HostileShape[] {
  mkdirSync(dir, { recursive: true })
  const shapes = hostileShapes()
  for (const shape of shapes) writeFileSync(path.join(dir, shape.file), shape.text)
  return shapes
}

/** Each shape validated by `node dist/cli/index.js validate --format json <file>`. */
export function hostileBenchmark(data: string): HostileRow[] {
  const dir = path.join(data, 'hostile')
  const rows: HostileRow[] = []
  for (const shape of writeHostileShapes(dir)) {
    log(`  hostile: ${shape.name}, ${HOSTILE_RUNS} run(s)…`)
    const runs = Array.from({ length: HOSTILE_RUNS }, () =>
      timeNode([CLI_ENTRY, 'validate', '--format', 'json', shape.file], dir),
    )
    const last = runs[runs.length - 1]
    const problems = parseProblems(last?.stdout ?? '')
    if (last?.status !== 0 && last?.status !== 1)
      throw new Error(
        `validate exited ${last?.status} on ${shape.name}:\n${last?.stderr.slice(-2000)}`,
      )
    rows.push({
      name: shape.name,
      what: shape.what,
      bytes: Buffer.byteLength(shape.text),
      ms: median(runs.map((r) => r.ms)),
      rssMb: Math.max(...runs.map((r) => r.rssMb)),
      problems: problems.length,
      first: problems[0] ? `${problems[0].line}:${problems[0].column} ${problems[0].code}` : 'none',
    })
  }
  return rows
}

function parseProblems(stdout: string): { line: number; column: number; code: string }[] {
  try {
    return (JSON.parse(stdout) as { problems: { line: number; column: number; code: string }[] })
      .problems
  } catch {
    return []
  }
}

if (isEntryPoint(import.meta.url)) {
  for (const shape of writeHostileShapes(process.argv[2] ?? '.bench-tmp/hostile'))
    log(`${shape.file}: ${shape.what}`)
}
