/**
 * What the sandbox does after it has answered (writes that land late, a list that lags), kept
 * in one place so a test can wait until all of it has happened, and a reset can cancel it rather
 * than let it land in the next test.
 */
export class Deferred {
  private readonly timers = new Set<NodeJS.Timeout>()
  private waiters: (() => void)[] = []

  /** Runs `task` in `ms`; a task may defer more, and `settled` waits for that too. */
  after(ms: number, task: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      task()
      this.wakeIfIdle()
    }, ms)
    this.timers.add(timer)
  }

  /** Resolves once nothing is deferred any more (at once when nothing is). */
  settled(): Promise<void> {
    if (this.timers.size === 0) return Promise.resolve()
    return new Promise((resolve) => this.waiters.push(resolve))
  }

  /** Drops everything deferred, unrun, and releases whoever waits for it. */
  cancel(): void {
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
    this.wakeIfIdle()
  }

  private wakeIfIdle(): void {
    if (this.timers.size > 0) return
    const waiters = this.waiters
    this.waiters = []
    for (const wake of waiters) wake()
  }
}
