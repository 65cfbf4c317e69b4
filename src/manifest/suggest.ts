/** For each candidate: the positions of each of its characters, as bits (ASCII by code). */
const positions = new Map<string, { ascii: Int32Array; other: Map<string, number> }>()

/**
 * Damerau-free Levenshtein distance. The candidates are short known keys and values, so it is
 * computed a column of the table at a time, in the bits of one integer (Myers' algorithm, as
 * Hyyrö gives it for whole strings): a hostile file can hold 100,000 unknown keys, each
 * compared with every known key.
 */
export function editDistance(a: string, b: string): number {
  if (b.length === 0) return a.length
  if (b.length > 31) return tableDistance(a, b)
  let bits = positions.get(b)
  if (!bits) {
    bits = { ascii: new Int32Array(128), other: new Map() }
    for (let j = 0; j < b.length; j++) {
      const code = b.charCodeAt(j)
      if (code < 128) bits.ascii[code] = (bits.ascii[code] ?? 0) | (1 << j)
      else bits.other.set(b[j] as string, (bits.other.get(b[j] as string) ?? 0) | (1 << j))
    }
    positions.set(b, bits)
  }
  const last = 1 << (b.length - 1)
  let plus = -1
  let minus = 0
  let distance = b.length
  for (let i = 0; i < a.length; i++) {
    const code = a.charCodeAt(i)
    const equal = code < 128 ? (bits.ascii[code] ?? 0) : (bits.other.get(a[i] as string) ?? 0)
    const vertical = equal | minus
    const horizontal = (((equal & plus) + plus) ^ plus) | equal
    let up = minus | ~(horizontal | plus)
    let down = plus & horizontal
    if (up & last) distance++
    else if (down & last) distance--
    up = (up << 1) | 1
    down <<= 1
    plus = down | ~(vertical | up)
    minus = up & vertical
  }
  return distance
}

function tableDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution)
    }
    previous = current
  }
  return previous[b.length] ?? 0
}

/** The closest candidate, if it is close enough to be a plausible typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const lowered = word.toLowerCase().replace(/-/g, '_')
  const tolerance = Math.max(2, Math.floor(word.length / 3))
  let best: string | undefined
  let bestDistance = tolerance + 1
  for (const candidate of candidates) {
    // The distance is at least the difference in length: such a candidate cannot be closer.
    if (Math.abs(lowered.length - candidate.length) >= bestDistance) continue
    const distance = editDistance(lowered, candidate)
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}
