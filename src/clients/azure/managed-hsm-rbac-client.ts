import type { TokenCredential } from '@azure/core-auth'
import {
  RestError,
  createDefaultHttpClient,
  createHttpHeaders,
  createPipelineFromOptions,
  createPipelineRequest,
  type HttpClient,
  type Pipeline
} from '@azure/core-rest-pipeline'
import { keyVaultAuthenticationPolicy } from '@azure/keyvault-common'
import { cappedPages } from '../http/capped-pages.js'
import { azureClientOptions } from './sdk-client-options.js'
import type { HttpContext } from '../http/http-context.js'

/**
 * The data-plane RBAC api-version (azure-rest-api-specs, specification/keyvault/data-plane,
 * stable/7.5/rbac.json: RoleAssignments_ListForScope, RoleDefinitions_Get, RoleAssignments_Create).
 */
export const HSM_RBAC_API_VERSION = '7.5'

/**
 * Pages of one scope's local role assignments read before the listing fails. A Managed HSM holds
 * at most 50 role assignments at HSM scope and 10 at each key's scope, with at most 5,000 keys
 * (Key Vault service limits, "Resource type: Managed HSM"), so 50,050 even if a listing at `/`
 * returned every key's too; rbac.json documents no page size: 1,000 pages hold them all at 51 a
 * page, and the scopes the action lists hold 60.
 */
export const HSM_ROLE_ASSIGNMENT_PAGES = 1_000

/** The scopes a Managed HSM's local RBAC knows: the whole HSM, every key, one key. */
export type HsmScope = '/' | '/keys' | `/keys/${string}`

/** A local role assignment as the service answers it (rbac.json RoleAssignment). */
export interface HsmRoleAssignment {
  id: string
  name: string
  properties: { scope: string; roleDefinitionId: string; principalId: string }
}

/** A local role definition (rbac.json RoleDefinition); its id ends in the role's GUID. */
export interface HsmRoleDefinition {
  id: string
  name: string
  properties: {
    roleName?: string | undefined
    permissions?: Array<{
      actions?: string[] | undefined
      notActions?: string[] | undefined
      dataActions?: string[] | undefined
      notDataActions?: string[] | undefined
    }>
  }
}

/**
 * A Managed HSM's local RBAC (`https://<hsm>.managedhsm.azure.net`), the calls
 * `@azure/keyvault-admin` makes, on the Azure SDK pipeline (retries, our per-try timeout and
 * debug log) with Key Vault's challenge authentication: the first request goes without a token,
 * the HSM answers 401 naming its tenant and `https://managedhsm.azure.net`, and the policy asks
 * the credential for that scope. Errors are RestErrors carrying the service's `{error}` body.
 */
export class ManagedHsmRbacClient {
  private readonly pipeline: Pipeline
  private readonly httpClient: HttpClient
  private readonly base: string

  constructor(hsmUri: string, credential: TokenCredential, http: HttpContext) {
    this.base = hsmUri.replace(/\/+$/, '')
    const options = azureClientOptions('api', http)
    this.pipeline = createPipelineFromOptions(options)
    this.pipeline.addPolicy(keyVaultAuthenticationPolicy(credential))
    for (const { policy } of options.additionalPolicies)
      this.pipeline.addPolicy(policy, { afterPhase: 'Sign' })
    this.httpClient = createDefaultHttpClient()
  }

  /** Role assignments at `scope` (every page, at most HSM_ROLE_ASSIGNMENT_PAGES). */
  async listRoleAssignments(
    scope: HsmScope,
    abortSignal: AbortSignal
  ): Promise<HsmRoleAssignment[]> {
    const assignments: HsmRoleAssignment[] = []
    const call = `Managed HSM list local role assignments at ${scope}`
    const pages = this.roleAssignmentPages(scope, abortSignal)
    for await (const page of cappedPages(pages, call, HSM_ROLE_ASSIGNMENT_PAGES))
      assignments.push(...page)
    return assignments
  }

  /** The pages of `scope`'s role assignments, following same-origin nextLinks. */
  private async *roleAssignmentPages(
    scope: HsmScope,
    abortSignal: AbortSignal
  ): AsyncGenerator<HsmRoleAssignment[], void, undefined> {
    let url: string | undefined = this.url(scope, 'roleAssignments')
    while (url) {
      const page: { value?: HsmRoleAssignment[]; nextLink?: string | null } = await this.send(
        'GET',
        url,
        abortSignal
      )
      yield page.value ?? []
      url = page.nextLink ? this.sameOrigin(page.nextLink) : undefined
    }
  }

  /** A role definition by its GUID; Managed HSM keeps every definition at scope `/`. */
  getRoleDefinition(guid: string, abortSignal: AbortSignal): Promise<HsmRoleDefinition> {
    return this.send(
      'GET',
      this.url('/', `roleDefinitions/${encodeURIComponent(guid)}`),
      abortSignal
    )
  }

  /**
   * Assigns a role at `scope` under `name` (any GUID; a deterministic one makes a re-run find
   * it). `roleDefinitionId` is the definition's id, e.g.
   * `Microsoft.KeyVault/providers/Microsoft.Authorization/roleDefinitions/<guid>`.
   */
  createRoleAssignment(
    scope: HsmScope,
    name: string,
    assignment: { roleDefinitionId: string; principalId: string },
    abortSignal: AbortSignal
  ): Promise<HsmRoleAssignment> {
    return this.send(
      'PUT',
      this.url(scope, `roleAssignments/${encodeURIComponent(name)}`),
      abortSignal,
      { properties: assignment }
    )
  }

  private url(scope: HsmScope, tail: string): string {
    const prefix = scope === '/' ? '' : scope.split('/').map(encodeURIComponent).join('/')
    return `${this.base}${prefix}/providers/Microsoft.Authorization/${tail}?api-version=${HSM_RBAC_API_VERSION}`
  }

  /** A nextLink on another host would carry the HSM token elsewhere: refuse it. */
  private sameOrigin(link: string): string {
    if (new URL(link).origin !== new URL(this.base).origin)
      throw new RestError(`the nextLink ${link} leaves ${this.base}`, { code: 'InvalidNextLink' })
    return link
  }

  private async send<T>(
    method: 'GET' | 'PUT',
    url: string,
    abortSignal: AbortSignal,
    body?: unknown
  ): Promise<T> {
    const request = createPipelineRequest({
      url,
      method,
      abortSignal,
      headers: createHttpHeaders({
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' })
      }),
      ...(body === undefined ? {} : { body: JSON.stringify(body) })
    })
    const response = await this.pipeline.sendRequest(this.httpClient, request)
    let parsed: unknown
    try {
      parsed = response.bodyAsText ? JSON.parse(response.bodyAsText) : undefined
    } catch {
      parsed = undefined
    }
    if (response.status >= 200 && response.status < 300 && parsed !== undefined) return parsed as T
    const error = (
      parsed as
        { error?: { code?: string; message?: string; innererror?: { code?: unknown } } } | undefined
    )?.error
    const refusal = response.status === 403 ? firewallRefusalNote(error?.innererror?.code) : ''
    const restError = new RestError(
      refusal +
        (error?.message ??
          `the service answered ${response.status} ${response.bodyAsText ?? ''}`.trim()),
      {
        statusCode: response.status,
        request,
        response,
        ...(error?.code ? { code: error.code } : {})
      }
    )
    restError.details = parsed
    throw restError
  }
}

/**
 * A 403 the HSM's network rules gave, not its local RBAC: no local role (Policy Administrator or
 * any other) lets the runner through, a network rule does. Key Vault's data plane names the cause
 * in the inner error (ForbiddenByFirewall, ForbiddenByConnection); the note, put first so that
 * the first line of the message carries it, names the fix.
 */
function firewallRefusalNote(innerCode: unknown): string {
  if (innerCode === 'ForbiddenByFirewall')
    return "the HSM's firewall refused the runner (add the runner's address to the HSM's networkAcls.ipRules, or run from a network it allows; no local role changes this): "
  if (innerCode === 'ForbiddenByConnection')
    return "the HSM's public network access is disabled (enable it with a firewall that allows the runner, or run from its private endpoint's network; no local role changes this): "
  return ''
}
