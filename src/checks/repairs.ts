import { REPAIRS, type Repair, type VaultType } from '../model/choices.js'
import type { CheckId } from '../model/finding.js'
import { checkDefinitions } from './check-catalog.js'
import type { RepairDefinition } from './check-definition.js'

/** Each `remediate` item with the check it answers, read off the catalog. */
const REPAIR_OF: ReadonlyMap<Repair, RepairDefinition & { check: CheckId }> = new Map(
  checkDefinitions().flatMap(check =>
    check.repair ? [[check.repair.item, { ...check.repair, check: check.id }] as const] : []
  )
)

function repairOf(item: Repair): RepairDefinition & { check: CheckId } {
  const repair = REPAIR_OF.get(item)
  // A unit test holds every item of REPAIRS to exactly one check; this only satisfies the types.
  if (!repair) throw new Error(`no check in the catalog declares the repair ${item}`)
  return repair
}

/** The check each repair answers. */
export const REPAIR_CHECK: Readonly<Record<Repair, CheckId>> = Object.fromEntries(
  REPAIRS.map(item => [item, repairOf(item).check])
) as Record<Repair, CheckId>

/** What the job's identity needs for each repair on each kind of vault, as the fix names it. */
export function repairPermission(item: Repair, kind: VaultType): string {
  return repairOf(item).permission[kind]
}
