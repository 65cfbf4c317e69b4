import { appendFile } from 'node:fs/promises'
import * as core from '@actions/core'
import { errorMessage } from './error-message.js'
import { redactor } from './redact.js'
import { logLine } from './report/progress.js'

/** Where an annotation points, as `@actions/core` takes it. */
export type AnnotationProperties = core.AnnotationProperties

/**
 * Everything the Action writes to the runner, in one place so nothing skips the two rules for
 * text from outside (file names, manifest values, server ids and messages): every form of the
 * private key is redacted, and a plain log line can never become a workflow command.
 * `@actions/core` escapes annotations, group names and outputs itself.
 */
export interface RunnerIo {
  info(text: string): void
  /** Shown only when the run has debug logging on; `@actions/core` escapes it as a command. */
  debug(text: string): void
  isDebug(): boolean
  warning(text: string, properties?: AnnotationProperties): void
  notice(text: string, properties?: AnnotationProperties): void
  error(text: string, properties?: AnnotationProperties): void
  setFailed(text: string): void
  startGroup(name: string): void
  endGroup(): void
  /** Appends HTML to the job summary; without a summary file, to the log. */
  summary(html: string): Promise<void>
  /** Sets every output; a runner file that cannot be written fails the step, without a throw. */
  setOutputs(outputs: Record<string, string | number | boolean>): void
  /** The same text redacted, for what leaves through another way (the pull request comment). */
  redact(text: string): string
  /** Errors and warnings written so far: they count against GitHub's 10 per level and step. */
  written(): Record<'error' | 'warning', number>
}

export function runnerIo(secret: string, env: NodeJS.ProcessEnv = process.env): RunnerIo {
  const redact = redactor(secret)
  const line = (text: string) => logLine(redact(text))
  const annotation = (properties?: AnnotationProperties) =>
    properties && {
      ...properties,
      ...(properties.title === undefined ? {} : { title: redact(properties.title) }),
      ...(properties.file === undefined ? {} : { file: redact(properties.file) }),
    }
  let summaryMissingNoted = false
  const written = { error: 0, warning: 0 }
  const io: RunnerIo = {
    info: (text) => core.info(line(text)),
    debug: (text) => {
      if (core.isDebug()) core.debug(redact(text))
    },
    isDebug: () => core.isDebug(),
    warning: (text, properties) => {
      written.warning++
      core.warning(redact(text), annotation(properties))
    },
    notice: (text, properties) => core.notice(redact(text), annotation(properties)),
    error: (text, properties) => {
      written.error++
      core.error(redact(text), annotation(properties))
    },
    setFailed: (text) => core.setFailed(redact(text)),
    startGroup: (name) => core.startGroup(redact(name)),
    endGroup: () => core.endGroup(),
    async summary(html) {
      const file = env.GITHUB_STEP_SUMMARY
      try {
        if (!file) throw new Error('GITHUB_STEP_SUMMARY is not set')
        await appendFile(file, redact(html))
      } catch (error) {
        if (!summaryMissingNoted) {
          io.warning(
            `The job summary cannot be written (${errorMessage(error)}), so it follows in the log.`,
          )
          summaryMissingNoted = true
        }
        io.startGroup('Job summary')
        for (const text of html.split('\n')) if (text !== '') io.info(text)
        io.endGroup()
      }
    },
    setOutputs(outputs) {
      try {
        for (const [name, value] of Object.entries(outputs)) {
          core.setOutput(name, typeof value === 'string' ? redact(value) : value)
        }
      } catch (error) {
        io.setFailed(
          `The step outputs cannot be written to GITHUB_OUTPUT (${errorMessage(error)}); the log and the job summary have the result.`,
        )
      }
    },
    redact,
    written: () => ({ ...written }),
  }
  return io
}
