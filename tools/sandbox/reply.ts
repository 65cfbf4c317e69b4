/** A response the sandbox wants to send. */
export class Reply {
  constructor(
    readonly status: number,
    readonly body: string,
    readonly contentType = 'application/json; charset=utf-8',
  ) {}

  static json(status: number, value: unknown): Reply {
    return new Reply(status, JSON.stringify(value))
  }

  static text(status: number, text: string): Reply {
    return new Reply(status, text, 'text/plain; charset=utf-8')
  }
}
