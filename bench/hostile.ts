// Hostile files: one manifest of about 1 MiB (the most a manifest may be) in each shape that
// could make validation slow or greedy, validated by the command line on its own. A fork's pull
// request can hold any of them, so each must validate in well under a second.
// `tsx bench/hostile.ts <dir>` writes them, to try one by hand.
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

/**
 * `head`, then `unit(0)`, `unit(1)`, … for as long as the text stays within `bytes`, then
 * `tail`: a file just under the size limit whatever the unit's length.
 */
export function fill(
  head: string,
  unit: (i: number) => string,
  tail = '',
  bytes = HOSTILE_BYTES,
): string {
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

const HEAD = 'model: basket\ntarget_type: all\npin_definitions:\n'
const ONE_PIN = '  - {position: 1, pin_type: item, pin_identity: /p/1/}\n'
const pin = (i: number, position = i + 1) =>
  `  - position: ${position}\n    pin_type: item\n    pin_identity: /p/${i}/\n`
const jsonPins = (between: string) =>
  fill(
    `{"model": "basket", "target_type": "all", "pin_definitions": [${between}`,
    (i) =>
      `${i === 0 ? '' : `,${between}`}{"position": 1, "pin_type": "item", "pin_identity": "/p/${i}/"}`,
    `${between}]}\n`,
  )
/** Criteria nested 58 levels deep: with the document, the list, the pin and the criteria, 62. */
const deepPin = (i: number) =>
  `  - position: ${i + 1}\n    pin_type: criteria\n    pin_criteria:\n${Array.from(
    { length: 58 },
    (_, d) => `${'  '.repeat(d + 3)}l${d}:\n`,
  ).join('')}${'  '.repeat(61)}brand: b${i}\n`

/** The shapes, each about `HOSTILE_BYTES` long: [name, what, file extension, text]. */
const SHAPES: readonly [string, string, string, () => string][] = [
  ['valid', 'distinct pins, no mistake', 'yml', () => fill(HEAD, (i) => pin(i))],
  ['collisions', 'every pin at position 1', 'yml', () => fill(HEAD, (i) => pin(i, 1))],
  ['empty pins', '`- {}` pins', 'yml', () => fill(HEAD, () => '  - {}\n')],
  ['repeated keys', 'one key, over and over', 'yml', () => fill('', () => 'model: basket\n')],
  ['one-line JSON', 'every pin at position 1, on one line', 'json', () => jsonPins('')],
  [
    'JSON error at the end',
    'pretty JSON, a comma before the last ]',
    'json',
    () => jsonPins('\n    ').replace(/\n {4}\]\}\n$/, ',\n    ]}\n'),
  ],
  [
    'tabs and brackets',
    '`\\t[` repeated',
    'yml',
    () => fill('model: basket\ncriteria: ', () => '\t['),
  ],
  ['dashes', '`- ` repeated', 'yml', () => fill('model: basket\ncriteria:\n', () => '- ')],
  [
    'deep but allowed',
    'pins whose criteria nest 62 levels in all',
    'yml',
    () => fill(HEAD, deepPin),
  ],
  [
    'many documents',
    'a small customization per document',
    'yml',
    () => fill('', (i) => `---\nmodel: m${i}\ntarget_type: all\npin_definitions:\n${ONE_PIN}`),
  ],
  ['empty documents', '`---` repeated', 'yml', () => fill('', () => '---\n')],
  [
    'long flow list',
    'tags: one line of numbers',
    'yml',
    () => fill(`${HEAD}${ONE_PIN}tags: [`, (i) => `${i === 0 ? '' : ', '}${i}`, ']\n'),
  ],
  [
    'unknown keys',
    'top-level keys no customization has',
    'yml',
    () =>
      fill(
        'model: basket\ntarget_type: all\n',
        (i) => `key_${i}: ${i}\n`,
        `pin_definitions:\n${ONE_PIN}`,
      ),
  ],
  [
    'bad dates',
    'every pin with an impossible date',
    'yml',
    () => fill(HEAD, (i) => `${pin(i)}    active_from: 2026-13-45T25:61:00Z\n`),
  ],
  [
    'syntax error at the end',
    'valid pins, then an unclosed quote',
    'yml',
    () => fill(HEAD, (i) => pin(i), '  - position: 1\n    pin_type: "item\n'),
  ],
  [
    'syntax error at the start',
    'a line indented too far, then valid pins',
    'yml',
    () =>
      fill('model: basket\ntarget_type: all\n  indented: too far\npin_definitions:\n', (i) =>
        pin(i),
      ),
  ],
  [
    'CRLF',
    'every pin at position 1, CRLF line ends',
    'yml',
    () => fill(HEAD.replace(/\n/g, '\r\n'), (i) => pin(i, 1).replace(/\n/g, '\r\n')),
  ],
  [
    'anchors',
    'an anchor on every pin, all at position 1',
    'yml',
    () => fill(HEAD, (i) => `  - &p${i} {position: 1, pin_type: item, pin_identity: /p/${i}/}\n`),
  ],
  [
    'aliases',
    'one anchored pin, then aliases of it',
    'yml',
    () =>
      fill(`${HEAD}  - &p {position: 1, pin_type: item, pin_identity: /p/1/}\n`, () => '  - *p\n'),
  ],
]

export function hostileShapes(): HostileShape[] {
  return SHAPES.map(([name, what, extension, text], i) => ({
    name,
    what,
    file: `h${String(i).padStart(2, '0')}-${name.replace(/\W+/g, '-')}.${extension}`,
    text: text(),
  }))
}

/** The shapes as files in `dir`. */
export function writeHostileShapes(dir: string): HostileShape[] {
  mkdirSync(dir, { recursive: true })
  const shapes = hostileShapes()
  for (const shape of shapes) writeFileSync(path.join(dir, shape.file), shape.text)
  return shapes
}

export interface HostileRow {
  name: string
  what: string
  bytes: number
  /** Median wall time and largest peak RSS of the runs. */
  ms: number
  rssMb: number
  /** Problems the command line listed, and the first one's place and code. */
  problems: number
  first: string
}

/** The command each shape is timed with, run in the folder that holds the files. */
export const HOSTILE_ARGS = ['validate', '--format', 'json']

/** Each shape validated on its own by `node dist/cli/index.js validate --format json <file>`. */
export function hostileBenchmark(data: string): HostileRow[] {
  const dir = path.join(data, 'hostile')
  return writeHostileShapes(dir).map((shape) => {
    log(`  hostile file: ${shape.name}, ${HOSTILE_RUNS} run(s)…`)
    const runs = Array.from({ length: HOSTILE_RUNS }, () =>
      timeNode([CLI_ENTRY, ...HOSTILE_ARGS, shape.file], dir),
    )
    const last = runs[runs.length - 1]
    if (last?.status !== 0 && last?.status !== 1)
      throw new Error(
        `validate exited ${last?.status} on ${shape.name}:\n${last?.stderr.slice(-2000)}`,
      )
    const problems = (JSON.parse(last.stdout) as { problems: HostileProblem[] }).problems
    const first = problems[0]
    return {
      name: shape.name,
      what: shape.what,
      bytes: Buffer.byteLength(shape.text),
      ms: median(runs.map((run) => run.ms)),
      rssMb: Math.max(...runs.map((run) => run.rssMb)),
      problems: problems.length,
      first: first ? `${first.line}:${first.column} ${first.code}` : 'none',
    }
  })
}

interface HostileProblem {
  line: number
  column: number
  code: string
}

if (isEntryPoint(import.meta.url)) {
  for (const shape of writeHostileShapes(process.argv[2] ?? '.bench-tmp/hostile'))
    log(`${shape.file}: ${shape.what}`)
}
