import type { Agent } from 'node:http'
import { HttpsProxyAgent } from 'https-proxy-agent'
import { getProxyForUrl } from 'proxy-from-env'

const agents = new Map<string, Agent>()

/**
 * The agent that routes a request through HTTPS_PROXY / HTTP_PROXY unless NO_PROXY exempts its
 * host; undefined for a direct connection. node-fetch, unlike the Azure SDKs, does not do this.
 */
export function proxyAgentFor(url: string): Agent | undefined {
  const proxy = getProxyForUrl(url)
  if (!proxy) return undefined
  let agent = agents.get(proxy)
  if (!agent) {
    agent = new HttpsProxyAgent(proxy, { keepAlive: true })
    agents.set(proxy, agent)
  }
  return agent
}
