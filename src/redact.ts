/**
 * Text with every occurrence of the secret replaced by `***`. The runner masks a secret in its
 * log once told; this covers what the Action writes elsewhere (summary, outputs, messages built
 * from a server's answer that echoes the key).
 */
export function redact(text: string, secret: string): string {
  return secret === '' ? text : text.split(secret).join('***')
}
