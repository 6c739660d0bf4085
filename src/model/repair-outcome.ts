import type { Repair } from './choices.js'
import type { CheckId } from './finding.js'

/** What one repair did. `ids` name what was created, for the report. */
export type RepairOutcome =
  | {
      item: Repair
      check: CheckId
      result: 'created'
      summary: string
      ids: Record<string, string>
    }
  /** The thing existed already (made meanwhile); nothing was created. */
  | { item: Repair; check: CheckId; result: 'already-present'; summary: string }
  /** The service refused the write for lack of a permission (401/403). */
  | {
      item: Repair
      check: CheckId
      result: 'refused'
      call: string
      status?: number | undefined
      message: string
      permission: string
    }
  | {
      item: Repair
      check: CheckId
      result: 'failed'
      call: string
      status?: number | undefined
      message: string
    }
  /** The repair cannot help here (e.g. IP rules are ignored while public access is Disabled). */
  | { item: Repair; check: CheckId; result: 'not-possible'; reason: string }
