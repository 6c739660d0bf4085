import type { TokenCredential } from '@azure/core-auth'
import { cappedPages } from '../http/capped-pages.js'
import { requestJson } from '../http/json-request.js'
import { ServiceError } from '../http/service-error.js'
import type { HttpContext } from '../http/http-context.js'

export const TRANSITIVE_MEMBER_OF_CALL = 'Microsoft Graph GET transitiveMemberOf'

/**
 * Pages of memberships read before the listing fails: Graph answers at most 999 a page ($top);
 * an object may be a member of at most a few thousand groups in practice (getMemberGroups stops at
 * 11,000), so 100 pages of 999 hold every real answer.
 */
export const MEMBERSHIP_PAGES = 100

// Permissions ("List servicePrincipal transitive memberOf"): least privileged Application.Read.All,
// the same the service principal look-up needs. Without a group permission the groups still come
// back, with only their id and @odata.type, which is all a role assignment names. getMemberGroups
// would be a POST (which validate and check never send) needing Directory.Read.All.

interface MembershipPage {
  value?: Array<{ '@odata.type'?: unknown; id?: unknown }>
  '@odata.nextLink'?: unknown
}

/**
 * The ids of every group the service principal is a member of, directly or through other groups
 * (`GET /servicePrincipals/{id}/transitiveMemberOf`). Directory roles and administrative units in
 * the answer are left out; an item without @odata.type is kept (an id that names no group matches
 * no role assignment). Follows @odata.nextLink only on the Graph endpoint's own origin.
 */
export async function readTransitiveGroupIds(
  credential: TokenCredential,
  graphEndpoint: string,
  objectId: string,
  http: HttpContext
): Promise<string[]> {
  const token = await credential.getToken(`${graphEndpoint}/.default`, {
    abortSignal: http.signal
  })
  if (!token)
    throw new ServiceError('Microsoft Graph token request', undefined, 'no token returned')
  const origin = new URL(graphEndpoint).origin
  const first = `${graphEndpoint}/v1.0/servicePrincipals/${encodeURIComponent(objectId)}/transitiveMemberOf?$select=id&$top=999`
  async function* pages(): AsyncGenerator<MembershipPage, void, undefined> {
    let url: string | undefined = first
    while (url) {
      const { body } = await requestJson({
        call: TRANSITIVE_MEMBER_OF_CALL,
        method: 'GET',
        url,
        headers: { Authorization: `Bearer ${token!.token}` },
        http
      })
      const page = (body ?? {}) as MembershipPage
      yield page
      const next = page['@odata.nextLink']
      if (typeof next !== 'string' || next === '') return
      if (new URL(next).origin !== origin)
        throw new ServiceError(
          TRANSITIVE_MEMBER_OF_CALL,
          undefined,
          `refused to send the token to ${new URL(next).host}: the @odata.nextLink leaves ${new URL(origin).host}`
        )
      url = next
    }
  }
  const ids = new Set<string>()
  for await (const page of cappedPages(pages(), TRANSITIVE_MEMBER_OF_CALL, MEMBERSHIP_PAGES)) {
    if (!Array.isArray(page.value))
      throw new ServiceError(TRANSITIVE_MEMBER_OF_CALL, 200, 'the answer has no value list')
    for (const item of page.value) {
      const type = item['@odata.type']
      if (typeof item.id !== 'string') continue
      if (type === undefined || type === '#microsoft.graph.group') ids.add(item.id.toLowerCase())
    }
  }
  return [...ids]
}
