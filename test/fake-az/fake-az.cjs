/* global fetch, URLSearchParams */
// Plays `az account get-access-token --output json --resource <r> [--tenant <t>]` the way
// @azure/identity's AzureCliCredential calls it, after an `az login` with a service principal:
// it asks the simulator's Entra token endpoint with the client credentials in FAKE_AZ_* and
// prints what the real CLI prints. Anything else fails like a CLI that is not logged in.
const args = process.argv.slice(2)
const flag = name => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}

async function main() {
  if (args[0] !== 'account' || args[1] !== 'get-access-token') {
    process.stderr.write(`ERROR: fake az does not implement: ${args.join(' ')}\n`)
    return 2
  }
  const env = process.env
  if (!env.FAKE_AZ_CLIENT_ID) {
    process.stderr.write("ERROR: Please run 'az login' to setup account.\n")
    return 1
  }
  const resource = flag('--resource') ?? flag('--scope')?.replace(/\/\.default$/, '')
  const tenant = flag('--tenant') ?? env.FAKE_AZ_TENANT_ID
  const response = await fetch(`${env.AEP_CMK_AUTHORITY_HOST}/${tenant}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: env.FAKE_AZ_CLIENT_ID,
      client_secret: env.FAKE_AZ_CLIENT_SECRET ?? '',
      scope: `${resource}/.default`
    })
  })
  const body = await response.json()
  if (!response.ok) {
    process.stderr.write(`ERROR: AADSTS: ${body.error_description ?? body.error}\n`)
    return 1
  }
  const expiresOn = Math.floor(Date.now() / 1000) + Number(body.expires_in)
  process.stdout.write(
    JSON.stringify({
      accessToken: body.access_token,
      expiresOn: new Date(expiresOn * 1000).toISOString().replace('T', ' ').slice(0, 19),
      expires_on: expiresOn,
      subscription: env.FAKE_AZ_SUBSCRIPTION_ID ?? '',
      tenant,
      tokenType: 'Bearer'
    }) + '\n'
  )
  return 0
}

main().then(
  code => process.exit(code),
  error => {
    process.stderr.write(`ERROR: ${error.message}\n`)
    process.exit(1)
  }
)
