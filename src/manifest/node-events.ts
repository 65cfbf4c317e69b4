/** js-yaml's `listener` option, which it calls as it opens and closes each node. */
export type NodeListener = (
  event: 'open' | 'close',
  state: { position: number; kind: string | null; result: unknown },
) => void

/**
 * The nodes js-yaml opened and closed while reading a text (its `listener`), in flat arrays
 * indexed in the order nodes open: recording them costs a fraction of a second pass, and the
 * trees the locating readers need (fast-locate.ts, dense.ts) are built from them only when
 * something must be located.
 */
export interface NodeEvents {
  /** Where js-yaml started composing each node: before the space and comments ahead of it. */
  open: number[]
  /** Where it finished: -1 while the node is open (js-yaml refused the text inside it). */
  close: number[]
  kind: (string | null)[]
  result: unknown[]
  /** The index of the node it was composed in, -1 for a document's root. */
  parent: number[]
  /** How the read ended, once it has: whole, or refused at a character offset. */
  end?: { refusedAt?: number; duplicateKey?: boolean }
}

/** A js-yaml `listener` and the events it records. */
export function recordNodes(): { events: NodeEvents; listener: NodeListener } {
  const events: NodeEvents = { open: [], close: [], kind: [], result: [], parent: [] }
  const { open, close, kind, result, parent } = events
  const stack: number[] = []
  const listener: NodeListener = (event, state) => {
    if (event === 'open') {
      parent.push(stack.length === 0 ? -1 : (stack[stack.length - 1] as number))
      stack.push(open.length)
      open.push(state.position)
      close.push(-1)
      kind.push(null)
      result.push(undefined)
      return
    }
    const node = stack.pop() as number
    close[node] = state.position
    kind[node] = state.kind
    result[node] = state.result
  }
  return { events, listener }
}

/** Records how js-yaml's read ended: whole, or with `error`, where js-yaml refused the text. */
export function endRead(events: NodeEvents, text: string, error?: unknown): void {
  if (error === undefined) {
    events.end = {}
    return
  }
  const { mark, reason } = error as { mark?: { position?: number }; reason?: string }
  events.end = {
    refusedAt: mark?.position ?? text.length,
    duplicateKey: reason === 'duplicated mapping key',
  }
}
