/**
 * Pure helpers for the aep-cmk command line (bin/aep-cmk.js): reading the inputs out of
 * action.yml, parsing arguments, mapping flags and environment variables to the INPUT_*
 * variables the action reads, parsing the runner's output file, formatting outputs and turning
 * workflow commands into plain log lines. No I/O here. Types: bin/cli-args.d.ts.
 */

/**
 * @typedef {{ name: string, description: string, required: boolean, default: string }} ActionInput
 * @typedef {{ name: string, description: string }} ActionOutput
 * @typedef {{ inputs: ActionInput[], outputs: ActionOutput[] }} ActionMetadata
 * @typedef {'json' | 'env'} OutputFormat
 * @typedef {{ kind: 'help' } | { kind: 'version' } | { kind: 'usage-error', message: string } |
 *   { kind: 'run', values: Record<string, string>, output: OutputFormat, summary: boolean,
 *     verbose: boolean }} CliCommand
 */

/** Prefix of the environment variables that stand for inputs: AEP_CMK_KEY_VAULT_NAME. */
export const ENV_PREFIX = 'AEP_CMK_'

/** Flags of the command line itself, besides one flag per action input. */
export const CLI_FLAGS = [
  { flag: '--output <json|env>', description: 'How to print the outputs on stdout.', def: 'json' },
  { flag: '--summary', description: 'Also print the job summary (Markdown) on stderr.', def: '' },
  { flag: '--verbose', description: 'Also print debug messages on stderr.', def: '' },
  { flag: '-h, --help', description: 'Print this help.', def: '' },
  { flag: '-V, --version', description: 'Print the version.', def: '' }
]

const OUTPUT_FORMATS = ['json', 'env']

/**
 * Reads the inputs and outputs sections of action.yml. A tiny line-based reader for that
 * file's simple shape (two-level maps of one-line scalars), so that the CLI needs no YAML
 * library at run time and its flags never drift from the action's inputs. Throws on anything
 * it does not understand inside those sections rather than guessing.
 * @param {string} text
 * @returns {ActionMetadata}
 */
export function readActionYaml(text) {
  /** @type {ActionInput[]} */
  const inputs = []
  /** @type {ActionOutput[]} */
  const outputs = []
  let section = ''
  /** @type {Record<string, string> | undefined} */
  let entry
  const lines = text.split(/\r?\n/)
  lines.forEach((line, index) => {
    if (/^\s*(#.*)?$/.test(line)) return
    const top = /^([A-Za-z0-9_-]+):(.*)$/.exec(line)
    if (top) {
      section = top[1]
      entry = undefined
      return
    }
    if (section !== 'inputs' && section !== 'outputs') return
    const name = /^ {2}([A-Za-z0-9_-]+):\s*$/.exec(line)
    if (name) {
      entry = { name: name[1] }
      if (section === 'inputs') {
        inputs.push(/** @type {ActionInput} */ (/** @type {unknown} */ (entry)))
      } else {
        outputs.push(/** @type {ActionOutput} */ (/** @type {unknown} */ (entry)))
      }
      return
    }
    const field = /^ {4}([A-Za-z0-9_-]+):\s*(.*)$/.exec(line)
    if (field && entry) {
      entry[field[1]] = yamlScalar(field[2], index + 1)
      return
    }
    throw new Error(`action.yml line ${index + 1}: cannot read ${JSON.stringify(line)}`)
  })
  return {
    inputs: inputs.map(i => {
      const raw = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (i))
      return {
        name: i.name,
        description: String(raw.description ?? ''),
        required: raw.required === 'true',
        default: String(raw.default ?? '')
      }
    }),
    outputs: outputs.map(o => ({ name: o.name, description: String(o.description ?? '') }))
  }
}

/**
 * One YAML flow scalar on one line: 'single' ('' escapes a quote), "double" or plain.
 * @param {string} raw
 * @param {number} lineNumber
 * @returns {string}
 */
function yamlScalar(raw, lineNumber) {
  const value = raw.trim()
  if (value.startsWith("'")) {
    const single = /^'((?:[^']|'')*)'\s*(#.*)?$/.exec(value)
    if (!single) throw new Error(`action.yml line ${lineNumber}: unterminated 'string'`)
    return single[1].replace(/''/g, "'")
  }
  if (value.startsWith('"')) {
    const double = /^("(?:[^"\\]|\\.)*")\s*(#.*)?$/.exec(value)
    if (!double) throw new Error(`action.yml line ${lineNumber}: unterminated "string"`)
    return /** @type {string} */ (JSON.parse(double[1]))
  }
  if (/^[|>]/.test(value)) {
    throw new Error(`action.yml line ${lineNumber}: block scalars are not supported`)
  }
  return value.replace(/\s+#.*$/, '')
}

/**
 * The environment variable that stands for an input: key-vault-name -> AEP_CMK_KEY_VAULT_NAME.
 * @param {string} input
 * @returns {string}
 */
export function envVarName(input) {
  return ENV_PREFIX + input.toUpperCase().replace(/-/g, '_')
}

/**
 * The variable @actions/core's getInput reads: key-vault-name -> INPUT_KEY-VAULT-NAME.
 * @param {string} input
 * @returns {string}
 */
export function inputVarName(input) {
  return `INPUT_${input.replace(/ /g, '_').toUpperCase()}`
}

/** @param {ActionInput} input */
function isBoolean(input) {
  return input.default === 'true' || input.default === 'false'
}

/**
 * Parses the command line. Every action input is a flag, `--name value` or `--name=value`;
 * boolean inputs (strict) also take a bare `--name` for true. `--help` wins over everything,
 * so that `aep-cmk --bad --help` still helps.
 * @param {string[]} argv the arguments after the script
 * @param {ActionInput[]} inputs
 * @returns {CliCommand}
 */
export function parseCliArgs(argv, inputs) {
  if (argv.includes('--help') || argv.includes('-h')) return { kind: 'help' }
  if (argv.includes('--version') || argv.includes('-V')) return { kind: 'version' }
  const byName = new Map(inputs.map(i => [i.name, i]))
  /** @type {Record<string, string>} */
  const values = {}
  /** @type {OutputFormat} */
  let output = 'json'
  let summary = false
  let verbose = false
  /** @param {string} message @returns {CliCommand} */
  const error = message => ({ kind: 'usage-error', message })

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const flag = /^--([^=]+)(?:=([\s\S]*))?$/.exec(arg)
    if (!flag) {
      if (arg.startsWith('-')) return error(`unknown flag ${arg}`)
      return error(`unexpected argument "${arg}": every input is a flag, e.g. --mode ${arg}`)
    }
    const [, name, inline] = flag
    const next = argv[i + 1]
    const hasNext = next !== undefined && !next.startsWith('--')
    /** @returns {string | undefined} */
    const takeValue = () => {
      if (inline !== undefined) return inline
      if (!hasNext) return undefined
      i++
      return next
    }

    if (name === 'summary' || name === 'verbose') {
      let on = true
      if (inline !== undefined) {
        if (inline !== 'true' && inline !== 'false') {
          return error(`--${name} takes no value (or =true / =false); got "${inline}"`)
        }
        on = inline === 'true'
      }
      if (name === 'summary') summary = on
      else verbose = on
      continue
    }
    if (name === 'output') {
      const value = takeValue()
      if (value === undefined || !OUTPUT_FORMATS.includes(value)) {
        return error(`--output must be one of ${OUTPUT_FORMATS.join(', ')}`)
      }
      output = /** @type {OutputFormat} */ (value)
      continue
    }
    const input = byName.get(name)
    if (!input) {
      const guess = suggestFlag(name, inputs)
      return error(`unknown flag --${name}${guess ? `; did you mean --${guess}?` : ''}`)
    }
    if (isBoolean(input) && inline === undefined && !(next === 'true' || next === 'false')) {
      values[name] = 'true'
      continue
    }
    const value = takeValue()
    if (value === undefined) {
      return error(`--${name} needs a value (use --${name}=<value> for values starting with --)`)
    }
    values[name] = value
  }
  return { kind: 'run', values, output, summary, verbose }
}

/**
 * The input a mistyped flag most likely meant: same name with underscores or other case, or
 * at most two edits away.
 * @param {string} name
 * @param {ActionInput[]} inputs
 * @returns {string | undefined}
 */
function suggestFlag(name, inputs) {
  const normal = name.toLowerCase().replace(/_/g, '-')
  let best
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

/**
 * @param {string} a
 * @param {string} b
 * @returns {number}
 */
function editDistance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
    }
    previous = current
  }
  return previous[b.length]
}

/**
 * The INPUT_* variables to set for the action, highest priority first: flags, then
 * AEP_CMK_<NAME> environment variables (empty ones count as unset). An input given neither way
 * is left out, so an INPUT_* variable already in the environment still applies.
 * @param {Record<string, string>} flags values from parseCliArgs
 * @param {Record<string, string | undefined>} env
 * @param {ActionInput[]} inputs
 * @returns {Record<string, string>}
 */
export function inputEnvironment(flags, env, inputs) {
  /** @type {Record<string, string>} */
  const result = {}
  for (const input of inputs) {
    const fromEnv = env[envVarName(input.name)]
    if (Object.hasOwn(flags, input.name)) result[inputVarName(input.name)] = flags[input.name]
    else if (fromEnv) result[inputVarName(input.name)] = fromEnv
  }
  return result
}

/**
 * Parses the runner's output file: `name=value` lines and `name<<delimiter` heredocs.
 * @param {string} text
 * @returns {Record<string, string>}
 */
export function parseOutputFile(text) {
  /** @type {Record<string, string>} */
  const outputs = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^<=]+)<<(.+)$/.exec(lines[i])
    if (heredoc) {
      const [, name, delimiter] = heredoc
      const value = []
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i])
      outputs[name] = value.join('\n')
      continue
    }
    const simple = /^([^=]+)=(.*)$/.exec(lines[i])
    if (simple) outputs[simple[1]] = simple[2]
  }
  return outputs
}

/**
 * Formats the outputs for stdout. json: one object keyed by the action's output names. env:
 * dotenv lines (GitLab artifacts:reports:dotenv), `config_name=value`: hyphens become
 * underscores because dotenv names allow only letters, digits and underscores; values are
 * unquoted, with line breaks turned into spaces. Not meant for `source`: values may hold `&`.
 * @param {Record<string, string>} outputs
 * @param {OutputFormat} format
 * @returns {string} text ending in a newline
 */
export function formatOutputs(outputs, format) {
  if (format === 'json') return JSON.stringify(outputs, null, 2) + '\n'
  return Object.entries(outputs)
    .map(([name, value]) => `${name.replace(/-/g, '_')}=${value.replace(/\r?\n/g, ' ')}\n`)
    .join('')
}

/**
 * @param {string} text
 * @returns {string}
 */
function unescapeCommandData(text) {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

/**
 * @param {string} text
 * @returns {string}
 */
function unescapeCommandProperty(text) {
  return unescapeCommandData(text).replace(/%3A/g, ':').replace(/%2C/g, ',')
}

/**
 * Turns one line the action wrote into what a terminal or a non-GitHub CI log should show.
 * Workflow commands become `error: <title>: message` and the like; `::add-mask::` lines are
 * dropped (they carry the secret itself), `::debug::` lines too unless verbose. Other lines are
 * returned unchanged. Returns undefined for a dropped line.
 * @param {string} line
 * @param {{ verbose: boolean }} options
 * @returns {string | undefined}
 */
export function plainLogLine(line, options) {
  const command = /^::([A-Za-z-]+)(?: ([^:]*))?::([\s\S]*)$/.exec(line)
  if (!command) return line
  const [, name, props = '', data] = command
  const message = unescapeCommandData(data)
  switch (name) {
    case 'add-mask':
    case 'endgroup':
    case 'echo':
    case 'save-state':
      return undefined
    case 'debug':
      return options.verbose ? `debug: ${message}` : undefined
    case 'group':
      return message
    case 'error':
    case 'warning':
    case 'notice': {
      /** @type {Record<string, string>} */
      const properties = {}
      for (const pair of props.split(',')) {
        const eq = pair.indexOf('=')
        if (eq > 0) properties[pair.slice(0, eq)] = unescapeCommandProperty(pair.slice(eq + 1))
      }
      const where = properties.file
        ? `${properties.file}${properties.line ? `:${properties.line}` : ''}: `
        : ''
      const title = properties.title ? `${properties.title}: ` : ''
      return `${name}: ${where}${title}${message}`
    }
    default:
      return line
  }
}

/**
 * @param {string} text
 * @param {number} width
 * @returns {string[]}
 */
function wrap(text, width) {
  const lines = []
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
 * @param {ActionMetadata} metadata
 * @param {string} version
 * @returns {string}
 */
export function renderHelp(metadata, version) {
  const indent = '      '
  const out = [
    `aep-cmk ${version}: set up and guard Adobe Experience Platform customer-managed keys`,
    'backed by an Azure Key Vault key, outside GitHub Actions (GitLab CI, Azure Pipelines, a',
    'terminal). Runs the same code as the GitHub Action.',
    '',
    'Usage: aep-cmk --key-vault-name <name> --key-name <name> [flags]',
    '',
    'Inputs (flag --name <value> or --name=<value>, or environment variable AEP_CMK_<NAME>;',
    'a flag wins over the variable, which wins over an INPUT_<NAME> variable):',
    ''
  ]
  for (const input of metadata.inputs) {
    const value = isBoolean(input) ? '[true|false]' : '<value>'
    out.push(`  --${input.name} ${value}   (${envVarName(input.name)})`)
    let description = input.description
    if (/secret|token/.test(input.name)) {
      description += ' Prefer the environment variable: flags show up in process lists.'
    }
    for (const line of wrap(description, 92)) out.push(indent + line)
    if (input.required) out.push(`${indent}Required.`)
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
    'Exit codes: 0 pass; 1 fail (a check failed, an input is invalid, or the run could not',
    'finish); 2 command-line usage error (nothing was contacted).',
    ''
  )
  return out.join('\n')
}
