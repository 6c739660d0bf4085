/*
 * The resources the fixes' code forms are written in, so that each check only names what it
 * changes. Where the names come from:
 * - Terraform: hashicorp/terraform-provider-azurerm v5.2.0, website/docs/r/key_vault.html.markdown,
 *   key_vault_key, key_vault_managed_hardware_security_module(_key, _key_rotation_policy,
 *   _role_assignment) and role_assignment (arguments checked against the provider's schema in
 *   internal/services/keyvault and internal/services/managedhsm).
 * - Bicep: the template reference, learn.microsoft.com/azure/templates/microsoft.keyvault/vaults,
 *   vaults/keys, managedhsms and managedhsms/keys at API version 2025-05-01, and
 *   microsoft.authorization/roleassignments at 2022-04-01 (Bicep's RBAC scenario guide).
 */

/** Terraform: a resource with the given arguments, aligned as `terraform fmt` aligns them. */
export function terraformResource(
  type: string,
  arguments_: readonly string[],
  comments: readonly string[] = []
): string {
  return [
    ...comments.map(line => `# ${line}`),
    `resource "${type}" "cmk" {`,
    ...aligned(arguments_, ' =').map(line => `  ${line}`),
    '}'
  ].join('\n')
}

/** Bicep: a resource with the given top-level lines (e.g. `name`, `properties: {`). */
export function bicepResource(
  symbol: string,
  type: string,
  lines: readonly string[],
  comments: readonly string[] = []
): string {
  return [
    ...comments.map(line => `// ${line}`),
    `resource ${symbol} '${type}' = {`,
    ...lines.map(line => `  ${line}`),
    '}'
  ].join('\n')
}

/** Your vault's declaration, with the arguments a fix sets; its other arguments stay as they are. */
export function terraformVault(
  kind: 'vault' | 'managed-hsm',
  arguments_: readonly string[],
  comments: readonly string[] = []
): string {
  const [type, name] = kind === 'vault' ? [AZURERM_VAULT, '<vault>'] : [AZURERM_HSM, '<hsm>']
  return terraformResource(
    type,
    [`name = "${name}"`, '# ...its other arguments, as they are', ...arguments_],
    comments
  )
}

/** Your vault's declaration in Bicep, with the properties a fix sets. */
export function bicepVault(
  kind: 'vault' | 'managed-hsm',
  properties: readonly string[],
  comments: readonly string[] = []
): string {
  const [symbol, type, name] =
    kind === 'vault' ? ['vault', BICEP_VAULT, '<vault>'] : ['hsm', BICEP_HSM, '<hsm>']
  return bicepResource(
    symbol,
    type,
    [
      `name: '${name}'`,
      '// ...its other settings, as they are',
      'properties: {',
      ...properties.map(p => `  ${p}`),
      '}'
    ],
    comments
  )
}

export const AZURERM_VAULT = 'azurerm_key_vault'
export const AZURERM_HSM = 'azurerm_key_vault_managed_hardware_security_module'
export const BICEP_VAULT = 'Microsoft.KeyVault/vaults@2025-05-01'
export const BICEP_HSM = 'Microsoft.KeyVault/managedHSMs@2025-05-01'

/**
 * azurerm reads and writes keys through the vault's data plane (its DataPlaneKeyVaultClient), so
 * `terraform apply` is refused by the vault firewall and needs a data-plane role, like the az fix.
 */
export const TERRAFORM_DATA_PLANE = {
  vault: [
    'azurerm writes keys through the data plane: apply from an address the vault firewall',
    'allows, as an identity with Key Vault Crypto Officer.'
  ],
  'managed-hsm': [
    'azurerm writes keys through the data plane: apply from an address the HSM firewall',
    'allows, as an identity with the local role Managed HSM Crypto User.'
  ]
}

/**
 * ARM's key PUT (Keys - Create If Not Exist, what Bicep deploys) creates a key's first version
 * only and never updates an existing key; a template whose values differ from the key's fails
 * with KeyCreationParametersDidNotMatchExistingKey (Azure/bicep#8283, open).
 */
export const BICEP_EXISTING_KEY = [
  "Bicep cannot change an existing key (ARM's key PUT only creates a key's first version):",
  'make the change with the az command, then match it here, or the next deployment fails',
  'with KeyCreationParametersDidNotMatchExistingKey.'
]

/** The CMK key as azurerm declares it, with the arguments a fix sets. */
export function terraformKey(
  kind: 'vault' | 'managed-hsm',
  arguments_: readonly string[],
  comments: readonly string[] = []
): string {
  const [type, parent] =
    kind === 'vault'
      ? ['azurerm_key_vault_key', `key_vault_id = ${AZURERM_VAULT}.cmk.id`]
      : [`${AZURERM_HSM}_key`, `managed_hsm_id = ${AZURERM_HSM}.cmk.id`]
  return terraformResource(
    type,
    ['name = "<key>"', parent, ...arguments_],
    [...comments, ...TERRAFORM_DATA_PLANE[kind]]
  )
}

/** The CMK key as Bicep declares it (a child of the vault resource `vault`). */
export function bicepKey(
  kind: 'vault' | 'managed-hsm',
  properties: readonly string[],
  comments: readonly string[] = BICEP_EXISTING_KEY
): string {
  const type =
    kind === 'vault'
      ? 'Microsoft.KeyVault/vaults/keys@2025-05-01'
      : 'Microsoft.KeyVault/managedHSMs/keys@2025-05-01'
  const parent = kind === 'vault' ? 'vault' : 'hsm'
  return bicepResource(
    'key',
    type,
    [`parent: ${parent}`, "name: '<key>'", 'properties: {', ...properties.map(p => `  ${p}`), '}'],
    [...comments, parentNote(kind)]
  )
}

/** Pads the names of consecutive `name = value` lines at one depth to one width. */
function aligned(lines: readonly string[], separator: string): string[] {
  const out = [...lines]
  let start = 0
  while (start < out.length) {
    const indent = indentOf(out[start] ?? '')
    let end = start
    while (end < out.length && isAssignment(out[end] ?? '', separator, indent)) end++
    const names = out.slice(start, end).map(line => nameOf(line, separator))
    const width = Math.max(0, ...names.map(name => name.length))
    for (let i = start; i < end; i++) {
      const line = out[i] ?? ''
      const at = line.indexOf(separator)
      out[i] = `${indent}${nameOf(line, separator).padEnd(width)}${line.slice(at)}`
    }
    start = Math.max(end, start + 1)
  }
  return out
}

function nameOf(line: string, separator: string): string {
  return line.slice(0, line.indexOf(separator)).trim()
}

function indentOf(line: string): string {
  return /^\s*/.exec(line)?.[0] ?? ''
}

function isAssignment(line: string, separator: string, indent: string): boolean {
  return (
    indentOf(line) === indent &&
    /^\s*[a-z_]+\s*=/.test(line) &&
    line.includes(separator) &&
    !line.trimEnd().endsWith('{')
  )
}

/** An Azure role (built-in, by name and id) for a principal, on the vault or the Managed HSM. */
export interface AzureRole {
  name: string
  /** The built-in role definition's GUID. */
  id: string
  /** The placeholder the principal's object id goes in. */
  principal: string
  principalType?: 'ServicePrincipal'
}

/** azurerm v5.2.0 role_assignment.html.markdown: scope, role_definition_name, principal_id, principal_type. */
export function terraformRoleAssignment(
  kind: 'vault' | 'managed-hsm',
  role: AzureRole,
  comments: readonly string[] = []
): string {
  const scope = kind === 'vault' ? `${AZURERM_VAULT}.cmk.id` : `${AZURERM_HSM}.cmk.id`
  return terraformResource(
    'azurerm_role_assignment',
    [
      `scope = ${scope}`,
      `role_definition_name = "${role.name}"`,
      `principal_id = "${role.principal}"`,
      ...(role.principalType ? [`principal_type = "${role.principalType}"`] : [])
    ],
    comments
  )
}

/**
 * Bicep reference, Microsoft.Authorization/roleAssignments 2022-04-01: an extension resource with
 * `scope`, a GUID `name`, properties.roleDefinitionId, principalId and principalType.
 */
export function bicepRoleAssignment(
  kind: 'vault' | 'managed-hsm',
  role: AzureRole,
  comments: readonly string[] = []
): string {
  const scope = kind === 'vault' ? 'vault' : 'hsm'
  return bicepResource(
    'roleAssignment',
    'Microsoft.Authorization/roleAssignments@2022-04-01',
    [
      `name: guid(${scope}.id, '${role.principal}', '${role.id}')`,
      `scope: ${scope}`,
      'properties: {',
      `  roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '${role.id}') // ${role.name}`,
      `  principalId: '${role.principal}'`,
      ...(role.principalType ? [`  principalType: '${role.principalType}'`] : []),
      '}'
    ],
    [...comments, parentNote(kind)]
  )
}

/** Where the symbol a child or extension resource names comes from. */
export function parentNote(kind: 'vault' | 'managed-hsm'): string {
  return kind === 'vault'
    ? "vault: your Microsoft.KeyVault/vaults resource, or `resource vault '...' existing = { name: '<vault>' }`."
    : "hsm: your Microsoft.KeyVault/managedHSMs resource, or `resource hsm '...' existing = { name: '<hsm>' }`."
}

/** Reader (acdd72a7-…), what the action's identity needs to read the vault and key through ARM. */
export const READER_FOR_THE_ACTION: AzureRole = {
  name: 'Reader',
  id: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
  principal: '<object id of the identity the action runs as>'
}

/** The arguments of a new CMK key: RSA, wrapKey and unwrapKey, the default min-key-size. */
export function newKeyTerraform(kind: 'vault' | 'managed-hsm'): string[] {
  return [
    `key_type = "${kind === 'vault' ? 'RSA' : 'RSA-HSM'}"${kind === 'vault' ? ' # RSA-HSM in a premium vault' : ''}`,
    'key_size = 3072 # at least min-key-size',
    'key_opts = ["wrapKey", "unwrapKey"]'
  ]
}

export function newKeyBicep(kind: 'vault' | 'managed-hsm'): string[] {
  return [
    `kty: '${kind === 'vault' ? 'RSA' : 'RSA-HSM'}'${kind === 'vault' ? " // 'RSA-HSM' in a premium vault" : ''}`,
    'keySize: 3072 // at least min-key-size',
    'keyOps: [',
    "  'wrapKey'",
    "  'unwrapKey'",
    ']'
  ]
}
