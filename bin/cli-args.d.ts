// Types for bin/cli-args.js (plain JavaScript, no build step), for the TypeScript tests.

export interface ActionInput {
  name: string
  description: string
  required: boolean
  default: string
}

export interface ActionOutput {
  name: string
  description: string
}

export interface ActionMetadata {
  inputs: ActionInput[]
  outputs: ActionOutput[]
}

export type OutputFormat = 'json' | 'env'

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'usage-error'; message: string }
  | {
      kind: 'run'
      values: Record<string, string>
      output: OutputFormat
      summary: boolean
      verbose: boolean
    }

export declare const ENV_PREFIX: string
export declare const CLI_FLAGS: { flag: string; description: string; def: string }[]
export declare function readActionYaml(text: string): ActionMetadata
export declare function envVarName(input: string): string
export declare function inputVarName(input: string): string
export declare function parseCliArgs(argv: string[], inputs: ActionInput[]): CliCommand
export declare function inputEnvironment(
  flags: Record<string, string>,
  env: Record<string, string | undefined>,
  inputs: ActionInput[]
): Record<string, string>
export declare function parseOutputFile(text: string): Record<string, string>
export declare function formatOutputs(outputs: Record<string, string>, format: OutputFormat): string
export declare function plainLogLine(
  line: string,
  options: { verbose: boolean }
): string | undefined
export declare function renderHelp(metadata: ActionMetadata, version: string): string
