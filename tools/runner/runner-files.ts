import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/** Where the runner's per-step files live for one run. */
export interface RunnerFiles {
  event: string
  summary: string
  output: string
  env: string
  path: string
  state: string
  runnerTemp: string
}

/** The event file and the empty per-step files, inside `temp`. */
export async function prepareRunnerFiles(temp: string, event: object): Promise<RunnerFiles> {
  const files: RunnerFiles = {
    event: join(temp, 'event.json'),
    summary: join(temp, 'step_summary'),
    output: join(temp, 'output'),
    env: join(temp, 'env'),
    path: join(temp, 'path'),
    state: join(temp, 'state'),
    runnerTemp: join(temp, 'runner-temp'),
  }
  await writeFile(files.event, JSON.stringify(event, null, 2))
  await Promise.all(
    [files.summary, files.output, files.env, files.path, files.state].map((f) => writeFile(f, '')),
  )
  await mkdir(files.runnerTemp)
  return files
}
