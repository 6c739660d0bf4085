export const CHECK_IDS = [
  'vault.found',
  'vault.soft-delete',
  'vault.purge-protection',
  'vault.rbac',
  'vault.network',
  'vault.adobe-ip',
  'key.found',
  'key.enabled',
  'key.type',
  'key.size',
  'key.operations',
  'key.active',
  'key.expiry',
  'app.registered',
  'app.consented',
  'app.role',
  'config.status',
  'config.key'
] as const
export type CheckId = (typeof CHECK_IDS)[number]

export type Outcome = 'pass' | 'warn' | 'fail'

export interface Finding {
  id: CheckId
  outcome: Outcome
  /** What was found, one sentence a person reads in the summary table. */
  detail: string
  /** How to fix it; only for warn and fail. */
  fix?: string | undefined
  /** The facts that decided it, for the JSON report. */
  evidence?: Record<string, unknown> | undefined
}
