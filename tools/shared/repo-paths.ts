import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
/** The bundled Action, as the runner starts it. */
export const DIST_ENTRY = join(REPO_ROOT, 'dist', 'index.js')
/** The bundled command line, `luigisbox-pins`. */
export const CLI_ENTRY = join(REPO_ROOT, 'dist', 'cli', 'index.js')
