import * as core from '@actions/core'
import { actionsHost } from './host/actions-host.js'
import { errorMessage } from './safety/error-message.js'
import { redact } from './safety/secrets.js'
import { run } from './main.js'

// Last resort: run() reports its own failures; anything that escapes it still fails the step
// with a message instead of an unhandled rejection and a stack trace.
try {
  const { deadlineReached } = await run(actionsHost())
  // Everything is reported; a call that ignored the cancellation (a library timer, a child
  // process) must not keep the job step running past the deadline.
  if (deadlineReached) process.exit()
} catch (error) {
  core.setFailed(`CMK: unexpected error: ${redact(errorMessage(error))}`)
}
