import { parse, stringify } from 'yaml'
import type { Customization } from '../manifest/schema.js'
import { canonicalJson } from '../manifest/scope.js'

/**
 * Where editors find the manifest schema: the file in this repository at the major version's
 * tag, so a manifest written today is checked by the schema of the release that reads it.
 */
export const SCHEMA_URL =
  'https://raw.githubusercontent.com/luigisbox-pins/luigisbox-pins-action/v1/schema/customization.schema.json'

/**
 * One manifest file. Written as YAML 1.1 quotes it, so a string such as `yes`, `0123` or a
 * date-time stays a string for any YAML reader. A string only YAML 1.2 reads as something else
 * (`0o17`, an octal number there) would change on the way back, so the text is read back as
 * the validator reads it, and if anything differs every string is written in double quotes.
 */
export function manifestText(manifest: Customization): string {
  const plain = stringify(manifest, { version: '1.1', lineWidth: 0 })
  const body =
    canonicalJson(parse(plain)) === canonicalJson(manifest)
      ? plain
      : stringify(manifest, { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE' })
  return `# yaml-language-server: $schema=${SCHEMA_URL}\n${body}`
}
