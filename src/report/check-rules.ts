import { catalogTable } from '../checks/check-catalog.js'
import type { CheckRule } from '../checks/check-definition.js'
import type { CheckId } from '../model/finding.js'

export type { CheckRule } from '../checks/check-definition.js'

/** What code scanning shows for each check, from its definition in the check catalog. */
export const CHECK_RULES: Readonly<Record<CheckId, CheckRule>> = catalogTable(check => check.rule)
