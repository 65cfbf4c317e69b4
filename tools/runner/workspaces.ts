import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, isAbsolute, join, normalize, sep } from 'node:path'

export type WorkspaceEntry = string | Buffer | { symlink: string }

const workspaces = new Set<string>()

/**
 * A fresh directory holding `files` (paths relative to it, parents created). `{ symlink }`
 * makes a symbolic link to that target, for tests that the Action never follows one outward.
 */
export async function makeWorkspace(files: Record<string, WorkspaceEntry> = {}): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'luigisbox-ws-'))
  workspaces.add(root)
  for (const [relative, content] of Object.entries(files)) {
    const target = insideWorkspace(root, relative)
    await mkdir(dirname(target), { recursive: true })
    if (typeof content === 'object' && !Buffer.isBuffer(content)) {
      await symlink(content.symlink, target)
    } else {
      await writeFile(target, content)
    }
  }
  return root
}

function insideWorkspace(root: string, relative: string): string {
  const target = normalize(join(root, relative))
  if (isAbsolute(relative) || !target.startsWith(root + sep)) {
    throw new Error(`makeWorkspace: ${relative} is not a path inside the workspace`)
  }
  return target
}

export async function removeWorkspace(root: string): Promise<void> {
  workspaces.delete(root)
  await rm(root, { recursive: true, force: true })
}

/** Removes every workspace made so far; use in afterAll/afterEach. */
export async function cleanupWorkspaces(): Promise<void> {
  await Promise.all([...workspaces].map(removeWorkspace))
}
