import { parseArgs } from 'node:util'
import { cliHost } from '../host/cli-host.js'
import { parseSettings } from '../inputs/parse-settings.js'
import { errorMessage } from '../safety/error-message.js'
import { redact } from '../safety/secrets.js'
import { EXIT_CODES } from './exit-codes.js'
import type { CliEnd, CliStreams } from './run-cli.js'

export const SUMMARIZE_HELP = `aep-cmk summarize: one summary over the JSON reports of many runs (a fleet of Adobe orgs).
Reads the files, signs in nowhere, calls no service.

Usage: aep-cmk summarize [--json] [--sarif-file <path>] [--verbose] <file or glob>...

  <file or glob>     JSON reports written with --report-file (or the action's report-file),
                     e.g. 'reports/**/*.json' (quoted: the command expands it, inside the
                     working directory, or GITHUB_WORKSPACE when set).
  --json             Print the fleet as JSON instead of the Markdown summary.
  --sarif-file <p>   Also write a SARIF file with one run per target (20 runs per file at most).
  --verbose          Also print debug messages on stderr.
  -h, --help         Print this help.

Prints the summary on stdout, failing targets first; the log on stderr.
Exit codes: ${EXIT_CODES.pass} every target passed and every report was used; ${EXIT_CODES.fail} a target failed, a report
could not be used, or nothing matched; ${EXIT_CODES.usage} usage error (no file named, a pattern outside the
working directory, an unknown flag).
`

type ParsedCommand =
  | { kind: 'help' }
  | { kind: 'usage-error'; message: string }
  | { kind: 'run'; patterns: string[]; json: boolean; sarifFile?: string; verbose: boolean }

function parseCommand(argv: readonly string[]): ParsedCommand {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        json: { type: 'boolean' },
        'sarif-file': { type: 'string' },
        verbose: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' }
      },
      allowPositionals: true,
      strict: true
    })
  } catch (error) {
    return { kind: 'usage-error', message: errorMessage(error) }
  }
  const { values, positionals } = parsed
  if (values.help) return { kind: 'help' }
  if (positionals.length === 0)
    return { kind: 'usage-error', message: 'name the reports to read, e.g. reports/*.json' }
  return {
    kind: 'run',
    patterns: positionals,
    json: values.json === true,
    ...(values['sarif-file'] ? { sarifFile: values['sarif-file'] } : {}),
    verbose: values.verbose === true
  }
}

/**
 * `aep-cmk summarize <files or globs>`: the action's `mode: summarize` on the command line, through
 * the same host and the same code. Prints the job summary (Markdown) or, with --json, the fleet as
 * JSON on stdout; exits 1 when the step would fail.
 */
export async function runSummarizeCommand(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  streams: CliStreams
): Promise<CliEnd> {
  const command = parseCommand(argv)
  const usage = async (message: string): Promise<CliEnd> => {
    await streams.stderr(`aep-cmk summarize: ${message}\nRun aep-cmk summarize --help for usage.\n`)
    return { exitCode: EXIT_CODES.usage, deadlineReached: false }
  }
  if (command.kind === 'usage-error') return usage(command.message)
  if (command.kind === 'help') {
    await streams.stdout(SUMMARIZE_HELP)
    return { exitCode: EXIT_CODES.pass, deadlineReached: false }
  }
  const { host, record } = cliHost({
    flags: {
      mode: 'summarize',
      // One pattern a line: what the action's input takes, so that both parse the same way.
      reports: command.patterns.join('\n'),
      ...(command.sarifFile ? { 'sarif-file': command.sarifFile } : {})
    },
    env,
    verbose: command.verbose,
    writeLine: line => void streams.stderr(`${line}\n`)
  })
  const parsed = parseSettings(name => host.input(name), env)
  if (!parsed.ok) return usage(`invalid input: ${parsed.message}`)
  if (parsed.settings.mode !== 'summarize') return usage('expected mode summarize')
  try {
    const [{ summarize }, { fleetJson }] = await Promise.all([
      import('../summarize/summarize-run.js'),
      import('../summarize/fleet-json.js')
    ])
    const { fleet, passed } = await summarize(parsed.settings, host)
    await streams.stdout(
      command.json ? redact(JSON.stringify(fleetJson(fleet), null, 2)) + '\n' : record.summary
    )
    if (record.failure) await streams.stderr(`error: ${record.failure}\n`)
    return { exitCode: passed ? EXIT_CODES.pass : EXIT_CODES.fail, deadlineReached: false }
  } catch (error) {
    await streams.stderr(`aep-cmk summarize: could not run: ${redact(errorMessage(error))}\n`)
    return { exitCode: EXIT_CODES.fail, deadlineReached: false }
  }
}
