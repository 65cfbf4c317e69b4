import type { IncomingHttpHeaders, IncomingMessage, Server } from 'node:http'

/** Starts `server` listening and returns its base URL, e.g. `http://127.0.0.1:40123`. */
export async function listen(server: Server, port = 0, host = '127.0.0.1'): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('the server has no TCP port')
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return `http://${shown}:${address.port}`
}

/** Resolves once the server is closed; closing one already closed is not an error. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve())
    // Clients keep connections alive; without this close() waits for them to time out.
    server.closeAllConnections()
  })
}

/** One header as a string: repeated headers joined the way HTTP allows folding them. */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name]
  return Array.isArray(value) ? value.join(', ') : value
}

/** The whole request body as UTF-8 text, empty when there is none. */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}
