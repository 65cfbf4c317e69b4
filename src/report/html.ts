const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  // A blank line would end the HTML block, and GitHub would render what follows as Markdown.
  '\n': '&#10;',
  '\r': '&#13;',
}

/** The job summary renders raw HTML and Markdown: everything from a manifest is escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'\n\r]/g, (c) => ESCAPES[c] ?? c)
}

/** A link to a file (and line) of the repository at one commit. */
export function blobUrl(
  base: { serverUrl: string; repository: string; sha: string },
  file: string,
  line?: number,
): string {
  const path = file.split('/').map(encodeURIComponent).join('/')
  return `${base.serverUrl}/${base.repository}/blob/${base.sha}/${path}${line ? `#L${line}` : ''}`
}
