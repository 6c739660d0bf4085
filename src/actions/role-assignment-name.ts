import { createHash } from 'node:crypto'

/** This action's own UUIDv5 namespace, so its names never collide with another tool's. */
const NAMESPACE = 'b7b4c1f2-5d0e-4c8a-9f3e-2a6d1c0b9e47'

/**
 * The role assignment's name (a GUID, as ARM requires): a UUIDv5 (RFC 9562) of the scope, the
 * role definition's GUID and the principal, all lower-cased. The same three always give the same
 * name, so a re-run PUTs the assignment it made before instead of making a second one (Bicep's
 * guid(scope, principal, role) idiom).
 */
export function roleAssignmentName(
  scope: string,
  roleDefinitionId: string,
  principalId: string
): string {
  const roleGuid = roleDefinitionId.replace(/\/+$/, '').split('/').pop() ?? roleDefinitionId
  const name = [scope.replace(/\/+$/, ''), roleGuid, principalId]
    .map(part => part.toLowerCase())
    .join('|')
  const bytes = createHash('sha1')
    .update(Buffer.from(NAMESPACE.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16)
  bytes[6] = (bytes[6]! & 0x0f) | 0x50
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
