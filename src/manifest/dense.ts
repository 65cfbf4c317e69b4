import { loadAll } from 'js-yaml'
import { yaml12Core } from './fast-parse.js'
import { skipSpace } from './fast-locate.js'
import type { NodeEvents, NodeListener } from './node-events.js'
import type { Entry, Placed } from './placed.js'

/**
 * A large YAML text read by js-yaml, with each node placed where `yaml` places it, from the
 * events js-yaml emits as it opens and closes each node. `yaml` spends about a microsecond a
 * character building its tree, a second or more on a manifest of the largest size allowed; this
 * reader reads the same text in a tenth of that.
 *
 * It answers only where it is sure to agree with `yaml` (the agreement is tested against `yaml`
 * on generated texts): texts with tags, directives, explicit or non-string keys, lone CRs or keys
 * long enough for `yaml`'s 1024-character limit are left to `yaml`, as is any text js-yaml
 * refuses. Anchors, aliases and repeated keys are read here: a repeated key is reported as `yaml`
 * reports it, and aliases are counted as `yaml` counts them against its alias limit.
 */
export interface DenseReading {
  documents: DenseDocument[]
  /** Where `yaml` starts the first document past `maxDocuments`, when there is one. */
  overflowAt?: number
}

export interface DenseDocument {
  /** Always placed: `yaml` starts the document there. */
  root: Placed
  value: unknown
  /** Whether `yaml` would refuse to expand the document's aliases (its `maxAliasCount`). */
  aliasLimit: boolean
}

interface Frame {
  /** Where js-yaml began to read the node: before the spaces, comments and properties ahead of it. */
  open: number
  close: number
  kind: string | null
  result: unknown
  children?: Frame[]
}

const NONE: readonly Frame[] = []

/** Thrown from js-yaml's events once the documents past the limit are reached. */
class Enough extends Error {}

/** Thrown inside the reader where it cannot be sure; the text is then left to `yaml`. */
class Unsure extends Error {}

/**
 * A directive, a line that starts like a document marker but is none (`----`: js-yaml reads a
 * marker), a lone CR, a tab in a line's indentation (`yaml` refuses more of those than
 * js-yaml), a byte order mark (js-yaml drops one, `yaml` reads one differently mid-text), a comment
 * right after a quote, bracket, comma or colon (an error to `yaml`), or an
 * explicit key (`? `, in block or flow style).
 */
const LEFT_TO_YAML =
  /^%|^(?:---|\.\.\.)[^\s]|\r(?!\n)|^ *\t|\uFEFF|["'[\]{},:]#|^[ \t-]*\?(?:[ \t]|$)|[[{,][ \t]*\?(?:[ \t]|$)/m
/** Keys this long may pass `yaml`'s limit of 1024 characters from a key's start to its colon. */
const LONG_KEY = 1000

/**
 * What js-yaml read of a text it refused: the documents before the one it refused, where that
 * one starts, and maybe a run of whole lines in it before the mistake (entries or items of one
 * block collection, each read whole and placed like the rest, with no anchor or alias), which
 * `yaml` may read the document without: they hold no mistake, and the lines around them keep
 * the collection's structure. `yaml` then reads a few kilobytes where the file has a megabyte.
 */
export interface DenseFailure {
  documents: DenseDocument[]
  resume: number
  cut?: { start: number; end: number }
  /**
   * Where `yaml` may stop reading to find the document's first mistake, nearest first: ends of
   * lines that start at column 0, which ends whatever began before them in a document of block
   * style (see `parseDense`). Only where no document follows the mistake, and no tag follows
   * these lines (`yaml` would report each).
   */
  tails: number[]
}

export function readDense(
  text: string,
  maxDocuments: number,
  maxAliasCount: number,
  recorded?: NodeEvents,
): DenseReading | DenseFailure | undefined {
  if (LEFT_TO_YAML.test(text)) return undefined
  // A read that refused a repeated key stopped short of where this reader, which takes them, goes on.
  const read =
    recorded?.end && !recorded.end.duplicateKey
      ? replay(recorded, text.length, maxDocuments)
      : readAgain(text, maxDocuments)
  const { roots, stack } = read
  const { refused, refusedAt } = read
  const reader = new Reader(text)
  try {
    const documents = roots.slice(0, maxDocuments).map((frame) => {
      const root = reader.document(frame)
      return { root, value: frame.result, aliasLimit: aliasLimitPassed(root, maxAliasCount) }
    })
    if (refused) {
      const open = stack[0]
      if (!open) return undefined
      const resume = roots.length === 0 ? 0 : reader.documentStart(open)
      // Where the trouble may begin: the nodes open at the mistake, or the last one read whole.
      const starts = stack.slice(1).map((frame) => frame.open)
      const last = stack[stack.length - 1]?.children?.at(-1)
      if (last) starts.push(last.open)
      const tails = reader.tails(open, [...starts, refusedAt])
      return { documents, resume, ...reader.cut(stack), tails }
    }
    const overflow = roots[maxDocuments]
    return overflow === undefined
      ? { documents }
      : { documents, overflowAt: reader.documentStart(overflow) }
  } catch (error) {
    if (error instanceof Unsure) return undefined
    throw error
  }
}

interface Read {
  roots: Frame[]
  /** The nodes open where js-yaml refused the text, outermost first. */
  stack: Frame[]
  refused: boolean
  refusedAt: number
}

function readAgain(text: string, maxDocuments: number): Read {
  const roots: Frame[] = []
  const stack: Frame[] = []
  const listener: NodeListener = (event, state) => {
    if (event === 'open') {
      stack.push({ open: state.position, close: 0, kind: null, result: null })
      return
    }
    const frame = stack.pop() as Frame
    frame.close = state.position
    frame.kind = state.kind
    frame.result = state.result
    const node = itself(frame)
    const parent = stack[stack.length - 1]
    if (parent) (parent.children ??= []).push(node)
    else roots.push(node)
    // `yaml` composes no further than one document past the limit: neither does this reader.
    if (roots.length > maxDocuments) throw new Enough()
  }
  let refused = false
  let refusedAt = 0
  try {
    loadAll(text, null, { schema: yaml12Core, json: true, listener } as Parameters<
      typeof loadAll
    >[2])
  } catch (error) {
    refused = !(error instanceof Enough)
    refusedAt = (error as { mark?: { position?: number } }).mark?.position ?? text.length
  }
  return { roots, stack, refused, refusedAt }
}

/**
 * The frames `readAgain` would make, from the events of a read that ended other than at a
 * repeated key (the one place where this reader's js-yaml options read on where the fast
 * pass's refuse). Children close before their parent: the nodes are closed last opened first.
 */
function replay(events: NodeEvents, length: number, maxDocuments: number): Read {
  const { open, close, kind, result, parent } = events
  const frames: Frame[] = open.map((at) => ({ open: at, close: 0, kind: null, result: null }))
  const roots: Frame[] = []
  const stack: Frame[] = []
  for (let i = frames.length - 1; i >= 0; i--) {
    const frame = frames[i] as Frame
    frame.children?.reverse()
    const closed = close[i] as number
    if (closed < 0) {
      stack.push(frame)
      continue
    }
    frame.close = closed
    frame.kind = kind[i] ?? null
    frame.result = result[i]
    const node = itself(frame)
    const up = parent[i] as number
    if (up === -1) roots.push(node)
    else ((frames[up] as Frame).children ??= []).push(node)
  }
  roots.reverse()
  stack.reverse()
  // Past the limit the reader stops, before anything js-yaml refused after it.
  if (roots.length > maxDocuments)
    return { roots: roots.slice(0, maxDocuments + 1), stack: [], refused: false, refusedAt: 0 }
  const refusedAt = events.end?.refusedAt
  return { roots, stack, refused: refusedAt !== undefined, refusedAt: refusedAt ?? length }
}

/** Whole entries or items of one block collection, from the line of `start` to that of `end`. */
interface Run {
  start: number
  end: number
  units: Frame[]
}

/** Aliases and anchors, recorded while placing, for the alias count. */
interface Linked extends Placed {
  anchor?: string
  alias?: string
}

class Reader {
  constructor(private readonly text: string) {}

  /** A document's root: always placed, as `yaml` starts the document there. */
  document(frame: Frame): Placed {
    const node = this.place(frame, true)
    if (node.start < 0) throw new Unsure()
    return node
  }

  /** Where `yaml` starts a document: at its `---`. */
  documentStart(frame: Frame): number {
    const close = frame.close || this.text.length
    if (
      frame.kind === null &&
      frame.close > 0 &&
      this.text[skipSpace(this.text, frame.open, close)] !== '*'
    )
      return this.marker(frame.open - 1)
    return this.marker(this.contentStart(frame.open, close))
  }

  /**
   * The longest run of lines to leave out of the document js-yaml stopped in: of the open
   * collections (`open`, outermost first) and the whole ones in them, the one with the most text
   * in whole entries or items, without its first one and its last two (a mistake may be read
   * against them).
   */
  cut(open: readonly Frame[]): { cut?: { start: number; end: number } } {
    const size = (frame: Frame) => (frame.close || this.text.length) - frame.open
    const length = (run: Run) => run.end - run.start
    // A run lies inside its frame: once a run fit to leave out is found, frames smaller than it
    // (most are the small entries of a long list) cannot hold a run that would come first.
    const frames = open
      .flatMap((frame) => [frame, ...(frame.children ?? NONE)])
      .map((frame, order) => ({ frame, order }))
      .sort((a, b) => size(b.frame) - size(a.frame))
    const found: { run: Run; order: number }[] = []
    const fits = new Map<Run, boolean>()
    let best: Run | undefined
    for (const { frame, order } of frames) {
      if (best && size(frame) < length(best)) break
      for (const run of this.runs(frame)) found.push({ run, order })
      found.sort((a, b) => length(b.run) - length(a.run) || a.order - b.order)
      best = found.find(({ run }) => this.fits(run, fits))?.run
    }
    return best ? { cut: { start: best.start, end: best.end } } : {}
  }

  /** Whether each unit of the run is placed, with no anchor or alias (remembered in `fits`). */
  private fits(run: Run, fits: Map<Run, boolean>): boolean {
    let fit = fits.get(run)
    if (fit === undefined) {
      try {
        for (const unit of run.units) this.plain(unit)
        fit = true
      } catch (error) {
        if (!(error instanceof Unsure)) throw error
        fit = false
      }
      fits.set(run, fit)
    }
    return fit
  }

  tails(root: Frame, after: readonly number[]): number[] {
    const text = this.text
    const mistake = Math.max(...after)
    const first = root.children?.[0]
    if (
      !first ||
      first.kind !== 'scalar' ||
      '-[{'.includes(text[this.contentStart(root.open, text.length)] ?? '[') ||
      /^(?:---|\.\.\.)(?:\s|$)/m.test(text.slice(this.lineStart(mistake)))
    )
      return []
    const trouble = this.lineStart(Math.min(...after))
    const ends = after.flatMap((from) => {
      // A plain key of the root mapping: a line at column 0 that starts with an indicator, or
      // holds no key, may go on with what is before it.
      const line = /\n[\w$][^\n#:]*:(?:[ \t]|\r?\n|$)/g
      line.lastIndex = from
      const found = line.exec(text)
      if (!found) return []
      const end = text.indexOf('\n', found.index + 1)
      // Only a plain key may start at column 0 before it: a quote or a bracket there opens a
      // node that lines at column 0 do not end.
      const before = text.slice(trouble, found.index + 1)
      if (/(?:^|\n)[^\s\w$#-]/.test(before)) return []
      return end === -1 || text.includes('!', end) ? [] : [end + 1]
    })
    return [...new Set(ends)].sort((a, b) => a - b)
  }

  /** The run of whole entries or items of a block collection that may be left out, if any. */
  private runs(frame: Frame): Run[] {
    const children = frame.children ?? NONE
    const first = children[0]
    if (!first || '[{'.includes(this.text[this.contentStart(frame.open, first.open)] ?? '['))
      return []
    const starts = children.map((child) =>
      this.contentStart(child.open, child.close || this.text.length),
    )
    const column = (at: number) => at - this.lineStart(at)
    const prefix = (at: number) => this.text.slice(this.lineStart(at), at)
    // Items of a block list each start after a `- ` at the first one's column; keys of a block
    // mapping each start a line at the first key's column (the first may follow a `- `).
    const items = starts.map((_, i) => [i])
    const pairs = starts.flatMap((_, i) =>
      i % 2 === 0 && i + 1 < starts.length ? [[i, i + 1]] : [],
    )
    for (const [units, lead] of [
      [items, /^ *- +$/],
      [pairs, /^ *$/],
    ] as const) {
      const heads = units.map((unit) => starts[unit[0] as number] as number)
      const at = column(heads[0] as number)
      const lined = heads.every(
        (head, i) => (i === 0 || lead.test(prefix(head))) && column(head) === at,
      )
      if (!lined || units.length < 5) continue
      return [
        {
          start: this.lineStart(heads[1] as number),
          end: this.lineStart(heads[units.length - 2] as number),
          units: units.slice(1, -2).flatMap((unit) => unit.map((i) => children[i] as Frame)),
        },
      ]
    }
    return []
  }

  private lineStart(offset: number): number {
    // (lastIndexOf reads a negative position as 0.)
    return offset <= 0 ? 0 : this.text.lastIndexOf('\n', offset - 1) + 1
  }

  /** Throws unless the node is placed, with no anchor or alias (a later alias may name it). */
  private plain(frame: Frame): void {
    const stack: Linked[] = [this.place(frame)]
    for (let node = stack.pop(); node; node = stack.pop()) {
      if (node.anchor !== undefined || node.alias !== undefined) throw new Unsure()
      for (const entry of node.entries ?? []) stack.push(entry.key, entry.value)
      for (const item of node.items ?? []) stack.push(item)
    }
  }

  /**
   * The `---` on the line of `from` or above it, with only blank lines and comments between; a
   * document that starts otherwise (a file's first, or one after `...`) is `yaml`'s to place.
   */
  private marker(from: number): number {
    const text = this.text
    for (
      let line = this.lineStart(from), own = true;
      ;
      line = this.lineStart(line - 1), own = false
    ) {
      const end = text.indexOf('\n', line)
      const content = text.slice(line, end === -1 ? text.length : end)
      if (/^---(?:[ \t\r#]|$)/.test(content)) return line
      const blank = content.trim() === '' || content.trimStart().startsWith('#')
      if (line === 0 || (!own && !blank)) throw new Unsure()
    }
  }

  place(frame: Frame, root = false): Linked {
    const text = this.text
    const start = this.contentStart(frame.open, frame.close)
    const node: Linked = { kind: 'scalar', start, end: start }
    const first = text[start]
    if (text[skipSpace(this.text, frame.open, frame.close)] === '&')
      node.anchor = this.anchor(frame.open)
    if (frame.kind === 'mapping') {
      node.kind = 'map'
      node.entries = this.entries(frame, first === '{')
      // An anchor on the line of the first key is that key's (`&a key: value`), as it is to `yaml`.
      if (first !== '{' && !this.onNewLine(frame.open, start)) delete node.anchor
    } else if (frame.kind === 'sequence') {
      node.kind = 'list'
      node.items = (frame.children ?? NONE).map((child) => this.place(child))
      if (first !== '[') this.aligned(start, node.items)
      // js-yaml opens no node for an empty item (`-` alone): items no longer line up with data.
      if (!Array.isArray(frame.result) || node.items.length !== frame.result.length) {
        if (first === '[') throw new Unsure()
        node.lost = true
      }
    } else if (first === '*') {
      node.alias = this.name(start + 1)
      node.end = start + 1 + node.alias.length
    } else if (frame.kind === null) {
      // An empty document is placed after its `---`, which js-yaml has passed before the node.
      node.start = node.end = this.empty(
        root ? this.marker(frame.open - 1) + 3 : frame.open,
        frame.close,
      )
    } else if (first === '"' || first === "'") {
      node.end = Math.min(frame.close, text.length)
      // js-yaml takes any indentation for the lines of a quoted scalar; `yaml` checks it.
      if (text.lastIndexOf('\n', node.end) > start) throw new Unsure()
    } else if (first === '|' || first === '>') {
      node.start = node.end = -1
    } else {
      node.end = this.plainEnd(start, frame.close)
    }
    return node
  }

  private entries(frame: Frame, flow: boolean): Entry[] {
    const children = frame.children ?? NONE
    let pairs = children.length
    // A block mapping's last attempt at another key, which finds none, is an empty frame.
    if (pairs % 2 === 1) {
      const last = children[--pairs] as Frame
      if (
        last.kind !== null ||
        last.result !== null ||
        skipSpace(this.text, last.open, last.close) < last.close
      )
        throw new Unsure()
    }
    const entries: Entry[] = []
    for (let i = 0; i < pairs; i += 2) {
      const keyFrame = children[i] as Frame
      const valueFrame = children[i + 1] as Frame
      const key = this.place(keyFrame)
      // `yaml` makes '' of a null key where js-yaml makes 'null'; a collection or an alias as a
      // key is `yaml`'s to report.
      if (
        keyFrame.kind !== 'scalar' ||
        keyFrame.result === null ||
        key.start < 0 ||
        key.alias !== undefined ||
        valueFrame.open - key.start > LONG_KEY
      )
        throw new Unsure()
      const name = String(keyFrame.result)
      const value = this.place(valueFrame)
      // In flow style js-yaml opens an empty value past the comments after its colon.
      if (flow && valueFrame.kind === null && value.alias === undefined) throw new Unsure()
      // A block mapping on its key's line (`a: b: c`) is an error to `yaml`, not to js-yaml.
      if (
        value.kind === 'map' &&
        !this.onNewLine(valueFrame.open, value.start) &&
        this.text[value.start] !== '{'
      )
        throw new Unsure()
      entries.push({ name, key, value })
    }
    // The entries must be the data's: each of its keys, and no other.
    const result = frame.result
    if (typeof result !== 'object' || result === null) throw new Unsure()
    let size = 0
    for (const key in result) if (Object.hasOwn(result, key)) size++
    const distinct =
      size === entries.length ? size : new Set(entries.map((entry) => entry.name)).size
    if (size !== distinct || !entries.every((entry) => Object.hasOwn(result, entry.name)))
      throw new Unsure()
    return entries
  }

  /**
   * Throws unless each item of the block list at `start` follows a `-` at its column, on the
   * item's line: js-yaml reads items of an outer list into an inner one in places.
   */
  private aligned(start: number, items: readonly Placed[]): void {
    const text = this.text
    const column = start - this.lineStart(start)
    for (const item of items) {
      if (item.start < 0) continue
      let dash = item.start - 1
      for (;;) {
        while (text[dash] === ' ' || text[dash] === '\t') dash--
        if (text[dash] === '-') break
        // Back over the item's anchor, if that is what stands between.
        let token = dash
        while (token > 0 && !/[\s]/.test(text[token - 1] as string)) token--
        if (text[token] !== '&') throw new Unsure()
        dash = token - 1
      }
      if (dash - this.lineStart(dash) !== column) throw new Unsure()
    }
  }

  /** Where the node's own text begins, past spaces, comments and its anchor; a tag is `yaml`'s. */
  private contentStart(from: number, to: number): number {
    let start = skipSpace(this.text, from, to)
    while (start < to && (this.text[start] === '&' || this.text[start] === '!')) {
      if (this.text[start] === '!') throw new Unsure()
      start = skipSpace(this.text, start + 1 + this.name(start + 1).length, to)
    }
    return start
  }

  /** The last of the anchors before a node's text (js-yaml takes one only). */
  private anchor(from: number): string {
    let at = skipSpace(this.text, from, this.text.length)
    let name = ''
    while (this.text[at] === '&') {
      name = this.name(at + 1)
      at = skipSpace(this.text, at + 1 + name.length, this.text.length)
    }
    return name
  }

  /**
   * Where `yaml` places an empty value: after its indicator (or its anchor) and the spaces that
   * follow on that line. js-yaml opens the node right after the indicator.
   */
  private empty(from: number, close: number): number {
    let at = this.blanks(from)
    for (;;) {
      const next = skipSpace(this.text, at, close)
      if (next < close && this.text[next] === '!') throw new Unsure()
      if (next >= close || this.text[next] !== '&') break
      at = this.blanks(next + 1 + this.name(next + 1).length)
    }
    return at
  }

  /**
   * Where a plain scalar's text ends: js-yaml may close the node past the blank lines and
   * comments after it, and in flow style past the spaces before a comma.
   */
  private plainEnd(start: number, close: number): number {
    const text = this.text
    const to = Math.min(close, text.length)
    let end = start
    // Each line's text up to a comment (a `#` after a space or at the line's start), spaces off.
    for (let i = start, lineStart = start; i < to; i++) {
      const c = text[i]
      if (c === '\n') lineStart = i + 1
      else if (c === '#' && (i === lineStart || text[i - 1] === ' ' || text[i - 1] === '\t')) break
      else if (c !== ' ' && c !== '\t' && c !== '\r') end = i + 1
    }
    return end
  }

  private onNewLine(from: number, to: number): boolean {
    const newline = this.text.indexOf('\n', from)
    return newline !== -1 && newline < to
  }

  /** An anchor's or alias's name: up to a space, a line break or a flow indicator. */
  private name(from: number): string {
    const text = this.text
    let end = from
    for (; end < text.length; end++) {
      const c = text.charCodeAt(end)
      // Up to a space, a line break or a flow indicator, as both parsers read names.
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2c) break
      if (c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d) break
    }
    // `yaml` warns of a name ending in a colon.
    if (end === from || text[end - 1] === ':') throw new Unsure()
    return text.slice(from, end)
  }

  private blanks(from: number): number {
    let i = from
    while (this.text[i] === ' ' || this.text[i] === '\t') i++
    return i
  }
}

/**
 * The frame of the node itself: js-yaml opens a frame for each attempt to read a node, and an
 * attempt that finds a whole node where it looked for a key nests that node in itself. The
 * node keeps the outer frame's start, which is before the node's properties.
 */
function itself(frame: Frame): Frame {
  const inner = frame.children?.length === 1 ? frame.children[0] : undefined
  if (!inner || inner.kind !== frame.kind || !Object.is(inner.result, frame.result)) return frame
  inner.open = frame.open
  return inner
}

/**
 * Whether `yaml` would stop expanding this document's aliases (`maxAliasCount`): it counts, in
 * reading order, each alias against its anchor, weighted by the aliases inside that anchor.
 */
function aliasLimitPassed(root: Linked, maxAliasCount: number): boolean {
  const latest = new Map<string, Linked>()
  const counts = new Map<Linked, { count: number; aliasCount: number }>()
  const targets = new Map<Linked, Linked>()
  const weight = (node: Linked): number => {
    if (node.alias !== undefined) {
      const target = counts.get(targets.get(node) as Linked)
      return target ? target.count * target.aliasCount : 0
    }
    let most = node.kind === 'scalar' ? 1 : 0
    for (const entry of node.entries ?? [])
      most = Math.max(most, weight(entry.key), weight(entry.value))
    for (const item of node.items ?? []) most = Math.max(most, weight(item))
    return most
  }
  const visit = (node: Linked): boolean => {
    if (node.anchor !== undefined) {
      latest.set(node.anchor, node)
      counts.set(node, { count: 1, aliasCount: 0 })
    }
    if (node.alias !== undefined) {
      const target = latest.get(node.alias)
      const count = target && counts.get(target)
      if (!target || !count) throw new Unsure()
      targets.set(node, target)
      count.count++
      if (count.aliasCount === 0) count.aliasCount = weight(target)
      if (count.count * count.aliasCount > maxAliasCount) return true
    }
    for (const entry of node.entries ?? []) if (visit(entry.key) || visit(entry.value)) return true
    for (const item of node.items ?? []) if (visit(item)) return true
    return false
  }
  return visit(root)
}
