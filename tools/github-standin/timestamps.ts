/** A time as GitHub writes it in JSON: ISO 8601 in UTC, to the second (`2026-01-01T12:00:00Z`). */
export function gitHubTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z')
}
