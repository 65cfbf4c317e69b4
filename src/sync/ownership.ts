import { createHash } from 'node:crypto'
import { canonicalJson, scopeKey, type Scope } from '../manifest/scope.js'

/**
 * How the Action recognises what it manages. The API's only free-form field is `tags`, so every
 * customization the Action creates or adopts carries two tags:
 *
 * - the ownership tag itself (input `ownership-tag`, e.g. `luigisbox-pins`), which merchants can
 *   filter on in the app, and which is what makes a customization eligible for pruning;
 * - `<ownership-tag>:<scope>:<body>`: short fingerprints of the manifest's scope and of the body
 *   last applied. The scope fingerprint finds the customization again even when the server
 *   rewrites its target fields; the body fingerprint says whether git changed since the last
 *   apply, for fields the server does not return (reference §7).
 *
 * Both are left out of every comparison and diff; the manifest's own tags are sent as written.
 */
export interface Mark {
  scope: string
  body: string
}

// 12 hex digits: 48 bits, so two scopes of one tracker collide with odds below 1 in 10^9
// even at ten thousand customizations, for 13 characters per fingerprint in every tag.
const FINGERPRINT_HEX = 12

const MARK_PATTERN = new RegExp(`^[0-9a-f]{${FINGERPRINT_HEX}}:[0-9a-f]{${FINGERPRINT_HEX}}$`)

export function fingerprint(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, FINGERPRINT_HEX)
}

export function scopeFingerprint(scope: Scope): string {
  return fingerprint(scopeKey(scope))
}

/** The tags the Action adds to a body it sends. */
export function ownershipTags(tag: string, mark: Mark): string[] {
  return [tag, `${tag}:${mark.scope}:${mark.body}`]
}

/** Whether a tag is one of the Action's own (so never compared, never a merchant's). */
export function isOwnershipTag(tag: string, value: unknown): boolean {
  return value === tag || (typeof value === 'string' && value.startsWith(`${tag}:`))
}

/**
 * What a live customization's tags say about it: whether the Action manages it, and the
 * fingerprints it was last applied with (undefined when the marking tag is absent or garbled).
 */
export function readMark(tag: string, tags: unknown): { owned: boolean; mark?: Mark } {
  if (!Array.isArray(tags) || !tags.includes(tag)) return { owned: false }
  for (const value of tags) {
    if (typeof value !== 'string' || !value.startsWith(`${tag}:`)) continue
    const rest = value.slice(tag.length + 1)
    if (!MARK_PATTERN.test(rest)) continue
    const [scope = '', body = ''] = rest.split(':')
    return { owned: true, mark: { scope, body } }
  }
  return { owned: true }
}
