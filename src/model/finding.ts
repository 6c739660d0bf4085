export const CHECK_IDS = [
  'azure.sign-in',
  'adobe.sign-in',
  'vault.found',
  'vault.soft-delete',
  'vault.purge-protection',
  'vault.rbac',
  'vault.network',
  'vault.adobe-ip',
  'vault.audit-log',
  'vault.delete-lock',
  'key.found',
  'key.enabled',
  'key.type',
  'key.size',
  'key.operations',
  'key.active',
  'key.expiry',
  'key.rotation',
  'app.registered',
  'app.consented',
  'app.role',
  'config.status',
  'config.key'
] as const
export type CheckId = (typeof CHECK_IDS)[number]

/** skipped: the check could not be evaluated because another check (blockedBy) failed. */
export type Outcome = 'pass' | 'warn' | 'fail' | 'skipped'

/** A check that was decided: it passed, warned or failed. */
export interface DecidedFinding {
  id: CheckId
  outcome: 'pass' | 'warn' | 'fail'
  /** What was found, one sentence a person reads in the summary. */
  detail: string
  /** How to fix it; only for warn and fail. */
  fix?: string | undefined
  /** The facts that decided it, for the JSON report. */
  evidence?: Record<string, unknown> | undefined
}

/** A check whose facts are missing because another check failed first. */
export interface SkippedFinding {
  id: CheckId
  outcome: 'skipped'
  detail: string
  /** The failed check that stopped this one from being evaluated. */
  blockedBy: CheckId
  fix?: undefined
  evidence?: Record<string, unknown> | undefined
}

export type Finding = DecidedFinding | SkippedFinding
