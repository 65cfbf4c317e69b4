// The reader takes a shortcut for plain files (src/workspace/read.ts): whatever the bytes and
// however the path is written, it must give exactly what the full sequence of checks gives.
import fc from 'fast-check'
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { decodeManifest, manifestReader } from '../../src/workspace/read.js'

let workspace: string
beforeAll(async () => {
  workspace = await mkdtemp(path.join(os.tmpdir(), 'pins-read-'))
  await mkdir(path.join(workspace, 'luigisbox', 'sub'), { recursive: true })
  await mkdir(path.join(workspace, '.git'))
})

const BOM = [0xef, 0xbb, 0xbf]
const REPLACEMENT = [0xef, 0xbf, 0xbd]

/** Text bytes with what the reader must notice spliced in: BOMs, U+FFFD, NULs, broken UTF-8. */
const bytesArb = fc
  .tuple(
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.constantFrom(BOM, REPLACEMENT, [0], [0xe9], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4]),
      ),
      { maxLength: 2 },
    ),
    fc.boolean(),
  )
  .map(([text, splices, leadingBom]) => {
    const bytes = [...Buffer.from(text)]
    for (const [at, insert] of splices) bytes.splice(at % (bytes.length + 1), 0, ...insert)
    return Uint8Array.from(leadingBom ? [...BOM, ...bytes] : bytes)
  })

test('any bytes read as the byte decoder reads them: BOM, U+FFFD, NUL and bad UTF-8 alike', async () => {
  const read = manifestReader(workspace)
  let n = 0
  await fc.assert(
    fc.asyncProperty(bytesArb, async (bytes) => {
      const file = `luigisbox/f${n++}.yml`
      await writeFile(path.join(workspace, file), bytes)
      expect(read(file)).toEqual(decodeManifest(file, bytes))
    }),
    { numRuns: 300 },
  )
})

test('a path written with ./ or ../ reads the same file, under the name it was given', async () => {
  await writeFile(path.join(workspace, 'luigisbox', 'sub', 'a.yml'), 'model: a\n')
  const read = manifestReader(workspace)
  for (const file of ['luigisbox/sub/a.yml', 'luigisbox/./sub/a.yml', 'luigisbox/x/../sub/a.yml']) {
    expect(read(file)).toEqual({ kind: 'text', file, text: 'model: a\n' })
  }
})

test('a directory link inside the workspace is followed; one out of it, or into .git, is not', async () => {
  const outside = await mkdtemp(path.join(os.tmpdir(), 'pins-read-outside-'))
  await writeFile(path.join(outside, 'b.yml'), 'model: outside\n')
  await writeFile(path.join(workspace, '.git', 'config.yml'), 'token: secret\n')
  await symlink(path.join(workspace, 'luigisbox', 'sub'), path.join(workspace, 'in'))
  await symlink(outside, path.join(workspace, 'out'))
  await symlink(path.join(workspace, '.git'), path.join(workspace, 'git'))
  await writeFile(path.join(workspace, 'luigisbox', 'sub', 'c.yml'), 'model: c\n')
  const read = manifestReader(workspace)
  expect(read('in/c.yml')).toMatchObject({ kind: 'text', text: 'model: c\n' })
  expect(read('out/b.yml')).toMatchObject({
    kind: 'problem',
    problem: { code: 'file/outside-workspace' },
  })
  expect(read('git/config.yml')).toMatchObject({
    kind: 'problem',
    problem: { code: 'file/outside-workspace' },
  })
  expect(read('.git/config.yml')).toMatchObject({
    kind: 'problem',
    problem: { code: 'file/outside-workspace' },
  })
})
