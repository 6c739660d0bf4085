/**
 * Starts the simulator with the default scenario and prints the child environment as `export`
 * lines, for manual runs: `tsx test/simulator/serve.ts`, then paste the lines into a shell.
 */
import { startSimulator } from './index.js'

const sim = await startSimulator()
const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`
const { state } = sim
const env: Record<string, string> = {
  ...sim.childEnv(),
  INPUT_MODE: 'setup',
  'INPUT_KEY-VAULT-NAME': state.vault?.name ?? '',
  'INPUT_KEY-NAME': state.key?.name ?? '',
  'INPUT_AZURE-SUBSCRIPTION-ID': state.subscriptionId,
  'INPUT_AZURE-RESOURCE-GROUP': state.resourceGroup,
  'INPUT_AZURE-TENANT-ID': state.tenantId,
  'INPUT_AZURE-CLIENT-ID': state.azure.clientId,
  'INPUT_AZURE-AUTH': 'oidc',
  'INPUT_ADOBE-ORG-ID': state.adobe.orgId,
  'INPUT_ADOBE-CLIENT-ID': state.adobe.clientId,
  'INPUT_ADOBE-CLIENT-SECRET': state.adobe.clientSecret
}
console.log(`# AEP CMK simulator on 127.0.0.1:${sim.port}; Ctrl-C to stop`)
const shellName = /^[A-Za-z_][A-Za-z0-9_]*$/
const inputs: string[] = []
for (const [name, value] of Object.entries(env)) {
  if (shellName.test(name)) console.log(`export ${name}=${quote(value)}`)
  else inputs.push(quote(`${name}=${value}`))
}
// Input names keep their hyphens, which `export` refuses; `env` passes them.
console.log(`# then: env ${inputs.join(' ')} node dist/index.js`)

const stop = () => {
  void sim.close().then(() => process.exit(0))
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
