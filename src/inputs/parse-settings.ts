import { resolveEndpoints } from './endpoints.js'
import { parseTuning, READ_ALLOWANCE_SECONDS } from './tuning.js'
import { inputProblemsMessage } from './input-error.js'
import {
  MODES,
  PAYLOAD_FORMATS,
  REPAIRS,
  VAULT_TYPE_INPUTS,
  type Repair,
  type Mode
} from '../model/choices.js'
import { parseSummarizeSettings } from './parse-summarize-settings.js'
import { parseAdobeCredential } from './parse-adobe-credential.js'
import { parseAzureIdentity } from './parse-azure-identity.js'
import type { ActionSettings, Settings } from './settings.js'

/** Returns an input's value, trimmed; '' when it was not given. */
export type InputReader = (name: string) => string

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const VAULT_NAME = /^[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/
const KEY_NAME = /^[a-zA-Z0-9-]{1,127}$/
const RESOURCE_GROUP = /^[-\w.()\p{L}\p{N}]{1,90}$/u
const ORG_ID = /^[A-Za-z0-9]{1,64}@AdobeOrg$/
const REGION = /^[a-z]{2,6}[0-9]{1,2}$/
// Adobe configuration names go into a URL path: no separators or control characters.
const CONFIG_NAME = /^[^/?#%\\\p{Cc}]{1,255}$/u
/**
 * GitHub ends a job after 6 hours; the run's deadline is wait-timeout-seconds plus the read
 * allowance, so the wait may take no more than what the allowance leaves of them.
 */
export const MAX_WAIT_TIMEOUT_SECONDS = 6 * 3600 - READ_ALLOWANCE_SECONDS

/** Inputs that hold secrets: never echoed, and masked before anything else happens. */
export const SECRET_INPUTS = [
  'azure-client-secret',
  'adobe-client-secret',
  'adobe-access-token',
  'github-token'
]
/** Shorter values of secret inputs are refused, and never registered for masking. */
export const MIN_SECRET_LENGTH = 8
const BOOLEAN_TRUE = ['true', 'True', 'TRUE']
const BOOLEAN_FALSE = ['false', 'False', 'FALSE']

/**
 * What parsing the inputs gives: the settings, or every problem found. A failure still carries
 * the mode and report-file as given, so that the run can say which mode failed and write its
 * report where tooling expects it.
 */
export type ParsedSettings =
  | { ok: true; settings: ActionSettings }
  | {
      ok: false
      problems: string[]
      /** The problems as one message, for the job's error. */
      message: string
      mode: Mode
      /** The mode input as given when it was refused (e.g. "dry-run"), for the report. */
      refusedMode?: string | undefined
      reportFile: string | undefined
    }

/**
 * Reads every input, normalises it and checks every rule, collecting all problems so that one
 * run reports them all. Pure: the environment and the working directory are passed in.
 */
export function parseSettings(
  read: InputReader,
  env: Record<string, string | undefined>,
  cwd: string = process.cwd()
): ParsedSettings {
  if (read('mode').toLowerCase() === 'summarize') {
    const parsed = parseSummarizeSettings(read, env, cwd)
    if (parsed.ok) return parsed
    const shown = parsed.problems.map(p => hideSecrets(p, read))
    return {
      ok: false,
      problems: shown,
      message: inputProblemsMessage(shown),
      mode: 'summarize',
      reportFile: undefined
    }
  }
  const problems: string[] = []
  const notices: string[] = []

  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = read(name)
    if (raw === '') return fallback
    const value = raw.toLowerCase() as T
    if (allowed.includes(value)) return value
    problems.push(`${name}: must be one of ${allowed.join(', ')}; got "${raw}"`)
    return fallback
  }
  const matching = (name: string, pattern: RegExp, rule: string, required: boolean): string => {
    const value = read(name)
    if (value === '') {
      if (required) problems.push(`${name}: is required (${rule})`)
      return ''
    }
    if (!pattern.test(value)) problems.push(`${name}: must be ${rule}; got "${value}"`)
    return value
  }
  const integer = (
    name: string,
    fallback: number,
    min: number,
    max: number,
    why?: string
  ): number => {
    const raw = read(name)
    if (raw === '') return fallback
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      const reason = why ? ` (${why})` : ''
      problems.push(`${name}: must be a whole number from ${min} to ${max}${reason}; got "${raw}"`)
      return fallback
    }
    return Number(raw)
  }
  const boolean = (name: string, fallback: boolean): boolean => {
    const raw = read(name)
    if (raw === '') return fallback
    if (BOOLEAN_TRUE.includes(raw)) return true
    if (BOOLEAN_FALSE.includes(raw)) return false
    problems.push(`${name}: must be true or false; got "${raw}"`)
    return fallback
  }

  // summarize was handled above; what is left here reads the services for one vault and key.
  const mode = oneOf('mode', MODES, 'setup') as Settings['mode']
  const keyVaultName = matching(
    'key-vault-name',
    VAULT_NAME,
    '3-24 characters: letters, digits and hyphens, starting with a letter and ending with a letter or digit',
    true
  )
  if (keyVaultName.includes('--'))
    problems.push(`key-vault-name: must not contain "--"; got "${keyVaultName}"`)
  const keyName = matching(
    'key-name',
    KEY_NAME,
    '1-127 characters: letters, digits and hyphens',
    true
  )
  const subscriptionId = matching('azure-subscription-id', GUID, 'a GUID', true)
  const resourceGroup = matching(
    'azure-resource-group',
    RESOURCE_GROUP,
    '1-90 characters: letters, digits, underscores, periods, parentheses and hyphens, not ending in a period',
    false
  )
  if (resourceGroup.endsWith('.'))
    problems.push(`azure-resource-group: must not end with a period; got "${resourceGroup}"`)

  const azure = parseAzureIdentity(read, env, problems, notices, oneOf, matching)

  const adobeOrgId = matching(
    'adobe-org-id',
    ORG_ID,
    'an IMS organization id ending in @AdobeOrg',
    true
  )
  const adobe = parseAdobeCredential(read, problems)
  const adobeRegion = oneRegion(read('adobe-region').toLowerCase() || 'va7', problems)

  const configName = read('config-name') || `cmk-${keyVaultName}-${keyName}`
  if (!CONFIG_NAME.test(configName))
    problems.push(
      `config-name: must be 1-255 characters without / ? # % \\ or control characters; got "${configName}"`
    )
  else if (!survivesAsPathSegment(configName))
    problems.push(
      `config-name: must not be "." or ".." (or anything else a URL path would not keep as one segment); got "${configName}"`
    )

  const remediate = parseRemediate(read('remediate'), problems)
  if (remediate.size > 0 && mode !== 'setup')
    notices.push(
      `remediate: ignored in mode ${mode}, which never writes; only setup repairs (${[...remediate].join(', ')})`
    )
  for (const name of SECRET_INPUTS) {
    const value = read(name)
    // A secret that short is a mistake, and masking it would blank that text in every log line.
    if (value !== '' && value.length < MIN_SECRET_LENGTH)
      problems.push(
        `${name}: is too short to be a secret (at least ${MIN_SECRET_LENGTH} characters)`
      )
  }
  const openIssue = boolean('open-issue', false)
  const githubToken = read('github-token')
  if (openIssue && githubToken === '')
    problems.push(
      'github-token: is required when open-issue is true (the default is ${{ github.token }}; the job needs permissions: issues: write)'
    )

  const settings: Settings = {
    mode,
    keyVaultName,
    keyVaultType: oneOf('key-vault-type', VAULT_TYPE_INPUTS, 'auto'),
    keyName,
    subscriptionId: subscriptionId.toLowerCase(),
    resourceGroup: resourceGroup || undefined,
    azure,
    adobeOrgId,
    adobe,
    adobeRegion,
    configName,
    payloadFormat: oneOf('payload-format', PAYLOAD_FORMATS, 'current'),
    cmkAppObjectId: matching('cmk-app-object-id', GUID, 'a GUID', false).toLowerCase() || undefined,
    minKeySize: integer('min-key-size', 3072, 2048, 16384),
    minKeyValidityDays: integer('min-key-validity-days', 30, 0, 3650),
    requireHsm: boolean('require-hsm', false),
    remediate: mode === 'setup' ? remediate : new Set(),
    sarifFile: read('sarif-file') || undefined,
    trackingIssue: openIssue ? { githubToken } : undefined,
    strict: boolean('strict', false),
    waitTimeoutSeconds: integer(
      'wait-timeout-seconds',
      1800,
      0,
      MAX_WAIT_TIMEOUT_SECONDS,
      `the run may take it plus ${READ_ALLOWANCE_SECONDS} s, inside GitHub's 6-hour job limit`
    ),
    pollIntervalSeconds: integer('poll-interval-seconds', 10, 1, 60),
    reportFile: read('report-file') || undefined,
    endpoints: resolveEndpoints(adobeRegion, env, problems),
    tuning: parseTuning(env),
    notices
  }
  if (problems.length === 0) return { ok: true, settings }
  const shown = problems.map(p => hideSecrets(p, read))
  return {
    ok: false,
    problems: shown,
    message: inputProblemsMessage(shown),
    mode,
    refusedMode: MODES.some(m => m === read('mode').toLowerCase())
      ? undefined
      : read('mode') || undefined,
    reportFile: settings.reportFile
  }
}

/**
 * The status look-up puts the name into the URL path: a name that URL normalisation changes
 * (the dot segments "." and "..") would read another resource, the collection itself.
 */
function survivesAsPathSegment(name: string): boolean {
  const segment = encodeURIComponent(name)
  const base = 'https://host.invalid/config/'
  try {
    return new URL(base + segment).pathname === new URL(base).pathname + segment
  } catch {
    return false
  }
}

/**
 * Problems quote the values they reject; a secret pasted into the wrong input (a client secret
 * in azure-client-id) must not be quoted with them.
 */
function hideSecrets(problem: string, read: InputReader): string {
  const secrets = SECRET_INPUTS.map(name => read(name))
    .filter(value => value.length >= 6)
    .sort((a, b) => b.length - a.length)
  return secrets.reduce((text, secret) => text.split(secret).join('***'), problem)
}

function parseRemediate(raw: string, problems: string[]): ReadonlySet<Repair> {
  const items = raw
    .split(',')
    .map(item => item.trim().toLowerCase())
    .filter(item => item !== '')
  if (items.length === 0 || (items.length === 1 && items[0] === 'none')) return new Set()
  if (items.includes('all')) {
    if (items.length > 1) problems.push(`remediate: "all" already names every repair; got "${raw}"`)
    return new Set(REPAIRS)
  }
  const unknown = items.filter(item => !(REPAIRS as readonly string[]).includes(item))
  if (unknown.length > 0) {
    problems.push(
      `remediate: must be none, all, or a comma-separated list of ${REPAIRS.join(', ')}; got "${raw}"`
    )
    return new Set()
  }
  return new Set(items as Repair[])
}

function oneRegion(region: string, problems: string[]): string {
  if (REGION.test(region)) return region
  problems.push(
    `adobe-region: must be a Platform region code such as va7, nld2, aus5, can2 or gbr9; got "${region}"`
  )
  return 'va7'
}
