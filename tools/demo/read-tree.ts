import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'

/** Every file under `dir`, by its path relative to `dir` with `/` separators. */
export async function readTree(dir: string, prefix = ''): Promise<Record<string, Buffer>> {
  const files: Record<string, Buffer> = {}
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    const relative = prefix + entry.name
    if (entry.isDirectory()) Object.assign(files, await readTree(path, `${relative}/`))
    else if (entry.isFile()) files[relative] = await readFile(path)
  }
  return files
}
