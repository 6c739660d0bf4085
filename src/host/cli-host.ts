import { appendFileSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import { errorMessage } from '../safety/error-message.js'
import type { Host } from './host.js'
import { runnerContext } from './runner-context.js'
import { safeHost } from './safe-host.js'
import { workflowCommand } from './workflow-command.js'

/** Prefix of the environment variables that stand for inputs: AEP_CMK_KEY_VAULT_NAME. */
export const ENV_PREFIX = 'AEP_CMK_'

/** The environment variable that stands for an input: key-vault-name -> AEP_CMK_KEY_VAULT_NAME. */
export function envVarName(input: string): string {
  return ENV_PREFIX + input.toUpperCase().replace(/-/g, '_')
}

/** The variable a runner sets for an action's input: key-vault-name -> INPUT_KEY-VAULT-NAME. */
export function inputVarName(input: string): string {
  return `INPUT_${input.replace(/ /g, '_').toUpperCase()}`
}

export interface CliHostOptions {
  /** Input values given as flags, by input name. */
  flags: Readonly<Record<string, string>>
  env: Readonly<Record<string, string | undefined>>
  verbose: boolean
  /** Writes one diagnostic line (to stderr). */
  writeLine: (line: string) => void
}

/** What the command line prints once the run is over. */
export interface CliRecord {
  outputs: Record<string, string>
  summary: string
  /** The message the run failed with, when it failed. */
  failure?: string | undefined
}

/**
 * The command line's host: inputs from flags, then AEP_CMK_<NAME> variables (empty ones count
 * as unset), then INPUT_<NAME>; diagnostics as plain lines on stderr; outputs and the summary
 * kept for the command line to print. Under GitHub Actions it also appends the outputs and the
 * summary to the runner's files and writes masks and annotations as workflow commands on stderr
 * (the runner reads commands there too), so that stdout stays the result alone.
 */
export function cliHost(options: CliHostOptions): { host: Host; record: CliRecord } {
  const { flags, env, verbose, writeLine } = options
  const underActions = env.GITHUB_ACTIONS === 'true'
  const record: CliRecord = { outputs: {}, summary: '' }
  const input = (name: string): string => {
    if (Object.hasOwn(flags, name)) return (flags[name] ?? '').trim()
    return (env[envVarName(name)]?.trim() || env[inputVarName(name)]?.trim()) ?? ''
  }
  const host = safeHost({
    input,
    env,
    context: runnerContext(env),
    debug: text => {
      if (verbose) writeLine(`debug: ${text}`)
    },
    info: text => writeLine(text),
    warning: text => writeLine(`warning: ${text}`),
    error: text => writeLine(`error: ${text}`),
    annotate: (level, message, title) =>
      writeLine(
        underActions ? workflowCommand(level, { title }, message) : `${level}: ${title}: ${message}`
      ),
    group: async (name, work) => {
      writeLine(name)
      return work()
    },
    setOutput: (name, value) => {
      if (underActions && env.GITHUB_OUTPUT) {
        try {
          appendFileSync(env.GITHUB_OUTPUT, fileCommand(name, value))
        } catch (error) {
          throw new Error(
            `could not write the outputs to GITHUB_OUTPUT (${env.GITHUB_OUTPUT}): ${errorMessage(error)}`,
            { cause: error }
          )
        }
      }
      record.outputs[name] = value
    },
    writeSummary: markdown => {
      if (underActions && env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, markdown)
      record.summary += markdown
      return Promise.resolve()
    },
    mask: form => {
      if (underActions) writeLine(workflowCommand('add-mask', {}, form))
    },
    idToken: audience => requestIdToken(env, audience),
    fail: message => {
      record.failure = message
    }
  })
  return { host, record }
}

/** One output in the runner's file-command form, with a delimiter the value cannot contain. */
function fileCommand(name: string, value: string): string {
  const delimiter = `ghadelimiter_${randomUUID()}`
  return `${name}<<${delimiter}\n${value}\n${delimiter}\n`
}

/**
 * A GitHub OIDC ID token, the way GitHub documents it for any step: GET
 * `$ACTIONS_ID_TOKEN_REQUEST_URL&audience=…` with `$ACTIONS_ID_TOKEN_REQUEST_TOKEN`. Only inside
 * a GitHub Actions job with `permissions: id-token: write`.
 */
async function requestIdToken(
  env: Readonly<Record<string, string | undefined>>,
  audience: string
): Promise<string> {
  const url = env.ACTIONS_ID_TOKEN_REQUEST_URL
  const token = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
  if (!url || !token)
    throw new Error(
      'no GitHub ID token can be requested here: azure-auth oidc needs a GitHub Actions job with permissions: id-token: write'
    )
  const response = await fetch(`${url}&audience=${encodeURIComponent(audience)}`, {
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
    signal: AbortSignal.timeout(30_000)
  })
  const body = (await response.json().catch(() => undefined)) as { value?: unknown } | undefined
  if (!response.ok || typeof body?.value !== 'string')
    throw new Error(`the GitHub ID token request failed with HTTP ${response.status}`)
  return body.value
}
