/** The run's deadline (input `deadline-minutes`): once it passes, nothing more is sent. */
export interface Deadline {
  signal: AbortSignal
  /** The minutes as the input gave them, for messages. */
  minutes: string
}

export function startDeadline(minutes: number): Deadline {
  // AbortSignal.timeout's timer does not keep the process alive.
  return { signal: AbortSignal.timeout(minutes * 60_000), minutes: String(minutes) }
}

/** Waits for `pause`, or less when the deadline passes first (the caller then checks it). */
export function pauseUnlessPast(pause: Promise<unknown>, deadline?: Deadline): Promise<unknown> {
  const signal = deadline?.signal
  if (!signal) return pause
  if (signal.aborted) return Promise.resolve()
  return Promise.race([
    pause,
    new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true })),
  ])
}
