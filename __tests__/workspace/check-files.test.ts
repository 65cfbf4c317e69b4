import { mkdtemp, mkdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { checkFiles } from '../../src/workspace/check-files.js'

const CLI = new URL('../../dist/cli/index.js', import.meta.url)
const now = new Date('2026-06-01T00:00:00Z')
const manifest = (model: string) =>
  `model: ${model}\ntarget_type: all\npin_definitions:\n  - {position: 1, pin_type: item, pin_identity: x}\n`

async function workspace(): Promise<{ root: string; files: string[] }> {
  const root = await mkdtemp(path.join(tmpdir(), 'pins-threads-'))
  await mkdir(path.join(root, 'luigisbox'))
  const files: string[] = []
  for (let i = 0; i < 60; i++) {
    const file = `luigisbox/m${String(i).padStart(2, '0')}.yml`
    files.push(file)
    let text = manifest(`model-${i}`)
    if (i === 59) text = manifest('model-0') // the same scope as the first file, in another thread
    if (i === 30) text = text.replace('target_type: all', 'target_type: al')
    await writeFile(path.join(root, file), text)
  }
  return { root, files }
}

test('worker threads find exactly what one thread finds, scopes across threads included', async () => {
  const { root, files } = await workspace()
  const single = await checkFiles(root, files, now)
  // The bundled CLI serves as the worker script, as it does in production; the workers do all
  // the work, so the same scope is found in two of them or across batches of one.
  const threaded = await checkFiles(root, files, now, CLI, { filesPerThread: 10, checkHere: false })
  expect(threaded).toEqual(single)
  // As in production: this thread checks too, and takes whatever the workers have not.
  expect(await checkFiles(root, files, now, CLI, { filesPerThread: 10 })).toEqual(single)
  expect(single.problems.map((p) => `${p.file}:${p.line} ${p.code}`)).toEqual([
    'luigisbox/m00.yml:2 scope/duplicate',
    'luigisbox/m30.yml:2 schema/enum',
    'luigisbox/m59.yml:2 scope/duplicate',
  ])
  expect(single.documents).toHaveLength(60)
})

test('a worker that fails, or stops without answering, fails the check instead of passing it', async () => {
  const { root, files } = await workspace()
  const script = async (name: string, text: string) => {
    const file = path.join(root, name)
    await writeFile(file, text)
    return pathToFileURL(file)
  }
  const crashes = await script('crash.mjs', 'process.exit(3)\n')
  await expect(
    checkFiles(root, files, now, crashes, { filesPerThread: 10, checkHere: false }),
  ).rejects.toThrow('exit code 3')
  const idles = await script('idle.mjs', '// answers nothing\n')
  await expect(
    checkFiles(root, files, now, idles, { filesPerThread: 10, checkHere: false }),
  ).rejects.toThrow('stopped before it answered')
})
