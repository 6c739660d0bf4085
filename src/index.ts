import * as core from '@actions/core'
import { errorMessage } from './clients/http/error-message.js'
import { redact } from './clients/http/secrets.js'
import { run } from './main.js'

// Last resort: run() reports its own failures; anything that escapes it still fails the step
// with a message instead of an unhandled rejection and a stack trace.
try {
  await run()
} catch (error) {
  core.setFailed(`CMK: unexpected error: ${redact(errorMessage(error))}`)
}
