#!/usr/bin/env node
// aep-cmk: the action as a command line, for GitLab CI, Azure Pipelines or a terminal.
//
// It maps flags (--key-vault-name kv, --key-vault-name=kv) and AEP_CMK_<NAME> environment
// variables to the INPUT_<NAME> variables the action reads (flag > AEP_CMK_* > INPUT_*), gives
// the action temporary GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files when none are set, and runs the
// committed bundle dist/index.js in this process, as the runner would. Exit codes are the
// action's (0 pass, 1 fail), plus 2 for a command-line usage error, found before any request.
//
// stdout carries only the result: the outputs as JSON (or dotenv lines with --output env), so
// `aep-cmk ... | jq` works. @actions/core writes log lines and workflow commands (::error::,
// ::add-mask:: ...) to stdout, so while the action runs stdout is redirected to stderr. Under
// GitHub Actions (GITHUB_ACTIONS=true) those lines pass unchanged, since the runner reads
// workflow commands on stderr too; elsewhere they become plain `error: <check id>: message`
// lines, and ::add-mask:: lines, which hold the secrets themselves, are dropped.
import { Buffer } from 'node:buffer'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  formatOutputs,
  inputEnvironment,
  parseCliArgs,
  parseOutputFile,
  plainLogLine,
  readActionYaml,
  renderHelp
} from './cli-args.js'

/**
 * Sends everything written to process.stdout to stderr instead, line by line through
 * `transform` (undefined drops the line). Returns a writer to the real stdout, which flushes
 * any unfinished line first. Stays in place afterwards, so late log lines cannot corrupt stdout.
 * @param {(line: string) => string | undefined} transform
 * @returns {(text: string) => void}
 */
function redirectStdout(transform) {
  const realWrite = process.stdout.write.bind(process.stdout)
  let pending = ''
  /** @param {string} text */
  const emit = text => {
    pending += text
    const lines = pending.split('\n')
    pending = lines.pop() ?? ''
    for (const line of lines) {
      const out = transform(line.replace(/\r$/, ''))
      if (out !== undefined) process.stderr.write(out + '\n')
    }
  }
  /** @type {(chunk: string | Uint8Array, encoding?: unknown, callback?: unknown) => boolean} */
  const write = (chunk, encoding, callback) => {
    emit(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'))
    const done = typeof encoding === 'function' ? encoding : callback
    if (typeof done === 'function') process.nextTick(done)
    return true
  }
  process.stdout.write = /** @type {typeof process.stdout.write} */ (write)
  return text => {
    if (pending) emit('\n')
    realWrite(text)
  }
}

/**
 * A file the action writes to: the one named by `variable` when set (only what the action
 * appends is read back), else a new empty file in `dir()`.
 * @param {string} variable
 * @param {() => string} dir
 * @param {string} name
 */
function actionFile(variable, dir, name) {
  const given = process.env[variable]
  if (given) {
    let offset = 0
    try {
      offset = statSync(given).size
    } catch {
      // Not there yet: the action creates it.
    }
    return { path: given, offset }
  }
  const path = join(dir(), name)
  writeFileSync(path, '')
  process.env[variable] = path
  return { path, offset: 0 }
}

/** @param {{ path: string, offset: number }} file */
function readAppended(file) {
  try {
    return readFileSync(file.path).subarray(file.offset).toString('utf8')
  } catch {
    return ''
  }
}

/** @returns {Promise<number | undefined>} an exit code, or undefined to keep the action's */
async function main() {
  let metadata
  let version
  try {
    metadata = readActionYaml(readFileSync(new URL('../action.yml', import.meta.url), 'utf8'))
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
    version = String(pkg.version)
  } catch (error) {
    process.stderr.write(`aep-cmk: cannot read the action's metadata: ${String(error)}\n`)
    return 1
  }

  const command = parseCliArgs(process.argv.slice(2), metadata.inputs)
  if (command.kind === 'usage-error') {
    process.stderr.write(`aep-cmk: ${command.message}\nRun aep-cmk --help for every flag.\n`)
    return 2
  }
  if (command.kind === 'help') {
    process.stdout.write(renderHelp(metadata, version))
    return 0
  }
  if (command.kind === 'version') {
    process.stdout.write(`${version}\n`)
    return 0
  }

  Object.assign(process.env, inputEnvironment(command.values, process.env, metadata.inputs))
  /** @type {string | undefined} */
  let tempDir
  const dir = () => (tempDir ??= mkdtempSync(join(tmpdir(), 'aep-cmk-')))
  try {
    const outputFile = actionFile('GITHUB_OUTPUT', dir, 'output')
    const summaryFile = actionFile('GITHUB_STEP_SUMMARY', dir, 'summary.md')
    const underActions = process.env.GITHUB_ACTIONS === 'true'
    const verbose = command.verbose
    const writeStdout = redirectStdout(line =>
      underActions ? line : plainLogLine(line, { verbose })
    )
    let exitCode
    try {
      // Runs the action: dist/index.js awaits run() at top level; a failure sets exitCode 1.
      await import('../dist/index.js')
    } catch (error) {
      process.stderr.write(`aep-cmk: the action could not run: ${String(error)}\n`)
      exitCode = 1
    }
    writeStdout(formatOutputs(parseOutputFile(readAppended(outputFile)), command.output))
    if (command.summary) process.stderr.write(readAppended(summaryFile))
    return exitCode
  } finally {
    if (tempDir) rmSync(tempDir, { recursive: true, force: true })
  }
}

const exitCode = await main()
if (exitCode !== undefined) process.exitCode = exitCode
