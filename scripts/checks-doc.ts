/** docs/checks.md, written from the check catalog by `npm run docs`. */
import { checkDefinitions } from '../src/checks/check-catalog.js'
import type { CheckDefinition, FixForms } from '../src/checks/check-definition.js'
import { codeFormsMarkdown } from '../src/report/fix-as-code.js'

const INTRO = `# Check reference

<!-- Written by npm run docs from src/checks/definitions: edit the definitions, not this file. -->

Every finding has one of these ids, in the job summary, the annotations (titled with the id), the
\`failed-checks\` output, the JSON report and the SARIF file. Each section says what the check looks at, why
Adobe cares, when it fails or warns, and the fix: the \`az\` command, then, where the change has one, the
Terraform (\`azurerm\`) and Bicep forms, so that a vault kept in code is fixed there instead of drifting from
it (and a Managed HSM's forms where they differ). The job summary and the annotations give the same fix
filled in with your vault, key, subscription and object ids; the summary folds the code forms under it.

A check whose facts are missing because another check failed is \`skipped\` (for example every \`vault.*\`
and \`key.*\` check when \`azure.sign-in\` or \`vault.found\` fails): it adds no annotation, never counts
under \`strict\`, and the summary says "N checks skipped because X failed". Fix the named check first.`

function ids(list: readonly string[]): string {
  return list.map(id => `\`${id}\``).join(', ')
}

function repairLine(check: CheckDefinition): string | undefined {
  const repair = check.repair
  if (!repair) return undefined
  const { vault, 'managed-hsm': hsm } = repair.permission
  const needs = vault === hsm ? vault : `${vault}; on a Managed HSM, ${hsm}`
  return `**Repair:** \`remediate: ${repair.item}\` in \`setup\`; the job's identity needs ${needs}.`
}

/** The fix in Terraform and Bicep, then a Managed HSM's where it differs. */
function asCode(fix: FixForms): string | undefined {
  const vault = codeFormsMarkdown({ terraform: fix.terraform, bicep: fix.bicep })
  const hsm = fix.managedHsm ? codeFormsMarkdown(fix.managedHsm, 'Managed HSM, ') : ''
  const parts = [vault, hsm].filter(part => part !== '')
  return parts.length === 0 ? undefined : parts.join('\n\n')
}

function section(check: CheckDefinition): string {
  const { docs, fix } = check
  const lines = [
    `## \`${check.id}\``,
    `**What it checks:** ${docs.checks}`,
    `**Why Adobe cares:** ${docs.why}`,
    check.needs.length > 0 ? `**Skipped until these pass:** ${ids(check.needs)}.` : undefined,
    `**Fails when:** ${docs.failsWhen}`,
    docs.warnsWhen === undefined ? undefined : `**Warns when:** ${docs.warnsWhen}`,
    `**Fix:** ${fix.az}`,
    asCode(fix),
    repairLine(check)
  ]
  return lines.filter(line => line !== undefined).join('\n\n')
}

export function renderChecksDoc(checks: readonly CheckDefinition[] = checkDefinitions()): string {
  return `${[INTRO, ...checks.map(section)].join('\n\n')}\n`
}
