/** `1 error`, `2 errors`: English plurals of the nouns this Action counts. */
export function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`
}
