// The values inputs choose between: shared by every floor, so they live on the ground floor.

export const MODES = ['setup', 'validate', 'check', 'summarize'] as const
export type Mode = (typeof MODES)[number]
/** The modes that read the services about one org, vault and key (summarize reads reports). */
export type TargetMode = Exclude<Mode, 'summarize'>

export const AZURE_AUTH_METHODS = ['auto', 'oidc', 'cli', 'secret', 'managed-identity'] as const
export type AzureAuthInput = (typeof AZURE_AUTH_METHODS)[number]
export type AzureAuth = Exclude<AzureAuthInput, 'auto'>

export const VAULT_TYPE_INPUTS = ['auto', 'vault', 'managed-hsm'] as const
export type VaultTypeInput = (typeof VAULT_TYPE_INPUTS)[number]
export type VaultType = Exclude<VaultTypeInput, 'auto'>

/** What `remediate` may let setup repair. */
export const REPAIRS = ['service-principal', 'role', 'adobe-ip'] as const
export type Repair = (typeof REPAIRS)[number]

export const PAYLOAD_FORMATS = ['current', 'legacy'] as const
export type PayloadFormat = (typeof PAYLOAD_FORMATS)[number]
