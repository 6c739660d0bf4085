import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { errorMessage } from './safety/error-message.js'
import { EXIT_CODES } from './cli/exit-codes.js'
import { readPackageFiles } from './cli/package-files.js'
import { runCli } from './cli/run-cli.js'

/** Resolves once the stream has handed `text` on, and with it everything written before. */
function writer(stream: NodeJS.WriteStream): (text: string) => Promise<void> {
  return text => new Promise(resolve => stream.write(text, () => resolve()))
}

// Last resort: runCli reports its own failures; anything that escapes it still exits with the
// failure code and a message instead of a stack trace.
try {
  const files = readPackageFiles(dirname(fileURLToPath(import.meta.url)))
  const { exitCode, deadlineReached } = await runCli(
    process.argv.slice(2),
    files,
    process.env,
    {
      stdout: writer(process.stdout),
      stderr: writer(process.stderr)
    },
    async () => (await import('./main.js')).run
  )
  process.exitCode = exitCode
  // The result is printed and flushed; a call that ignored the cancellation (a library timer,
  // a child process such as a hung `az`) must not keep the command running past the deadline.
  if (deadlineReached) process.exit()
} catch (error) {
  process.stderr.write(`aep-cmk: ${errorMessage(error)}\n`)
  process.exitCode = EXIT_CODES.fail
}
