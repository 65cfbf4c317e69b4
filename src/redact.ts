import { escapeHtml } from './report/html.js'

/**
 * Text with every form of the secret replaced by `***`. The runner masks only the raw secret in
 * its log; this covers everything the Action writes (log, annotations, summary, outputs, the pull
 * request comment), including text built from a server's answer or a file that echoes the key.
 */
export function redact(text: string, secret: string): string {
  return redactor(secret)(text)
}

/** A redactor bound to one secret; its forms are computed once. */
export function redactor(secret: string): (text: string) => string {
  const forms = secretForms(secret)
  return (text) => forms.reduce((redacted, form) => redacted.split(form).join('***'), text)
}

/**
 * A base64 run shorter than this could occur by chance in a long summary; a real key's is much
 * longer than this.
 */
const MIN_DERIVED_LENGTH = 12

/**
 * The spellings a secret takes where something echoed it: as is; JSON-escaped, as a server's
 * JSON body quotes it (`\"`, `\\`, `\/`, `\uXXXX`); URL-encoded, as a redirect's Location or a
 * query carries it (upper- and lower-case hex, `+` for a space); HTML-escaped, as the summary
 * and the comment show text; and base64 at each of its three alignments, as Basic credentials or
 * a token embed it (only the characters that depend on the secret alone). Longest first, so a
 * form inside another is not left half-redacted.
 */
export function secretForms(secret: string): string[] {
  if (secret === '') return []
  const json = JSON.stringify(secret).slice(1, -1)
  const url = encodeURIComponent(secret)
  const forms = [
    secret,
    json,
    json.replace(/\//g, '\\/'),
    asciiJson(secret),
    url,
    url.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
    url.replace(/%20/g, '+'),
    escapeHtml(secret),
    ...base64Cores(secret).filter((core) => core.length >= MIN_DERIVED_LENGTH),
  ]
  return [...new Set(forms)].sort((a, b) => b.length - a.length)
}

/** JSON with every character past ASCII as `\uXXXX`, as some servers write it. */
function asciiJson(secret: string): string {
  return JSON.stringify(secret)
    .slice(1, -1)
    .replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** For 0, 1 and 2 bytes before the secret: its base64 characters that no other byte touches. */
function base64Cores(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8')
  return [0, 1, 2].flatMap((shift) => {
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64')
    const core = encoded.slice(
      Math.ceil((shift * 8) / 6),
      Math.floor(((shift + bytes.length) * 8) / 6),
    )
    return [core, core.replace(/\+/g, '-').replace(/\//g, '_')]
  })
}
