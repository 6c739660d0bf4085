import { errorMessage } from '../safety/error-message.js'
import { redact } from '../safety/secrets.js'
import { cliHost } from '../host/cli-host.js'
import type { Host } from '../host/host.js'
import type { ActionRun } from '../run/action-run.js'
import { parseCliArgs } from './cli-args.js'
import { EXIT_CODES } from './exit-codes.js'
import { renderHelp } from './help.js'
import { formatOutputs } from './output-format.js'
import type { PackageFiles } from './package-files.js'
import { runSummarizeCommand } from './summarize-command.js'

/**
 * How the command line ended: its exit code, and whether the run's deadline cancelled work that
 * may still be pending (then the caller exits at once rather than wait for it).
 */
export interface CliEnd {
  exitCode: number
  deadlineReached: boolean
}

/** Where the command line writes: stdout holds the result alone, stderr everything else. */
export interface CliStreams {
  stdout: (text: string) => Promise<void>
  stderr: (text: string) => Promise<void>
}

/** The action's run, loaded only once the flags are understood. */
export type LoadRun = () => Promise<(host: Host) => Promise<ActionRun>>

/**
 * aep-cmk: the action as a command line, for GitLab CI, Azure Pipelines or a terminal. Runs the
 * action with a host of its own (flags and AEP_CMK_<NAME> variables in, diagnostics on stderr)
 * and prints the run's outputs on stdout: JSON (or dotenv lines), so `aep-cmk ... | jq` works.
 * An input error prints no outputs. Everything printed has been handed on when it returns.
 */
export async function runCli(
  argv: readonly string[],
  files: PackageFiles,
  env: Readonly<Record<string, string | undefined>>,
  streams: CliStreams,
  loadRun: LoadRun
): Promise<CliEnd> {
  const { metadata, version } = files
  // A subcommand of its own, with its own arguments: the files to read, not one flag per input.
  if (argv[0] === 'summarize') return runSummarizeCommand(argv.slice(1), env, streams)
  const command = parseCliArgs(argv, metadata.inputs)
  switch (command.kind) {
    case 'usage-error':
      await streams.stderr(`aep-cmk: ${command.message}\nRun aep-cmk --help for every flag.\n`)
      return { exitCode: EXIT_CODES.usage, deadlineReached: false }
    case 'help':
      await streams.stdout(renderHelp(metadata, version))
      return { exitCode: EXIT_CODES.pass, deadlineReached: false }
    case 'version':
      await streams.stdout(`${version}\n`)
      return { exitCode: EXIT_CODES.pass, deadlineReached: false }
    case 'run':
      break
  }

  // Lines are written as they come; the last write below waits for all of them.
  const { host, record } = cliHost({
    flags: command.values,
    env,
    verbose: command.verbose,
    writeLine: line => void streams.stderr(`${line}\n`)
  })
  try {
    const run = await loadRun()
    const { result, passed, inputError, deadlineReached } = await run(host)
    if (inputError) {
      await streams.stderr(
        `aep-cmk: invalid input: ${redact(result.error ?? '')}\nRun aep-cmk --help for every flag.\n`
      )
      return { exitCode: EXIT_CODES.usage, deadlineReached: false }
    }
    await streams.stdout(formatOutputs(record.outputs, command.output))
    if (record.failure) await streams.stderr(`error: ${record.failure}\n`)
    await streams.stderr(command.summary ? redact(record.summary) : '')
    return { exitCode: passed ? EXIT_CODES.pass : EXIT_CODES.fail, deadlineReached }
  } catch (error) {
    await streams.stderr(`aep-cmk: the action could not run: ${redact(errorMessage(error))}\n`)
    return { exitCode: EXIT_CODES.fail, deadlineReached: false }
  }
}
