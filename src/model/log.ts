/**
 * Where a run's progress lines go. The host behind it (GitHub Actions, the command line, a test
 * fake) redacts secrets and neutralizes workflow commands in every line, so callers pass service
 * text as it came.
 */
export interface Log {
  debug(message: string): void
  info(message: string): void
  warning(message: string): void
}

/** A log that drops everything: for callers that have nothing to say to a person. */
export const silentLog: Log = { debug: () => {}, info: () => {}, warning: () => {} }
