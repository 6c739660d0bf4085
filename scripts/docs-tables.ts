/**
 * Writes what is never kept by hand: the README's Inputs and Outputs tables from action.yml,
 * between the `<!-- inputs:start -->`/`<!-- outputs:start -->` markers, and docs/checks.md from
 * the check catalog. `npm run docs` rewrites them; `npm run docs -- --check` fails when one is
 * stale. The README's markers sit inside `<!-- prettier-ignore-start/end -->`: prettier would pad
 * every row to the widest cell, so the tables stay exactly as written here.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { parse } from 'yaml'
import { renderChecksDoc } from './checks-doc.js'

interface ActionYaml {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>
  outputs: Record<string, { description: string }>
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}

/**
 * Inputs that action.yml must mark optional (a run can do without them) but that the examples
 * need: the Required column says when, in the contract's words.
 */
export const REQUIRED_WHEN: Readonly<Record<string, string>> = {
  'azure-tenant-id': 'for oidc/secret',
  'azure-client-id': 'for oidc/secret',
  'azure-client-secret': 'for secret',
  'adobe-client-id': 'one of the two ways',
  'adobe-client-secret': 'one of the two ways',
  'adobe-access-token': 'one of the two ways',
  reports: 'for summarize'
}

export function requiredCell(name: string, required: boolean | undefined): string {
  return required ? 'yes' : (REQUIRED_WHEN[name] ?? 'no')
}

export function inputsTable(action: ActionYaml): string {
  const rows = Object.entries(action.inputs).map(
    ([name, input]) =>
      `| \`${name}\` | ${requiredCell(name, input.required)} | ${input.default ? `\`${input.default}\`` : ''} | ${cell(input.description)} |`
  )
  return [
    '| Input | Required | Default | Description |',
    '| --- | --- | --- | --- |',
    ...rows
  ].join('\n')
}

export function outputsTable(action: ActionYaml): string {
  const rows = Object.entries(action.outputs).map(
    ([name, output]) => `| \`${name}\` | ${cell(output.description)} |`
  )
  return ['| Output | Description |', '| --- | --- |', ...rows].join('\n')
}

function replaceBetween(text: string, marker: string, table: string): string {
  const start = `<!-- ${marker}:start -->`
  const end = `<!-- ${marker}:end -->`
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from < 0 || to < from) throw new Error(`README.md has no ${start} ... ${end} block`)
  return `${text.slice(0, from + start.length)}\n\n${table}\n\n${text.slice(to)}`
}

export function renderReadme(readme: string, actionYaml: string): string {
  const action = parse(actionYaml) as ActionYaml
  return replaceBetween(
    replaceBetween(readme, 'inputs', inputsTable(action)),
    'outputs',
    outputsTable(action)
  )
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } })
  const readmePath = join(ROOT, 'README.md')
  const readme = readFileSync(readmePath, 'utf8')
  const checksPath = join(ROOT, 'docs', 'checks.md')
  const generated = [
    {
      path: readmePath,
      next: renderReadme(readme, readFileSync(join(ROOT, 'action.yml'), 'utf8')),
      stale: 'README.md tables differ from action.yml'
    },
    {
      path: checksPath,
      next: renderChecksDoc(),
      stale: 'docs/checks.md differs from the check catalog (src/checks/definitions)'
    }
  ]
  for (const { path, next, stale } of generated) {
    const current = readFileSync(path, 'utf8')
    if (!values.check) writeFileSync(path, next)
    else if (next !== current) {
      console.error(`${stale}: run npm run docs`)
      process.exitCode = 1
    }
  }
}
