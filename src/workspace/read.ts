import { lstatSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs'
import { isUtf8 } from 'node:buffer'
import path from 'node:path'
import { lineIndex, type Position } from '../manifest/position.js'
import type { ProblemCode } from '../manifest/codes.js'
import type { Problem } from '../manifest/problems.js'
import { errorMessage } from '../error-message.js'

export const MAX_FILE_BYTES = 1024 * 1024

export type LoadedFile =
  | { kind: 'text'; file: string; text: string }
  | { kind: 'problem'; file: string; problem: Problem }
  | { kind: 'missing'; file: string }

export type ManifestReader = (file: string) => LoadedFile

/**
 * A reader of manifests (paths relative to the workspace, `/`-separated) as UTF-8 text. Manifests
 * in a pull request are untrusted: a symlink that leads out of the workspace is refused without
 * being read, an oversized file is refused from its size alone, and bytes that are not UTF-8 text
 * become a problem at the offending position.
 *
 * Synchronous on purpose: thousands of small files read one after the other beat the same reads
 * queued on libuv's thread pool, and directories are resolved once each, not once per file.
 */
export function manifestReader(workspace: string): ManifestReader {
  const root = realpathSync(workspace)
  const directories = new Map<string, string>()
  const realDirectory = (dir: string): string => {
    let real = directories.get(dir)
    if (real === undefined) {
      real = realpathSync(dir)
      directories.set(dir, real)
    }
    return real
  }

  // Where a directory named in manifest paths really is, if it may hold manifests (inside the
  // workspace, outside .git): worked out once for all the files in it.
  const vetted = new Map<string, string | undefined>()
  const vettedDirectory = (directory: string): string | undefined => {
    if (vetted.has(directory)) return vetted.get(directory)
    let real: string | undefined
    try {
      real = realDirectory(path.resolve(workspace, directory))
      const inside = real === root || real.startsWith(root + path.sep)
      if (!inside || path.relative(root, real).split(path.sep).includes('.git')) real = undefined
    } catch {
      real = undefined
    }
    vetted.set(directory, real)
    return real
  }

  return (file) => {
    // The common case in two system calls: a regular file, by a plain name, in a directory
    // already vetted. Anything else goes through every check below.
    const slash = file.lastIndexOf('/')
    const name = file.slice(slash + 1)
    if (!SPECIAL_NAME.test(name)) {
      const directory = vettedDirectory(file.slice(0, slash + 1))
      const loaded =
        directory === undefined ? undefined : readPlainFile(file, directory + path.sep + name)
      if (loaded) return loaded
    }
    const absolute = path.resolve(workspace, file)
    let real: string
    let stats: Stats
    let isLink = false
    try {
      const link = lstatSync(absolute, { throwIfNoEntry: false })
      if (!link) return { kind: 'missing', file }
      isLink = link.isSymbolicLink()
      real = isLink
        ? realpathSync(absolute)
        : path.join(realDirectory(path.dirname(absolute)), path.basename(absolute))
      stats = isLink ? statSync(real) : link
    } catch (error) {
      if (isLink && (isCode(error, 'ENOENT') || isCode(error, 'ELOOP'))) {
        return problemAtStart(
          file,
          'file/unreadable',
          'This path is a symbolic link to something that does not exist (a dangling link); it was not read. Commit the manifest itself, or remove the link.',
        )
      }
      if (isCode(error, 'ENOENT')) return { kind: 'missing', file }
      return problemAtStart(
        file,
        'file/unreadable',
        `The file cannot be read: ${errorMessage(error)}.`,
      )
    }
    if (real !== root && !real.startsWith(root + path.sep)) {
      return problemAtStart(
        file,
        'file/outside-workspace',
        'This path is a symbolic link that resolves outside the workspace; it was not read. Commit the manifest itself instead of a link to it.',
      )
    }
    // .git holds the checkout's token (in .git/config): a manifest read from there would quote
    // it in a parse error.
    if (path.relative(root, real).split(path.sep).includes('.git')) {
      return problemAtStart(
        file,
        'file/outside-workspace',
        "This path resolves into a .git directory, which holds git's own files and the checkout's credentials; it was not read. Commit the manifest itself instead of a link to it.",
      )
    }
    if (!stats.isFile()) {
      return problemAtStart(file, 'file/unreadable', 'This path is not a regular file.')
    }
    if (stats.size > MAX_FILE_BYTES) {
      return problemAtStart(
        file,
        'file/too-large',
        `The file is ${formatBytes(stats.size)}; manifests may be at most ${formatBytes(MAX_FILE_BYTES)}. Split it into several files.`,
      )
    }
    try {
      return decodeManifest(file, readFileSync(real))
    } catch (error) {
      return problemAtStart(
        file,
        'file/unreadable',
        `The file cannot be read: ${errorMessage(error)}.`,
      )
    }
  }
}

/** Names the shortcut leaves to the full checks: `.`, `..`, `.git`, and any with a backslash. */
const SPECIAL_NAME = /^(?:\.\.?|\.git|)$|\\/

/**
 * A regular file of at most `MAX_FILE_BYTES` that is plain UTF-8 text; `undefined` for anything
 * else (a symbolic link, another kind of file, too large, bytes that are not text, an error),
 * which the caller then reads through the full sequence of checks.
 */
function readPlainFile(file: string, real: string): LoadedFile | undefined {
  try {
    const stats = lstatSync(real, { throwIfNoEntry: false })
    if (!stats?.isFile() || stats.size > MAX_FILE_BYTES) return undefined
    // Node decodes natively, writing U+FFFD for what is not UTF-8: a text without it (or a NUL)
    // is exactly what `decodeManifest` would make of the bytes, BOM aside.
    const text = readFileSync(real, 'utf8')
    if (text.includes('\uFFFD') || text.includes('\0')) return undefined
    return { kind: 'text', file, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text }
  } catch {
    return undefined
  }
}

const UTF8 = new TextDecoder('utf-8')

/** UTF-8 decoding that reports where the text stops being text instead of inventing U+FFFD. */
export function decodeManifest(file: string, bytes: Uint8Array): LoadedFile {
  const nul = bytes.indexOf(0)
  const head = nul === -1 ? bytes : bytes.subarray(0, nul)
  // The native check is fast; the byte-by-byte scan runs only to find where the text breaks.
  const invalid = isUtf8(head) ? -1 : firstInvalidUtf8(head)
  const bad = invalid !== -1 ? invalid : nul
  if (bad === -1) return { kind: 'text', file, text: UTF8.decode(bytes) }
  const before = UTF8.decode(bytes.subarray(0, bad))
  const position = lineIndex(before)({ start: before.length, end: before.length + 1 })
  const what =
    bad === nul
      ? 'a NUL byte: this looks like a binary file'
      : `the byte 0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')}, which is not valid UTF-8`
  return problemAt(
    file,
    {
      line: position.line,
      column: position.column,
      endLine: position.line,
      endColumn: position.column + 1,
    },
    'file/encoding',
    `The file contains ${what}. Save manifests as UTF-8 text.`,
  )
}

/** Index of the first byte that does not belong to a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i] ?? 0
    if (b < 0x80) {
      i++
      continue
    }
    let length: number
    let min: number
    if (b >= 0xc2 && b <= 0xdf) [length, min] = [2, 0x80]
    else if (b >= 0xe0 && b <= 0xef) [length, min] = [3, 0x800]
    else if (b >= 0xf0 && b <= 0xf4) [length, min] = [4, 0x10000]
    else return i
    let code = b & (0xff >> (length + 1))
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k]
      if (next === undefined || (next & 0xc0) !== 0x80) return i
      code = (code << 6) | (next & 0x3f)
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not text.
    if (code < min || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return i
    i += length
  }
  return -1
}

function problemAtStart(file: string, code: ProblemCode, text: string): LoadedFile {
  return problemAt(file, { line: 1, column: 1, endLine: 1, endColumn: 1 }, code, text)
}

function problemAt(
  file: string,
  position: Position,
  code: ProblemCode,
  message: string,
): LoadedFile {
  return { kind: 'problem', file, problem: { file, ...position, severity: 'error', code, message } }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MiB`
    : `${Math.ceil(bytes / 1024)} KiB`
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code
}
