// The hostile files must be what the report says they are: each just under the size a manifest
// may be (a file over it is refused unread, and would measure nothing), and the report must
// name the slowest and the largest shape from the figures, not some other.
import { fill, hostileShapes, type HostileRow } from '../hostile.js'
import { hostileTable, worstHostile } from '../report.js'
import type { RuntimeFigures } from '../figures.js'
import { HOSTILE_BYTES } from '../settings.js'

const MANIFEST_LIMIT = 1024 * 1024

describe('the hostile shapes', () => {
  const shapes = hostileShapes()

  test('each is read, not refused for its size: within a unit of the size asked for', () => {
    for (const shape of shapes) {
      const bytes = Buffer.byteLength(shape.text)
      expect({ shape: shape.name, under: bytes <= HOSTILE_BYTES }).toEqual({
        shape: shape.name,
        under: true,
      })
      expect(bytes).toBeGreaterThan(HOSTILE_BYTES * 0.95)
    }
    expect(HOSTILE_BYTES).toBeLessThanOrEqual(MANIFEST_LIMIT)
  })

  test('each has its own file, named after it, JSON as .json', () => {
    expect(new Set(shapes.map((s) => s.file)).size).toBe(shapes.length)
    expect(shapes.find((s) => s.name === 'one-line JSON')?.file).toMatch(/one-line-JSON\.json$/)
    expect(shapes.find((s) => s.name === 'CRLF')?.text).not.toMatch(/[^\r]\n/)
  })

  test('fill stops before the unit that would pass the size, and keeps its tail', () => {
    expect(fill('[', (i) => `${i},`, ']', 10)).toBe('[0,1,2,3,]')
    expect(fill('é', () => 'é', '', 5)).toBe('éé')
  })
})

describe('the report', () => {
  const row = (name: string, ms: number, rssMb: number): HostileRow => ({
    name,
    what: `${name} things`,
    bytes: 1_047_552,
    ms,
    rssMb,
    problems: 201,
    first: '4:5 schema/required',
  })
  const rows = [row('valid', 300, 90), row('collisions', 450, 140), row('aliases', 200, 160)]

  test('names the slowest shape and the largest, which may differ', () => {
    const { slowest, largest } = worstHostile(rows)
    expect(slowest?.name).toBe('collisions')
    expect(largest?.name).toBe('aliases')
    expect(worstHostile([])).toEqual({ slowest: undefined, largest: undefined })
  })

  test('has a row per shape with the time and memory of each runtime', () => {
    const figures = (hostile: HostileRow[]) => ({ hostile }) as RuntimeFigures
    const table = hostileTable([
      { label: 'Node 24', figures: figures(rows) },
      { label: 'Node 20', figures: figures(rows.map((r) => ({ ...r, ms: r.ms * 2 }))) },
    ])
    expect(table).toHaveLength(2 + rows.length)
    expect(table[2]).toBe(
      '| valid | valid things | 1023 KiB | 0.30 s | 90 MB | 0.60 s | 90 MB | 201, 4:5 schema/required |',
    )
  })
})
