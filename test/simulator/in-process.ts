import { createRequire } from 'node:module'
import tls from 'node:tls'
import { LOOPBACK_DNS_PRELOAD, type Simulator } from './server.js'

/**
 * Makes the current process reach the simulator the way a child given `sim.childEnv()` does:
 * *.localhost resolves to 127.0.0.1, TLS trusts the simulator's CA (for `https`, global `fetch`
 * and the Azure SDKs), and the AEP_CMK_* / ACTIONS_ID_TOKEN_* variables are set. For tests that
 * run product code in-process. The returned function undoes it, except the DNS patch (which
 * only affects *.localhost names).
 */
export function useSimulatorInProcess(sim: Simulator): () => void {
  createRequire(import.meta.url)(LOOPBACK_DNS_PRELOAD)

  const originalCreateSecureContext = tls.createSecureContext
  const trusted = [...tls.rootCertificates, sim.caCert]
  // NODE_EXTRA_CA_CERTS is read only at start-up, so the CA is added where contexts are made.
  tls.createSecureContext = (options?: tls.SecureContextOptions) =>
    originalCreateSecureContext(options?.ca ? options : { ...options, ca: trusted })

  const env = sim.childEnv()
  const saved: Record<string, string | undefined> = {}
  for (const [name, value] of Object.entries(env)) {
    if (name === 'NODE_OPTIONS' || name === 'NODE_EXTRA_CA_CERTS') continue
    saved[name] = process.env[name]
    process.env[name] = value
  }

  return () => {
    tls.createSecureContext = originalCreateSecureContext
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  }
}
