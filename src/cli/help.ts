import type { ActionMetadata } from './action-metadata.js'
import { CLI_FLAGS, isBooleanInput } from './cli-args.js'
import { EXIT_CODES } from './exit-codes.js'
import { envVarName } from '../host/cli-host.js'

function wrap(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else {
      line = line ? `${line} ${word}` : word
    }
  }
  if (line) lines.push(line)
  return lines
}

/**
 * The --help text: every action input as a flag with its environment variable, description,
 * and default, then the CLI's own flags and the exit codes.
 */
export function renderHelp(metadata: ActionMetadata, version: string): string {
  const indent = '      '
  const out = [
    `aep-cmk ${version}: set up and guard Adobe Experience Platform customer-managed keys`,
    'backed by an Azure Key Vault key, outside GitHub Actions (GitLab CI, Azure Pipelines, a',
    'terminal). Runs the same code as the GitHub Action.',
    '',
    'Usage: aep-cmk --key-vault-name <name> --key-name <name> --azure-subscription-id <guid>',
    '         --adobe-org-id <id@AdobeOrg>',
    '         (--adobe-client-id <id> --adobe-client-secret <secret> | --adobe-access-token <token>)',
    '         [--mode setup|validate|check] [flags]',
    '       aep-cmk summarize <report files or globs> [--json]   (one summary of many runs;',
    '         see aep-cmk summarize --help)',
    '',
    'Without --mode it runs setup, which WRITES: it registers the CMK app with Adobe and submits',
    'the configuration (and, with --remediate, changes Azure). Run --mode validate first: it',
    'writes nothing and says whether setup would succeed.',
    '',
    'Inputs (flag --name <value> or --name=<value>, or environment variable AEP_CMK_<NAME>;',
    'a flag wins over the variable, which wins over an INPUT_<NAME> variable):',
    ''
  ]
  for (const input of metadata.inputs) {
    const value = isBooleanInput(input) ? '[true|false]' : '<value>'
    out.push(`  --${input.name} ${value}   (${envVarName(input.name)})`)
    let description = input.description
    if (/secret|token/.test(input.name)) {
      description += ' Prefer the environment variable: flags show up in process lists.'
    }
    for (const line of wrap(description, 92)) out.push(indent + line)
    if (input.required) out.push(`${indent}Required.`)
    else if (input.default.includes('${{'))
      // A workflow expression means nothing outside GitHub Actions: there is no default here.
      out.push(`${indent}No default outside GitHub Actions.`)
    else if (input.default !== '') out.push(`${indent}Default: ${input.default}`)
  }
  out.push('', 'Command-line flags:', '')
  for (const f of CLI_FLAGS) {
    out.push(`  ${f.flag}`)
    for (const line of wrap(f.description, 92)) out.push(indent + line)
    if (f.def) out.push(`${indent}Default: ${f.def}`)
  }
  out.push(
    '',
    `Outputs (${metadata.outputs.map(o => o.name).join(', ')}) go to stdout as JSON, or with`,
    '--output env as dotenv lines (config_name=...). Logs, warnings and errors go to stderr.',
    '',
    `Exit codes: ${EXIT_CODES.pass} pass; ${EXIT_CODES.fail} fail (a check failed, or the run could not finish);`,
    `${EXIT_CODES.usage} usage error (an unknown flag or an invalid input value; nothing was contacted).`,
    ''
  )
  return out.join('\n')
}
