import { stringify } from 'yaml'
import type { Customization } from '../manifest/schema.js'

/**
 * Where editors find the manifest schema: the file in this repository at the major version's
 * tag, so a manifest written today is checked by the schema of the release that reads it.
 */
export const SCHEMA_URL =
  'https://raw.githubusercontent.com/luigisbox-pins/luigisbox-pins-action/v1/schema/customization.schema.json'

/**
 * One manifest file. Written as YAML 1.1 quotes it, so a string such as `yes`, `0123` or a
 * date-time stays a string for any YAML reader, while the text is plain YAML 1.2 for ours.
 */
export function manifestText(manifest: Customization): string {
  const body = stringify(manifest, { version: '1.1', lineWidth: 0 })
  return `# yaml-language-server: $schema=${SCHEMA_URL}\n${body}`
}
