/**
 * The command line's exit codes. A bad flag and a bad input value are the same mistake to a
 * caller (nothing was contacted; fix the command), so they share one code.
 */
export const EXIT_CODES = {
  pass: 0,
  /** A check failed, or the run could not finish. */
  fail: 1,
  /** A flag or an input value is invalid; nothing was contacted. */
  usage: 2
} as const
