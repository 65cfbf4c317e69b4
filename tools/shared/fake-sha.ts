import { createHash } from 'node:crypto'

/** A stable 40-hex sha from any text, so tests can make up commits that look real. */
export function fakeSha(seed: string): string {
  return createHash('sha1').update(seed).digest('hex')
}
