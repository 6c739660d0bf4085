import type { Endpoints } from './settings.js'

export const PUBLIC_ENDPOINTS = {
  arm: 'https://management.azure.com',
  authorityHost: 'https://login.microsoftonline.com',
  graph: 'https://graph.microsoft.com',
  ims: 'https://ims-na1.adobelogin.com'
} as const

/** Environment variables that override a service's base URL (sovereign clouds, the simulator). */
export const ENDPOINT_ENV = {
  arm: 'AEP_CMK_ARM_ENDPOINT',
  authorityHost: 'AEP_CMK_AUTHORITY_HOST',
  graph: 'AEP_CMK_GRAPH_ENDPOINT',
  ims: 'AEP_CMK_IMS_ENDPOINT',
  platform: 'AEP_CMK_PLATFORM_ENDPOINT'
} as const

/** The Azure SDKs' own authority override, used when AEP_CMK_AUTHORITY_HOST is not set. */
export const AZURE_AUTHORITY_HOST_ENV = 'AZURE_AUTHORITY_HOST'

export function platformHostForRegion(region: string): string {
  return region === 'va7' ? 'https://platform.adobe.io' : `https://platform-${region}.adobe.io`
}

/**
 * Endpoints from the environment, each an https URL or the public default. The authority host
 * comes from AEP_CMK_AUTHORITY_HOST, else from the Azure SDKs' AZURE_AUTHORITY_HOST; the first of
 * the two that is set is validated like every override, and a problem names that variable.
 */
export function resolveEndpoints(
  region: string,
  env: Record<string, string | undefined>,
  problems: string[]
): Endpoints {
  const fromEnv = (variables: readonly string[], fallback: string): string => {
    const variable = variables.find(name => env[name]?.trim())
    const raw = variable ? env[variable]?.trim() : undefined
    if (!variable || !raw) return fallback
    let url: URL
    try {
      url = new URL(raw)
    } catch {
      problems.push(`${variable}: must be an https URL, got "${raw}"`)
      return fallback
    }
    if (url.protocol !== 'https:') {
      problems.push(`${variable}: must be an https URL, got "${raw}"`)
      return fallback
    }
    return url.origin + url.pathname.replace(/\/+$/, '')
  }
  const pick = (name: keyof Endpoints, fallback: string): string =>
    fromEnv([ENDPOINT_ENV[name]], fallback)
  return {
    arm: pick('arm', PUBLIC_ENDPOINTS.arm),
    authorityHost: fromEnv(
      [ENDPOINT_ENV.authorityHost, AZURE_AUTHORITY_HOST_ENV],
      PUBLIC_ENDPOINTS.authorityHost
    ),
    graph: pick('graph', PUBLIC_ENDPOINTS.graph),
    ims: pick('ims', PUBLIC_ENDPOINTS.ims),
    platform: pick('platform', platformHostForRegion(region))
  }
}
