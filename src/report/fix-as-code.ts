import { CHECK_CATALOG } from '../checks/check-catalog.js'
import type { CodeForms, FixForms } from '../checks/check-definition.js'
import type { VaultType } from '../model/choices.js'
import { CHECK_IDS } from '../model/finding.js'
import { codeBlock } from './fix-markdown.js'

/** The run's names the code forms' placeholders stand for, when known. */
export interface CodeNames {
  vault?: string | undefined
  key?: string | undefined
}

/** Vault and key names as the inputs allow them: nothing else is put into code. */
const NAME = /^[A-Za-z0-9-]{1,127}$/

/** The forms a vault of this kind takes: a Managed HSM's own where the check has them. */
export function codeFormsFor(fix: FixForms, vaultType: VaultType | undefined): CodeForms {
  if (vaultType === 'managed-hsm' && fix.managedHsm) return fix.managedHsm
  return { terraform: fix.terraform, bicep: fix.bicep }
}

/**
 * A check's fix as Terraform and Bicep for this run, with the vault and key names filled in;
 * undefined when the check has neither (or a report of another version names an unknown check).
 */
export function fixAsCode(
  id: string,
  vaultType: VaultType | undefined,
  names: CodeNames
): CodeForms | undefined {
  if (!(CHECK_IDS as readonly string[]).includes(id)) return undefined
  const forms = codeFormsFor(CHECK_CATALOG[id as (typeof CHECK_IDS)[number]].fix, vaultType)
  if (forms.terraform === undefined && forms.bicep === undefined) return undefined
  const fill = (code: string | undefined) => (code === undefined ? undefined : named(code, names))
  return { terraform: fill(forms.terraform), bicep: fill(forms.bicep) }
}

/** "Terraform (azurerm) and Bicep", or the one form a fix has; plain text, for an HTML summary. */
export function codeFormsLabel(forms: CodeForms): string {
  const labels = [
    forms.terraform === undefined ? undefined : 'Terraform (azurerm)',
    forms.bicep === undefined ? undefined : 'Bicep'
  ].filter((label): label is string => label !== undefined)
  return labels.join(' and ')
}

/** Each form under its label, as fenced code blocks; `prefix` goes in front of the labels. */
export function codeFormsMarkdown(forms: CodeForms, prefix = ''): string {
  const parts: string[] = []
  if (forms.terraform !== undefined)
    parts.push(`**${prefix}Terraform (\`azurerm\`):**`, codeBlock(forms.terraform, 'hcl'))
  if (forms.bicep !== undefined) parts.push(`**${prefix}Bicep:**`, codeBlock(forms.bicep, 'bicep'))
  return parts.join('\n\n')
}

function named(code: string, names: CodeNames): string {
  let filled = code
  if (names.vault !== undefined && NAME.test(names.vault))
    filled = filled.replaceAll('<vault>', names.vault).replaceAll('<hsm>', names.vault)
  if (names.key !== undefined && NAME.test(names.key))
    filled = filled.replaceAll('<key>', names.key)
  return filled
}
