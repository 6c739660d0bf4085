import type { ActionInput } from './action-metadata.js'

/** Prefix of the environment variables that stand for inputs: AEP_CMK_KEY_VAULT_NAME. */
export const ENV_PREFIX = 'AEP_CMK_'

/** The environment variable that stands for an input: key-vault-name -> AEP_CMK_KEY_VAULT_NAME. */
export function envVarName(input: string): string {
  return ENV_PREFIX + input.toUpperCase().replace(/-/g, '_')
}

/** The variable @actions/core's getInput reads: key-vault-name -> INPUT_KEY-VAULT-NAME. */
export function inputVarName(input: string): string {
  return `INPUT_${input.replace(/ /g, '_').toUpperCase()}`
}

/**
 * The INPUT_* variables to set for the action, highest priority first: flags, then
 * AEP_CMK_<NAME> environment variables (empty ones count as unset). An input given neither way
 * is left out, so an INPUT_* variable already in the environment still applies.
 */
export function inputEnvironment(
  flags: Readonly<Record<string, string>>,
  env: Readonly<Record<string, string | undefined>>,
  inputs: readonly ActionInput[]
): Record<string, string> {
  const result: Record<string, string> = {}
  for (const input of inputs) {
    const fromFlag = Object.hasOwn(flags, input.name) ? flags[input.name] : undefined
    const fromEnv = env[envVarName(input.name)]
    if (fromFlag !== undefined) result[inputVarName(input.name)] = fromFlag
    else if (fromEnv) result[inputVarName(input.name)] = fromEnv
  }
  return result
}
