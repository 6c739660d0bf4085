import type { RunResult } from '../report/run-result.js'

/**
 * What one run ended with, as published: `passed` exactly when the step passes (every check
 * passed and every output was written); `inputError` when the inputs stopped it first;
 * `deadlineReached` when the deadline cancelled work (something may still be pending).
 */
export interface ActionRun {
  result: RunResult
  passed: boolean
  inputError: boolean
  deadlineReached: boolean
}
