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

export function platformHostForRegion(region: string): string {
  return region === 'va7' ? 'https://platform.adobe.io' : `https://platform-${region}.adobe.io`
}

export function resolveEndpoints(
  region: string,
  env: Record<string, string | undefined>,
  problems: string[]
): Endpoints {
  const pick = (name: keyof Endpoints, fallback: string): string => {
    const variable = ENDPOINT_ENV[name]
    const raw = env[variable]?.trim()
    if (!raw) return fallback
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
  return {
    arm: pick('arm', PUBLIC_ENDPOINTS.arm),
    authorityHost: pick(
      'authorityHost',
      env.AZURE_AUTHORITY_HOST?.trim() || PUBLIC_ENDPOINTS.authorityHost
    ),
    graph: pick('graph', PUBLIC_ENDPOINTS.graph),
    ims: pick('ims', PUBLIC_ENDPOINTS.ims),
    platform: pick('platform', platformHostForRegion(region))
  }
}
