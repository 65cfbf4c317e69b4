/** Keys shorter than this are ordinary words ("secret") and would be found in any prose. */
const SCANNED_KEY_LENGTH = 12

/**
 * Every run with a private key is scanned: the key must appear in nothing a user could read,
 * except the `::add-mask::` command that hides it in GitHub's log. So every end-to-end test,
 * whatever it asserts, also checks that the key did not leak.
 */
export function assertNoLeak(
  key: string | undefined,
  printed: { stdout: string; stderr: string; summary: string; outputFile: string },
): void {
  if (!key || key.trim().length < SCANNED_KEY_LENGTH) return
  const secret = key.trim()
  const stdout = printed.stdout.split(`::add-mask::${key}\n`).join('')
  for (const [where, text] of Object.entries({ ...printed, stdout })) {
    if (text.includes(secret))
      throw new Error(`The private key leaked into ${where}:\n${text.slice(0, 2000)}`)
  }
}
