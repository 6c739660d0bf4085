import { randomUUID } from 'node:crypto'
import { json, type Answer, type SimContext, type SimRequest } from '../context.js'
import { audiences, nowSeconds, sameAudience } from '../tokens.js'

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'
const TOKEN_EXCHANGE_AUDIENCE = 'api://AzureADTokenExchange'

/** Entra ID (login.localhost): token endpoint, OIDC metadata, instance discovery. */
export function entra(req: SimRequest, ctx: SimContext): Answer {
  const segments = req.path.split('/').filter(Boolean)
  const tenant = segments[0] ?? ''
  const rest = segments.slice(1).join('/')

  if (req.method === 'GET' && tenant === 'common' && rest === 'discovery/instance') {
    return instanceDiscovery(ctx)
  }
  if (req.method === 'GET' && rest === 'v2.0/.well-known/openid-configuration') {
    if (!knownTenant(tenant, ctx)) return tenantNotFound(tenant)
    return json(200, openIdConfiguration(ctx, tenant))
  }
  if (req.method === 'POST' && rest === 'oauth2/v2.0/token') return token(req, ctx, tenant)
  return json(404, {
    error: 'not_found',
    error_description: `No route for ${req.method} ${req.path}`
  })
}

function knownTenant(tenant: string, ctx: SimContext): boolean {
  return tenant.toLowerCase() === ctx.state.tenantId.toLowerCase()
}

function openIdConfiguration(ctx: SimContext, tenant: string): Record<string, unknown> {
  const base = `${ctx.urls.authorityHost}/${tenant}`
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: [
      'client_secret_post',
      'private_key_jwt',
      'client_secret_basic'
    ],
    jwks_uri: `${ctx.urls.authorityHost}/${tenant}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${base}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${ctx.urls.graph}/oidc/userinfo`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nbf', 'tid', 'oid'],
    kerberos_endpoint: `${base}/kerberos`,
    tenant_region_scope: 'NA',
    cloud_instance_name: 'localhost',
    cloud_graph_host_name: 'graph.localhost',
    msgraph_host: 'graph.localhost'
  }
}

function instanceDiscovery(ctx: SimContext): Answer {
  const host = new URL(ctx.urls.authorityHost).host
  return json(200, {
    tenant_discovery_endpoint: `${ctx.urls.authorityHost}/${ctx.state.tenantId}/v2.0/.well-known/openid-configuration`,
    'api-version': '1.1',
    metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }]
  })
}

/** An answer shaped like Entra's, with its AADSTS code. */
function aadError(status: number, error: string, code: number, message: string): Answer {
  const traceId = randomUUID()
  const correlationId = randomUUID()
  const timestamp = new Date()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z')
  return json(status, {
    error,
    error_description: `AADSTS${code}: ${message}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
    error_codes: [code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `https://login.localhost/error?code=${code}`
  })
}

function tenantNotFound(tenant: string): Answer {
  return aadError(
    400,
    'invalid_request',
    90002,
    `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`
  )
}

function knownResources(ctx: SimContext): string[] {
  return [ctx.urls.arm, ctx.urls.graph, ctx.vaultResource, ctx.managedHsmResource]
}

/** The media type of the request body, without its parameters (`; charset=...`). */
function mediaType(req: SimRequest): string {
  return (req.headers['content-type'] ?? '').replace(/;.*$/s, '').trim().toLowerCase()
}

function token(req: SimRequest, ctx: SimContext, tenant: string): Answer {
  const { state } = ctx
  if (!knownTenant(tenant, ctx)) return tenantNotFound(tenant)
  // Entra reads the fields from a form body only: any other body (JSON, or a form sent without
  // its content type) is as good as none, so the first field it asks for is grant_type.
  const formEncoded = mediaType(req) === 'application/x-www-form-urlencoded'
  const form = new URLSearchParams(formEncoded ? req.body : '')

  const grantType = form.get('grant_type')
  if (!grantType) {
    return aadError(
      400,
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'grant_type'."
    )
  }
  if (grantType !== 'client_credentials') {
    return aadError(
      400,
      'unsupported_grant_type',
      70003,
      `The app requested an unsupported grant type '${grantType}'.`
    )
  }
  const clientId = form.get('client_id') ?? ''
  if (clientId !== state.azure.clientId) {
    return aadError(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`
    )
  }

  const assertion = form.get('client_assertion')
  // An empty client_secret counts as none at all.
  const secret = form.get('client_secret') || null
  if (assertion !== null) {
    if (form.get('client_assertion_type') !== JWT_BEARER) {
      return aadError(
        400,
        'invalid_request',
        50027,
        'client_assertion_type must be urn:ietf:params:oauth:client-assertion-type:jwt-bearer.'
      )
    }
    const refused = checkFederatedAssertion(assertion, ctx)
    if (refused) return refused
  } else if (secret !== null) {
    if (secret !== state.azure.clientSecret) {
      return aadError(
        401,
        'invalid_client',
        7000215,
        `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`
      )
    }
    if (state.azure.secretExpired) {
      return aadError(
        401,
        'invalid_client',
        7000222,
        `The provided client secret keys for app '${clientId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.`
      )
    }
  } else {
    return aadError(
      401,
      'invalid_client',
      7000218,
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'."
    )
  }

  if (state.azure.hasServicePrincipal === false) {
    return aadError(
      401,
      'invalid_client',
      7000229,
      `The client application ${clientId} is missing service principal in the tenant ${tenant}. See instructions here: https://go.microsoft.com/fwlink/?linkid=2225119`
    )
  }

  const scopes = (form.get('scope') ?? '').split(' ').filter(Boolean)
  const resourceScopes = scopes.filter(s => s.endsWith('/.default'))
  if (resourceScopes.length !== 1) {
    return aadError(
      400,
      'invalid_scope',
      1002012,
      `The provided value for scope ${scopes.join(' ')} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`
    )
  }
  const resource = (resourceScopes[0] as string).slice(0, -'/.default'.length).replace(/\/+$/, '')
  if (!knownResources(ctx).some(r => sameAudience(r, resource))) {
    return aadError(
      400,
      'invalid_resource',
      500011,
      `The resource principal named ${resource} was not found in the tenant named ${tenant}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`
    )
  }

  const iat = nowSeconds()
  const lifetime = state.azure.tokenLifetimeSeconds
  const accessToken = ctx.tokens.mint({
    aud: resource,
    iss: `https://sts.localhost/${state.tenantId}/`,
    iat,
    nbf: iat - 5,
    exp: iat + lifetime,
    appid: clientId,
    appidacr: assertion !== null ? '2' : '1',
    idp: `https://sts.localhost/${state.tenantId}/`,
    idtyp: 'app',
    oid: state.azure.objectId,
    sub: state.azure.objectId,
    tid: state.tenantId,
    ver: '1.0'
  })
  ctx.counters.entraTokens++
  return json(200, {
    token_type: 'Bearer',
    expires_in: lifetime,
    ext_expires_in: lifetime,
    access_token: accessToken
  })
}

/** Entra's checks of a GitHub ID token presented through a federated identity credential. */
function checkFederatedAssertion(assertion: string, ctx: SimContext): Answer | undefined {
  const { state } = ctx
  const checked = ctx.tokens.verify(assertion)
  if (!checked.ok) {
    if (checked.reason === 'expired' || checked.reason === 'not-yet-valid') {
      return aadError(
        400,
        'invalid_client',
        700024,
        'Client assertion is not within its valid time range. Ensure that the client assertion is not expired or used before its valid time.'
      )
    }
    return aadError(400, 'invalid_client', 50027, 'JWT token is invalid or malformed.')
  }
  const { claims } = checked
  if (claims.iss !== state.github.issuer) {
    return aadError(
      400,
      'invalid_client',
      700211,
      `No matching federated identity record found for presented assertion issuer '${String(claims.iss)}'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion.`
    )
  }
  if (!audiences(claims).includes(TOKEN_EXCHANGE_AUDIENCE)) {
    return aadError(
      400,
      'invalid_client',
      700212,
      `No matching federated identity record found for presented assertion audience '${audiences(claims).join(',')}'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion.`
    )
  }
  if (claims.sub !== state.azure.federatedSubject) {
    return aadError(
      400,
      'invalid_client',
      700213,
      `No matching federated identity record found for presented assertion subject '${String(claims.sub)}'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion.`
    )
  }
  return undefined
}
