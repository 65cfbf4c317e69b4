/* eslint-disable @typescript-eslint/no-require-imports -- run by plain node, like ajv-cli */
// The floor under any validator of these files: read each manifest and parse it with js-yaml,
// nothing more. The benchmark times it beside ours and ajv-cli to show what is left for the checks.
const { readFileSync, readdirSync } = require('node:fs')
const path = require('node:path')
const yaml = require('js-yaml')

const dir = process.argv[2] ?? 'luigisbox'
let documents = 0
for (const name of readdirSync(dir)) {
  if (yaml.load(readFileSync(path.join(dir, name), 'utf8')) !== undefined) documents += 1
}
process.stdout.write(`${documents}\n`)
