import * as core from '@actions/core'
import { errorMessage } from '../safety/error-message.js'
import type { Host } from './host.js'
import { runnerContext } from './runner-context.js'
import { safeHost } from './safe-host.js'

/** The action on a GitHub runner: @actions/core's workflow commands and files. */
export function actionsHost(env: Readonly<Record<string, string | undefined>> = process.env): Host {
  return safeHost({
    input: name => core.getInput(name),
    env,
    context: runnerContext(env),
    debug: text => core.debug(text),
    info: text => core.info(text),
    warning: text => core.warning(text),
    error: text => core.error(text),
    annotate: (level, message, title) =>
      level === 'error' ? core.error(message, { title }) : core.warning(message, { title }),
    group: (name, work) => core.group(name, work),
    setOutput: (name, value) => {
      try {
        core.setOutput(name, value)
      } catch (error) {
        throw new Error(
          `could not write the outputs to GITHUB_OUTPUT (${env.GITHUB_OUTPUT ?? 'not set'}): ${errorMessage(error)}`,
          { cause: error }
        )
      }
    },
    writeSummary: async markdown => {
      await core.summary.addRaw(markdown).write()
    },
    mask: form => core.setSecret(form),
    idToken: audience => core.getIDToken(audience),
    fail: message => core.setFailed(message)
  })
}
