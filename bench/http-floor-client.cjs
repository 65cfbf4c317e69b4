/* eslint-disable @typescript-eslint/no-require-imports -- run by plain node, like parse-floor.cjs */
// The floor under any client of the sandbox: `count` POSTs of a create's size over keep-alive
// node:http, `concurrency` at a time, and nothing else (no signing, no reading of manifests).
const http = require('node:http')

const [, , address = '', countArg = '0', concurrencyArg = '1'] = process.argv
const url = new URL(address)
const count = Number(countArg)
const concurrency = Number(concurrencyArg)
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency })
const body = JSON.stringify({
  model: 'basket',
  pin_definitions: [{ position: 1 }],
  pad: 'x'.repeat(800),
})

function post() {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json' } },
      (response) => {
        response.resume()
        response.on('end', resolve)
      },
    )
    request.on('error', reject)
    request.end(body)
  })
}

let next = 0
async function lane() {
  while (next < count) {
    next += 1
    await post()
  }
}

Promise.all(Array.from({ length: concurrency }, lane)).then(() => agent.destroy())
