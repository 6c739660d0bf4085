import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { renderChecksDoc } from '../../../scripts/checks-doc.js'
import { CHECK_CATALOG } from '../../../src/checks/check-catalog.js'
import { CHECK_IDS, type CheckId } from '../../../src/model/finding.js'

/** What each form must hold: the resource, then the attributes or properties that make the change. */
interface Pinned {
  terraform?: string[]
  bicep?: string[]
  /** A Managed HSM's own forms; absent: the Key Vault's apply (or the check never fails there). */
  hsm?: { terraform?: string[]; bicep?: string[] }
}

const KEY_TF = 'resource "azurerm_key_vault_key" "cmk"'
const HSM_KEY_TF = 'resource "azurerm_key_vault_managed_hardware_security_module_key" "cmk"'
const KEY_BICEP = "resource key 'Microsoft.KeyVault/vaults/keys@2025-05-01'"
const HSM_KEY_BICEP = "resource key 'Microsoft.KeyVault/managedHSMs/keys@2025-05-01'"
const VAULT_TF = 'resource "azurerm_key_vault" "cmk"'
const HSM_TF = 'resource "azurerm_key_vault_managed_hardware_security_module" "cmk"'
const VAULT_BICEP = "resource vault 'Microsoft.KeyVault/vaults@2025-05-01'"
const HSM_BICEP = "resource hsm 'Microsoft.KeyVault/managedHSMs@2025-05-01'"
const ROLE_TF = 'resource "azurerm_role_assignment" "cmk"'
const ROLE_BICEP = "resource roleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01'"
const READER = 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
const BICEP_CANNOT_UPDATE = 'KeyCreationParametersDidNotMatchExistingKey'
const TF_DATA_PLANE = 'Key Vault Crypto Officer'

/** Every check's code forms, pinned: names checked against azurerm v5.2.0 and the Bicep reference. */
const PINNED: Record<CheckId, Pinned | 'none'> = {
  'azure.sign-in': 'none',
  'adobe.sign-in': 'none',
  'vault.found': {
    terraform: [ROLE_TF, 'scope                = azurerm_key_vault.cmk.id', '"Reader"'],
    bicep: [ROLE_BICEP, 'scope: vault', READER],
    hsm: {
      terraform: [ROLE_TF, 'azurerm_key_vault_managed_hardware_security_module.cmk.id'],
      bicep: [ROLE_BICEP, 'scope: hsm', READER]
    }
  },
  'vault.soft-delete': {
    terraform: [VAULT_TF, 'purge_protection_enabled = true', 'no soft-delete argument'],
    bicep: [VAULT_BICEP, 'enableSoftDelete: true']
  },
  'vault.purge-protection': {
    terraform: [VAULT_TF, 'purge_protection_enabled = true'],
    bicep: [VAULT_BICEP, 'enablePurgeProtection: true'],
    hsm: {
      terraform: [HSM_TF, 'purge_protection_enabled = true', 'forces a new HSM'],
      bicep: [HSM_BICEP, 'enablePurgeProtection: true']
    }
  },
  'vault.rbac': {
    terraform: [VAULT_TF, 'rbac_authorization_enabled = true', 'enable_rbac_authorization'],
    bicep: [VAULT_BICEP, 'enableRbacAuthorization: true'],
    hsm: {}
  },
  'vault.network': {
    terraform: [VAULT_TF, 'network_acls {', 'bypass         = "AzureServices"'],
    bicep: [VAULT_BICEP, 'networkAcls: {', "bypass: 'AzureServices'"],
    hsm: {
      terraform: [HSM_TF, 'network_acls {', 'bypass         = "AzureServices"'],
      bicep: [HSM_BICEP, "bypass: 'AzureServices'"]
    }
  },
  'vault.adobe-ip': {
    terraform: [
      VAULT_TF,
      'public_network_access_enabled = true',
      'default_action = "Deny"',
      'ip_rules       = ["20.88.123.53"]'
    ],
    bicep: [VAULT_BICEP, "publicNetworkAccess: 'Enabled'", "{ value: '20.88.123.53' }"],
    hsm: {
      terraform: [HSM_TF, 'public_network_access_enabled = true', 'default_action = "Allow"'],
      bicep: [HSM_BICEP, "publicNetworkAccess: 'Enabled'", "{ value: '20.88.123.53' }"]
    }
  },
  'vault.audit-log': {
    terraform: [
      'resource "azurerm_monitor_diagnostic_setting" "cmk"',
      'target_resource_id         = azurerm_key_vault.cmk.id',
      'log_analytics_workspace_id = "<log analytics workspace id>"',
      'category_group = "audit"'
    ],
    bicep: [
      "resource auditLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview'",
      'scope: vault',
      "categoryGroup: 'audit'",
      'enabled: true'
    ],
    hsm: {
      terraform: [
        'target_resource_id         = azurerm_key_vault_managed_hardware_security_module.cmk.id',
        'category = "AuditEvent"'
      ],
      bicep: ['scope: hsm', "category: 'AuditEvent'"]
    }
  },
  'vault.delete-lock': {
    terraform: [
      'resource "azurerm_management_lock" "cmk"',
      'scope      = azurerm_key_vault.cmk.id',
      'lock_level = "CanNotDelete"'
    ],
    bicep: [
      "resource noDelete 'Microsoft.Authorization/locks@2020-05-01'",
      'scope: vault',
      "level: 'CanNotDelete'"
    ],
    hsm: {
      terraform: ['scope      = azurerm_key_vault_managed_hardware_security_module.cmk.id'],
      bicep: ['scope: hsm', "level: 'CanNotDelete'"]
    }
  },
  'key.found': {
    terraform: [KEY_TF, 'key_size     = 3072', 'key_opts     = ["wrapKey", "unwrapKey"]', ROLE_TF],
    bicep: [KEY_BICEP, 'keySize: 3072', "'wrapKey'", "'unwrapKey'", ROLE_BICEP],
    hsm: {
      terraform: [HSM_KEY_TF, 'key_type       = "RSA-HSM"', 'key_size       = 3072'],
      bicep: [HSM_KEY_BICEP, "kty: 'RSA-HSM'"]
    }
  },
  'key.enabled': {
    terraform: ['azurerm_key_vault_key has no enabled argument'],
    bicep: [KEY_BICEP, 'enabled: true', BICEP_CANNOT_UPDATE],
    hsm: {
      terraform: ['azurerm_key_vault_managed_hardware_security_module_key has no enabled argument'],
      bicep: [HSM_KEY_BICEP, 'enabled: true', BICEP_CANNOT_UPDATE]
    }
  },
  'key.type': {
    terraform: [KEY_TF, 'key_type     = "RSA-HSM"', 'key_type forces replacement', TF_DATA_PLANE],
    bicep: [KEY_BICEP, "kty: 'RSA-HSM'", BICEP_CANNOT_UPDATE],
    hsm: {
      terraform: [HSM_KEY_TF, 'key_type       = "RSA-HSM"', 'Managed HSM Crypto User'],
      bicep: [HSM_KEY_BICEP, "kty: 'RSA-HSM'"]
    }
  },
  'key.size': {
    terraform: [KEY_TF, 'key_size     = 3072', 'key_size forces replacement', TF_DATA_PLANE],
    bicep: [KEY_BICEP, 'keySize: 3072', BICEP_CANNOT_UPDATE],
    hsm: {
      terraform: [HSM_KEY_TF, 'key_size       = 3072'],
      bicep: [HSM_KEY_BICEP, 'keySize: 3072']
    }
  },
  'key.operations': {
    terraform: [KEY_TF, 'key_opts     = ["wrapKey", "unwrapKey"]', TF_DATA_PLANE],
    bicep: [KEY_BICEP, 'keyOps: [', "'wrapKey'", "'unwrapKey'", BICEP_CANNOT_UPDATE],
    hsm: {
      terraform: [HSM_KEY_TF, 'key_opts       = ["wrapKey", "unwrapKey"]'],
      bicep: [HSM_KEY_BICEP, 'keyOps: [']
    }
  },
  'key.active': {
    terraform: [KEY_TF, 'not_before_date = "', 'expiration_date = "'],
    bicep: [KEY_BICEP, "nbf: dateTimeToEpoch('", "exp: dateTimeToEpoch('"],
    hsm: {
      terraform: [HSM_KEY_TF, 'not_before_date = "', 'expiration_date = "'],
      bicep: [HSM_KEY_BICEP, "exp: dateTimeToEpoch('"]
    }
  },
  'key.expiry': {
    terraform: [KEY_TF, 'expiration_date = "'],
    bicep: [KEY_BICEP, "exp: dateTimeToEpoch('"],
    hsm: {
      terraform: [HSM_KEY_TF, 'expiration_date = "'],
      bicep: [HSM_KEY_BICEP, "exp: dateTimeToEpoch('"]
    }
  },
  'key.rotation': {
    terraform: [
      KEY_TF,
      'rotation_policy {',
      'automatic {',
      'time_before_expiry = "P60D"',
      'expire_after         = "P1Y"',
      'notify_before_expiry = "P30D"'
    ],
    bicep: [
      KEY_BICEP,
      'rotationPolicy: {',
      "expiryTime: 'P1Y'",
      "action: { type: 'rotate' }",
      "trigger: { timeBeforeExpiry: 'P60D' }"
    ],
    hsm: {
      terraform: [
        'resource "azurerm_key_vault_managed_hardware_security_module_key_rotation_policy" "cmk"',
        'managed_hsm_key_id = azurerm_key_vault_managed_hardware_security_module_key.cmk.id',
        'time_before_expiry = "P60D"',
        'expire_after       = "P1Y"'
      ],
      bicep: [HSM_KEY_BICEP, 'rotationPolicy: {']
    }
  },
  'app.registered': 'none',
  'app.consented': 'none',
  'app.role': {
    terraform: [
      ROLE_TF,
      'role_definition_name = "Key Vault Crypto Service Encryption User"',
      'principal_type       = "ServicePrincipal"'
    ],
    bicep: [
      ROLE_BICEP,
      "'e147488a-f6f5-4113-8e2d-b22465e65bf6') // Key Vault Crypto Service Encryption User",
      "principalType: 'ServicePrincipal'"
    ],
    hsm: {
      terraform: [
        'resource "azurerm_key_vault_managed_hardware_security_module_role_assignment" "cmk"',
        'scope              = "/keys/<key>"',
        'roleDefinitions/33413926-3206-4cdd-b39a-83574fe37a17"'
      ]
    }
  },
  'config.status': 'none',
  'config.key': 'none'
}

/** The code of a line, without its comment; quotes of the language's strings are kept. */
function withoutComment(line: string, comment: string, quote: string): string {
  let inString = false
  for (let i = 0; i < line.length; i++) {
    if (line[i] === quote) inString = !inString
    else if (!inString && line.startsWith(comment, i)) return line.slice(0, i)
  }
  return line
}

/** Quotes and braces balance on every line and in all: no apostrophe ends a string early. */
function expectWellFormed(code: string, comment: string, quote: string): void {
  const lines = code.split('\n').map(line => withoutComment(line, comment, quote))
  for (const line of lines) expect([line, line.split(quote).length % 2]).toEqual([line, 1])
  const all = lines.join('\n')
  expect((all.match(/[{[]/g) ?? []).length).toBe((all.match(/[}\]]/g) ?? []).length)
}

describe('fixes as code, from the catalog', () => {
  it.each(CHECK_IDS.map(id => [id]))('%s has the pinned Terraform and Bicep forms', id => {
    const fix = CHECK_CATALOG[id].fix
    const pinned = PINNED[id]
    expect(fix.az.length).toBeGreaterThan(10)
    if (pinned === 'none') {
      expect([fix.terraform, fix.bicep, fix.managedHsm]).toEqual([undefined, undefined, undefined])
      return
    }
    const forms = [
      [fix.terraform, pinned.terraform],
      [fix.bicep, pinned.bicep],
      [fix.managedHsm?.terraform, pinned.hsm?.terraform],
      [fix.managedHsm?.bicep, pinned.hsm?.bicep]
    ] as const
    for (const [code, wanted] of forms) {
      expect(code === undefined).toBe(wanted === undefined)
      for (const text of wanted ?? []) expect(code).toContain(text)
    }
    expect(fix.managedHsm === undefined).toBe(pinned.hsm === undefined)
  })

  it('writes code that parses as far as quotes and brackets go', () => {
    for (const id of CHECK_IDS) {
      const { terraform, bicep, managedHsm } = CHECK_CATALOG[id].fix
      for (const code of [terraform, managedHsm?.terraform])
        if (code) expectWellFormed(code, '#', '"')
      for (const code of [bicep, managedHsm?.bicep]) if (code) expectWellFormed(code, '//', "'")
    }
  })

  it('never names the azurerm argument 5.0 removed, nor a Bicep property outside the reference', () => {
    for (const id of CHECK_IDS) {
      const { terraform, bicep } = CHECK_CATALOG[id].fix
      const code = (terraform ?? '').split('\n').filter(line => !line.trim().startsWith('#'))
      expect(code.join('\n')).not.toMatch(/enable_rbac_authorization|soft_delete_enabled/)
      expect(bicep ?? '').not.toMatch(/enableRbac(?!Authorization)|purgeProtection:/)
    }
  })
})

describe('docs/checks.md', () => {
  const doc = readFileSync(join('docs', 'checks.md'), 'utf8')
  const section = (id: string) => doc.slice(doc.indexOf(`## \`${id}\``)).split(/\n## /)[0] ?? ''

  it('is written from the catalog', () => {
    expect(doc).toBe(renderChecksDoc())
  })

  it("gives the az fix, then Terraform and Bicep as code blocks, then a Managed HSM's own", () => {
    const text = section('vault.purge-protection')
    const order = [
      '**Fix:** `az keyvault update --subscription <sub> --name <vault> --enable-purge-protection true`',
      '**Terraform (`azurerm`):**\n\n```hcl\nresource "azurerm_key_vault" "cmk" {',
      'purge_protection_enabled = true',
      "**Bicep:**\n\n```bicep\nresource vault 'Microsoft.KeyVault/vaults@2025-05-01'",
      '**Managed HSM, Terraform (`azurerm`):**\n\n```hcl\n',
      '**Managed HSM, Bicep:**\n\n```bicep\n'
    ]
    const positions = order.map(part => text.indexOf(part))
    expect(positions.every(p => p > 0)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
    expect(section('config.key')).not.toContain('Terraform')
  })
})
