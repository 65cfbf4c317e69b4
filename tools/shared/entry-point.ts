import { pathToFileURL } from 'node:url'

/** Whether the module at `moduleUrl` is the script node (or tsx) was started with. */
export function isEntryPoint(moduleUrl: string): boolean {
  const script = process.argv[1]
  return script !== undefined && moduleUrl === pathToFileURL(script).href
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
