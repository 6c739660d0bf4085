import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generate } from 'selfsigned'

export const SIMULATOR_HOSTS = [
  'localhost',
  'management.localhost',
  'login.localhost',
  'graph.localhost',
  'ims.localhost',
  'platform.localhost',
  'github.localhost',
  'api.github.localhost',
  '*.vault.localhost',
  '*.managedhsm.localhost',
  // A host no simulated service owns: where hostile redirects and nextLinks point. It answers
  // 421 and every request to it is recorded, so a test sees what would have leaked.
  'foreign.localhost'
]

export interface SimulatorCertificates {
  caCert: string
  /** PEM file holding the CA certificate, for NODE_EXTRA_CA_CERTS. */
  caFile: string
  key: string
  cert: string
}

let cached: Promise<SimulatorCertificates> | undefined

/** A CA and a leaf for every simulator host, made once per process (generation is slow-ish). */
export function simulatorCertificates(): Promise<SimulatorCertificates> {
  cached ??= makeCertificates()
  return cached
}

async function makeCertificates(): Promise<SimulatorCertificates> {
  const notBeforeDate = new Date(Date.now() - 60 * 60 * 1000)
  const notAfterDate = new Date(Date.now() + 7 * 24 * 60 * 60 * 1000)
  const ca = await generate([{ name: 'commonName', value: 'AEP CMK Simulator Test CA' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true }
    ]
  })
  const leaf = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...SIMULATOR_HOSTS.map(value => ({ type: 2 as const, value })),
          { type: 7 as const, ip: '127.0.0.1' }
        ]
      }
    ]
  })
  const dir = mkdtempSync(join(tmpdir(), 'aep-cmk-sim-'))
  const caFile = join(dir, 'ca.pem')
  writeFileSync(caFile, ca.cert)
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }))
  return { caCert: ca.cert, caFile, key: leaf.private, cert: leaf.cert }
}
