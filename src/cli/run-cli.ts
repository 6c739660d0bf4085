import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { errorMessage } from '../safety/error-message.js'
import { parseCliArgs } from './cli-args.js'
import { EXIT_CODES } from './exit-codes.js'
import { renderHelp } from './help.js'
import { inputEnvironment } from './input-environment.js'
import { formatOutputs } from './output-format.js'
import type { PackageFiles } from './package-files.js'
import { plainLogLine } from './plain-log-line.js'
import { redirectStdout } from './redirect-stdout.js'

/**
 * How the command line ended: its exit code, and whether the run's deadline cancelled work that
 * may still be pending (then the caller exits at once rather than wait for it).
 */
export interface CliEnd {
  exitCode: number
  deadlineReached: boolean
}

/**
 * aep-cmk: the action as a command line, for GitLab CI, Azure Pipelines or a terminal. Maps
 * flags and AEP_CMK_<NAME> variables to the INPUT_<NAME> variables the action reads, runs the
 * action in this process and prints its outputs from the run's result: JSON (or dotenv lines) on
 * stdout, so `aep-cmk ... | jq` works, and the logs on stderr. Everything printed has been
 * handed on to stdout and stderr when it returns.
 */
export async function runCli(argv: readonly string[], files: PackageFiles): Promise<CliEnd> {
  const { metadata, version } = files
  const command = parseCliArgs(argv, metadata.inputs)
  switch (command.kind) {
    case 'usage-error':
      process.stderr.write(`aep-cmk: ${command.message}\nRun aep-cmk --help for every flag.\n`)
      return { exitCode: EXIT_CODES.usage, deadlineReached: false }
    case 'help':
      process.stdout.write(renderHelp(metadata, version))
      return { exitCode: EXIT_CODES.pass, deadlineReached: false }
    case 'version':
      process.stdout.write(`${version}\n`)
      return { exitCode: EXIT_CODES.pass, deadlineReached: false }
    case 'run':
      break
  }

  Object.assign(process.env, inputEnvironment(command.values, process.env, metadata.inputs))
  let tempDir: string | undefined
  // Outside a runner the action still needs the files it writes its outputs and summary to.
  for (const [variable, name] of [
    ['GITHUB_OUTPUT', 'output'],
    ['GITHUB_STEP_SUMMARY', 'summary.md']
  ] as const) {
    if (process.env[variable]) continue
    tempDir ??= mkdtempSync(join(tmpdir(), 'aep-cmk-'))
    process.env[variable] = join(tempDir, name)
    writeFileSync(process.env[variable], '')
  }
  // Under GitHub Actions the runner reads workflow commands on stderr too: pass them unchanged.
  const underActions = process.env.GITHUB_ACTIONS === 'true'
  const writeStdout = redirectStdout(line =>
    underActions ? line : plainLogLine(line, { verbose: command.verbose })
  )
  try {
    const [{ run }, { renderSummary }, { redact }] = await Promise.all([
      import('../main.js'),
      import('../report/summary.js'),
      import('../safety/secrets.js')
    ])
    const { result, outputs, inputError, deadlineReached } = await run()
    await writeStdout(formatOutputs(outputs, command.output))
    // Also waits for the log lines written before it.
    await writeStderr(command.summary ? redact(renderSummary(result)) : '')
    const exitCode = inputError
      ? EXIT_CODES.usage
      : result.result === 'pass'
        ? EXIT_CODES.pass
        : EXIT_CODES.fail
    return { exitCode, deadlineReached: deadlineReached === true }
  } catch (error) {
    await writeStderr(`aep-cmk: the action could not run: ${errorMessage(error)}\n`)
    return { exitCode: EXIT_CODES.fail, deadlineReached: false }
  } finally {
    if (tempDir) rmSync(tempDir, { recursive: true, force: true })
  }
}

/** Resolves once stderr has handed `text` on, and with it everything written before. */
function writeStderr(text: string): Promise<void> {
  return new Promise(resolve => process.stderr.write(text, () => resolve()))
}
