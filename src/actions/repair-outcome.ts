// The repairs' metadata lives in the check catalog (src/checks/definitions); src/actions keeps the
// writers. Re-exported under the names setup-flow imports.
export { REPAIR_CHECK, repairPermission } from '../checks/repairs.js'
