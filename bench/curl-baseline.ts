import { execFileSync, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { startSandbox } from '../tools/sandbox/server.js'
import { expectedSignature } from '../tools/sandbox/signature.js'
import { manifestName } from './generate.js'
import { log } from './measure.js'
import { LATENCY_MS, SUBMIT_MANIFESTS } from './settings.js'

export interface CurlBaseline {
  /** Manifests timed. */
  sample: number
  ms: number
  /** `ms` scaled to all the submitted manifests. */
  scaledMs: number
}

/**
 * The vendor's documented recipe: per manifest, an openssl HMAC signature and one curl POST,
 * one after the other. Timed on the first 100 manifests of `workspace` and scaled.
 */
export async function curlBaseline(workspace: string): Promise<CurlBaseline> {
  const sample = Math.min(100, SUBMIT_MANIFESTS)
  log(`  curl + openssl baseline on ${sample} manifests…`)
  const sandbox = await startSandbox({ latencyMs: LATENCY_MS })
  try {
    const base = new URL(sandbox.url)
    const scopePath = `/v1/recommender/pin/${sandbox.trackerId}/scope`
    const requestPath = `${base.pathname.replace(/\/$/, '')}${scopePath}`
    const contentType = 'application/json; charset=utf-8'
    // The recipe posts JSON: convert before the clock starts.
    const bodies = Array.from({ length: sample }, (_, i) =>
      JSON.stringify(
        parse(readFileSync(path.join(workspace, 'luigisbox', manifestName(i)), 'utf8')),
      ),
    )
    const started = performance.now()
    for (const body of bodies) {
      const date = new Date().toUTCString()
      const signature = execFileSync(
        'sh',
        [
          '-c',
          'printf "%s\\n%s\\n%s\\n%s" "$1" "$2" "$3" "$4" | openssl dgst -sha256 -hmac "$5" -binary | base64',
          'sign',
          'POST',
          contentType,
          date,
          requestPath,
          sandbox.privateKey,
        ],
        { encoding: 'utf8' },
      ).trim()
      if (
        signature !== expectedSignature(sandbox.privateKey, 'POST', contentType, date, requestPath)
      ) {
        throw new Error('the openssl signature differs from the sandbox’s')
      }
      await curl([
        '-sS',
        '-o',
        '/dev/null',
        '-w',
        '%{http_code}',
        '-X',
        'POST',
        '-H',
        `Content-Type: ${contentType}`,
        '-H',
        `Date: ${date}`,
        '-H',
        `Authorization: ApiAuth ${sandbox.trackerId}:${signature}`,
        '--data-binary',
        body,
        `${sandbox.url.replace(/\/$/, '')}${scopePath}`,
      ])
    }
    const ms = performance.now() - started
    if (sandbox.store.size !== sample)
      throw new Error(`curl created ${sandbox.store.size} of ${sample}`)
    return { sample, ms, scaledMs: (ms / sample) * SUBMIT_MANIFESTS }
  } finally {
    await sandbox.close()
  }
}

/** Runs curl; resolves with what it printed, rejects unless it exited 0 with a 2xx status. */
function curl(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('curl', args, { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0 && out.startsWith('2')
        ? resolve(out)
        : reject(new Error(`curl exited ${code}: ${out}`)),
    )
  })
}
