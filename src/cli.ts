import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { errorMessage } from './clients/http/error-message.js'
import { EXIT_CODES } from './cli/exit-codes.js'
import { readPackageFiles } from './cli/package-files.js'
import { runCli } from './cli/run-cli.js'

// Last resort: runCli reports its own failures; anything that escapes it still exits with the
// failure code and a message instead of a stack trace.
try {
  const files = readPackageFiles(dirname(fileURLToPath(import.meta.url)))
  process.exitCode = await runCli(process.argv.slice(2), files)
} catch (error) {
  process.stderr.write(`aep-cmk: ${errorMessage(error)}\n`)
  process.exitCode = EXIT_CODES.fail
}
