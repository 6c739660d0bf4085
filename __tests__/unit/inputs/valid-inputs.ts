/** A complete, valid set of inputs; tests override single values. */
export const VALID_INPUTS: Record<string, string> = {
  mode: 'setup',
  'key-vault-name': 'kv-aep-prod',
  'key-name': 'aep-cmk',
  'azure-subscription-id': '11111111-2222-3333-4444-555555555555',
  'azure-auth': 'secret',
  'azure-tenant-id': '72f988bf-86f1-41af-91ab-2d7cd011db47',
  'azure-client-id': 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
  'azure-client-secret': 'azure-secret-value',
  'adobe-org-id': 'ABCDEF0123456789ABCDEF01@AdobeOrg',
  'adobe-client-id': 'adobe-client',
  'adobe-client-secret': 'adobe-secret-value'
}

export function reader(inputs: Record<string, string>): (name: string) => string {
  return name => (inputs[name] ?? '').trim()
}
