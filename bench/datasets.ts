// The generated manifest sets, made once by the bench and shared by both runtimes so that they
// validate the very same files: `<data>/<count>/luigisbox/*.yml`.
import path from 'node:path'
import { generate } from './generate.js'

export const datasetDir = (data: string, files: number): string => path.join(data, String(files))

export function generateDatasets(data: string, sizes: readonly number[]): void {
  for (const files of new Set(sizes))
    generate(path.join(datasetDir(data, files), 'luigisbox'), files)
}
