/**
 * An error thrown by one of several calls a reader makes, labelled with that call (e.g. "ARM GET
 * managed HSM"), so that the read's error names the call that failed rather than the read as a
 * whole. toReadError unwraps it.
 */
export class FailedCall extends Error {
  constructor(
    readonly call: string,
    override readonly cause: unknown
  ) {
    super(`${call} failed`)
    this.name = 'FailedCall'
  }

  /** Runs `work`, labelling what it throws with `call` (an already labelled error keeps its label). */
  static async wrap<T>(call: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work()
    } catch (error) {
      throw error instanceof FailedCall ? error : new FailedCall(call, error)
    }
  }
}
