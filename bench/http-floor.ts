// What this machine allows any client at all: the submission bench's requests, at its latency and
// concurrencies, between two bare Node processes (bench/http-floor-client.cjs and a node:http
// server here that answers each request `latency` after it arrived, as the sandbox does). Its
// span / ideal is the floor under the Action's: the kernel's loopback and the processes' wake-ups.
import { spawn } from 'node:child_process'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { REPO_ROOT } from '../tools/shared/repo-paths.js'
import { spanMs } from './arrivals.js'

const CLIENT = path.join(REPO_ROOT, 'bench', 'http-floor-client.cjs')

/** Span from the first request's arrival to the last one's answer, for `count` requests. */
export async function httpFloorSpanMs(
  count: number,
  concurrency: number,
  latencyMs: number,
): Promise<number> {
  const arrivals: number[] = []
  const server = createServer((request, response) => {
    const arrived = performance.now()
    arrivals.push(arrived)
    request.resume()
    request.on('end', () => {
      void sleep(Math.max(0, arrived + latencyMs - performance.now())).then(() =>
        response.end('{"id":"1"}'),
      )
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  try {
    const { port } = server.address() as AddressInfo
    const url = `http://127.0.0.1:${port}/`
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [CLIENT, url, String(count), String(concurrency)], {
        stdio: 'inherit',
      })
      child.on('error', reject)
      child.on('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`the floor client exited ${code}`)),
      )
    })
    if (arrivals.length !== count)
      throw new Error(`${arrivals.length} of ${count} requests arrived`)
    return spanMs(arrivals, latencyMs)
  } finally {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
}
