import { splitLines } from '../shared/lines.js'

/** Properties the runner does not know are kept, so a misspelt one shows up in assertions. */
export interface AnnotationProperties {
  title?: string
  file?: string
  line?: number
  endLine?: number
  col?: number
  endColumn?: number
  [other: string]: string | number | undefined
}

export type AnnotationLevel = 'error' | 'warning' | 'notice'

export interface Annotation {
  level: AnnotationLevel
  properties: AnnotationProperties
  message: string
}

/**
 * Every `::error|warning|notice …::message` line on stdout, escapes undone. Honours
 * `::stop-commands::TOKEN` … `::TOKEN::`, during which the runner ignores commands.
 */
export function parseAnnotations(stdout: string): Annotation[] {
  const annotations: Annotation[] = []
  let stopToken: string | undefined
  for (const line of splitLines(stdout)) {
    if (stopToken !== undefined) {
      if (line === `::${stopToken}::`) stopToken = undefined
      continue
    }
    const stop = /^::stop-commands::(.+)$/.exec(line)
    if (stop) stopToken = stop[1]
    const annotation = parseAnnotationLine(line)
    if (annotation) annotations.push(annotation)
  }
  return annotations
}

/** One workflow-command line → an annotation, or undefined when it is anything else. */
export function parseAnnotationLine(line: string): Annotation | undefined {
  const match = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/i.exec(line)
  if (!match) return undefined
  const [, level = '', properties = '', message = ''] = match
  return {
    level: level.toLowerCase() as AnnotationLevel,
    properties: parseProperties(properties),
    message: unescapeData(message),
  }
}

/** Any workflow command the runner would act on, as the adversarial tests look for forgeries. */
export interface WorkflowCommand {
  name: string
  /** Raw, as between the name and `::` (or `]` in the older syntax). */
  properties: string
  message: string
  line: string
}

/**
 * Every line the runner reads as a workflow command, by its own rules rather than the ones the
 * Action intends: `::name …::message` after any leading whitespace, and the older
 * `##[name …]message` anywhere in a line. `::stop-commands::TOKEN` … `::TOKEN::` is honoured.
 */
export function parseCommands(stdout: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = []
  let stopToken: string | undefined
  for (const line of splitLines(stdout)) {
    const trimmed = line.trimStart()
    if (stopToken !== undefined) {
      if (trimmed === `::${stopToken}::`) stopToken = undefined
      continue
    }
    const v2 = /^::([A-Za-z-]+)(?: ([^:]*))?::(.*)$/.exec(trimmed)
    const v1 = /##\[([A-Za-z-]+)(?: ([^\]]*))?\](.*)$/.exec(line)
    const match = v2 ?? v1
    if (!match) continue
    const [, name = '', properties = '', message = ''] = match
    if (name === 'stop-commands') stopToken = message
    commands.push({ name, properties, message, line })
  }
  return commands
}

const NUMERIC_PROPERTIES = new Set(['line', 'endLine', 'col', 'endColumn'])

function parseProperties(text: string): AnnotationProperties {
  const pairs = text.split(',').filter((pair) => pair.trim() !== '')
  return Object.fromEntries(pairs.map(parseProperty))
}

function parseProperty(pair: string): [string, string | number] {
  const equals = pair.indexOf('=')
  if (equals <= 0) throw new Error(`annotation property without a value: ${pair}`)
  const key = pair.slice(0, equals)
  const value = unescapeProperty(pair.slice(equals + 1))
  return [key, NUMERIC_PROPERTIES.has(key) ? toInteger(key, value) : value]
}

function toInteger(key: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new Error(`annotation property ${key}=${value} is not a number`)
  return Number(value)
}

const DATA_ESCAPES: Record<string, string> = { '%25': '%', '%0D': '\r', '%0A': '\n' }
const PROPERTY_ESCAPES: Record<string, string> = { ...DATA_ESCAPES, '%3A': ':', '%2C': ',' }

/** One pass, so an escaped `%` followed by `0A` (`%250A`) stays the literal text `%0A`. */
export function unescapeData(text: string): string {
  return text.replace(/%(?:25|0D|0A)/g, (escape) => DATA_ESCAPES[escape] ?? escape)
}

export function unescapeProperty(text: string): string {
  return text.replace(/%(?:25|0D|0A|3A|2C)/g, (escape) => PROPERTY_ESCAPES[escape] ?? escape)
}
