import type { ManagementLockClient } from '@azure/arm-locks'
import type { ManagementLockFact } from '../../model/facts.js'
import { cappedPages } from '../http/capped-pages.js'

/**
 * Pages of the lock listing read before it fails. ARM documents no page size and no limit on
 * locks per scope; 100 pages is far more than the handful of locks a vault's scopes carry.
 */
export const LOCK_PAGES = 100

const LOCK_SUFFIX = /\/providers\/Microsoft\.Authorization\/locks\/[^/]+$/i

/**
 * Management locks that stop the vault's deletion: those on the vault, its resource group or its
 * subscription. Read with ManagementLocks_ListAtResourceLevel on the vault (`@azure/arm-locks`
 * `managementLocks.listAtResourceLevel`; Reader's `*\/read` covers
 * Microsoft.Authorization/locks/read), which the REST specification describes as "the management
 * locks for a resource or any level below resource" and the Azure SDKs' docs as the locks of "the
 * specified resource, its resource group and any resources below the resource" (azure-libraries-
 * for-java `ManagementLocks.listForResource`). Whether it also lists the subscription's locks is
 * not documented: a subscription lock it lists counts, as ARM applies it to every resource below.
 * A lock's scope is its id without `/providers/Microsoft.Authorization/locks/<name>`; only the
 * three scopes above count, compared whole and case-insensitively, so neither a lock below the
 * vault nor one on another vault whose id merely starts like this one's ever counts.
 */
export async function readManagementLocks(
  client: ManagementLockClient,
  vaultId: string,
  abortSignal: AbortSignal
): Promise<ManagementLockFact[]> {
  const parts = parseResourceId(vaultId)
  const pages = client.managementLocks
    .listAtResourceLevel(parts.resourceGroup, parts.namespace, '', parts.type, parts.name, {
      abortSignal
    })
    .byPage()
  const locks: ManagementLockFact[] = []
  for await (const page of cappedPages(pages, 'ARM list management locks', LOCK_PAGES))
    for (const lock of page) {
      const scope = lockScope(lock.id ?? '', vaultId)
      if (scope) locks.push({ id: lock.id ?? '', name: lock.name ?? '', level: lock.level, scope })
    }
  return locks
}

/** Which of the vault's scopes a lock sits on, or undefined for any other resource. */
export function lockScope(
  lockId: string,
  vaultId: string
): ManagementLockFact['scope'] | undefined {
  if (!LOCK_SUFFIX.test(lockId)) return undefined
  const scope = normalized(lockId.replace(LOCK_SUFFIX, ''))
  const vault = normalized(vaultId)
  const { subscription, resourceGroup } = parseResourceId(vaultId)
  if (scope === vault) return 'vault'
  if (scope === normalized(`/subscriptions/${subscription}/resourceGroups/${resourceGroup}`))
    return 'resource-group'
  if (scope === normalized(`/subscriptions/${subscription}`)) return 'subscription'
  return undefined
}

function normalized(id: string): string {
  return id.toLowerCase().replace(/\/+$/, '')
}

interface ResourceIdParts {
  subscription: string
  resourceGroup: string
  namespace: string
  type: string
  name: string
}

/** `/subscriptions/<s>/resourceGroups/<rg>/providers/<namespace>/<type>/<name>`, as ARM gives a vault's id. */
function parseResourceId(id: string): ResourceIdParts {
  const m =
    /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/([^/]+)\/([^/]+)\/([^/]+)$/i.exec(
      id.replace(/\/+$/, '')
    )
  if (!m) throw new Error(`not a top-level resource id: ${id}`)
  const [, subscription = '', resourceGroup = '', namespace = '', type = '', name = ''] = m
  return { subscription, resourceGroup, namespace, type, name }
}
