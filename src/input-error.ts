/** A problem with one of the Action's inputs; `input` is its name in action.yml. */
export class InputError extends Error {
  override readonly name = 'InputError'
  constructor(
    readonly input: string,
    message: string,
  ) {
    super(message)
  }
}
