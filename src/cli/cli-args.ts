import { parseArgs } from 'node:util'
import { MODES } from '../model/choices.js'
import type { ActionInput } from './action-metadata.js'
import { OUTPUT_FORMATS, type OutputFormat } from './output-format.js'

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

/** Flags of the command line itself, besides one flag per action input. */
export const CLI_FLAGS = [
  { flag: '--output <json|env>', description: 'How to print the outputs on stdout.', def: 'json' },
  { flag: '--summary', description: 'Also print the job summary (Markdown) on stderr.', def: '' },
  { flag: '--verbose', description: 'Also print debug messages on stderr.', def: '' },
  { flag: '-h, --help', description: 'Print this help.', def: '' },
  { flag: '-V, --version', description: 'Print the version.', def: '' }
] as const

/** A boolean input: its flag alone means true (`--strict`), or takes true/false. */
export function isBooleanInput(input: ActionInput): boolean {
  return input.default === 'true' || input.default === 'false'
}

/**
 * Parses the command line with node:util parseArgs. Every action input is a flag, `--name value`
 * or `--name=value`; boolean inputs (strict) also take a bare `--name` for true. `--help` wins
 * over everything, so that `aep-cmk --bad --help` still helps; the last of a repeated flag wins.
 */
export function parseCliArgs(argv: readonly string[], inputs: readonly ActionInput[]): CliCommand {
  const byName = new Map(inputs.map(input => [input.name, input]))
  const { tokens } = parseArgs({
    args: [...argv],
    options: {
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'V' },
      summary: { type: 'boolean' },
      verbose: { type: 'boolean' },
      output: { type: 'string' },
      ...Object.fromEntries(
        inputs.map(input => [input.name, { type: isBooleanInput(input) ? 'boolean' : 'string' }])
      )
    } as const,
    strict: false,
    allowPositionals: true,
    tokens: true
  })
  if (tokens.some(t => t.kind === 'option' && t.name === 'help')) return { kind: 'help' }
  if (tokens.some(t => t.kind === 'option' && t.name === 'version')) return { kind: 'version' }

  const values: Record<string, string> = {}
  let output: OutputFormat = 'json'
  let summary = false
  let verbose = false
  const error = (message: string): CliCommand => ({ kind: 'usage-error', message })

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    if (token.kind === 'option-terminator') return error('unexpected argument "--"')
    if (token.kind === 'positional') return error(strayArgument(token.value))
    const next = tokens[i + 1]
    // A value that looks like a flag was most likely a forgotten value: `--key-name --mode x`.
    const value =
      token.value === undefined || (!token.inlineValue && token.value.startsWith('--'))
        ? undefined
        : token.value

    if (token.name === 'summary' || token.name === 'verbose') {
      if (value !== undefined && value !== 'true' && value !== 'false')
        return error(`--${token.name} takes no value (or =true / =false); got "${value}"`)
      const on = value !== 'false'
      if (token.name === 'summary') summary = on
      else verbose = on
      continue
    }
    if (token.name === 'output') {
      const format = OUTPUT_FORMATS.find(f => f === value)
      if (!format) return error(`--output must be one of ${OUTPUT_FORMATS.join(', ')}`)
      output = format
      continue
    }
    const input = byName.get(token.name)
    if (!input) {
      const guess = token.rawName.startsWith('--') ? suggestFlag(token.name, inputs) : undefined
      return error(`unknown flag ${token.rawName}${guess ? `; did you mean --${guess}?` : ''}`)
    }
    if (isBooleanInput(input)) {
      if (value !== undefined) values[input.name] = value
      else if (next?.kind === 'positional' && (next.value === 'true' || next.value === 'false')) {
        values[input.name] = next.value
        i++
      } else values[input.name] = 'true'
      continue
    }
    if (value === undefined)
      return error(
        `--${input.name} needs a value (use --${input.name}=<value> for values starting with --)`
      )
    values[input.name] = value
  }
  return { kind: 'run', values, output, summary, verbose }
}

/** A bare word: the mode given without its flag, or a value whose flag is missing. */
function strayArgument(value: string): string {
  const mode = MODES.find(m => m === value.toLowerCase())
  return mode
    ? `unexpected argument "${value}": every input is a flag; for the mode, --mode ${mode}`
    : `unexpected argument "${value}": every input is a flag, --<input> <value>; which flag does it belong to?`
}

/**
 * The input a mistyped flag most likely meant: same name with underscores or other case, or
 * at most two edits away.
 */
function suggestFlag(name: string, inputs: readonly ActionInput[]): string | undefined {
  const normal = name.toLowerCase().replace(/_/g, '-')
  let best: string | undefined
  let bestDistance = 3
  for (const input of inputs) {
    const distance = input.name === normal ? 0 : editDistance(normal, input.name)
    if (distance < bestDistance) {
      best = input.name
      bestDistance = distance
    }
  }
  return best
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost
      )
    }
    previous = current
  }
  return previous[b.length] ?? 0
}
