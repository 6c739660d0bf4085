/**
 * Jest setup file (jest.config.js `setupFiles`). Code under test that reaches @actions/core in
 * the test process (setSecret, debug, warning) prints workflow commands such as `::add-mask::…`
 * and `::debug::…` on stdout, where no runner consumes them: in the test output they are noise,
 * and `::add-mask::` lines even repeat the test secrets. This drops stdout writes that consist
 * only of workflow-command lines; every other write passes unchanged. A test that spies on
 * process.stdout.write sees every call, these included, because its spy wraps this one.
 *
 * CommonJS, because setup files run before the ESM test files and must not need the VM modules.
 * Jest runs this once per test file in a worker that keeps its stdout, so it wraps only once.
 */
/* global Buffer */
'use strict'

const WRAPPED = Symbol.for('aep-cmk.quiet-workflow-commands')
const WORKFLOW_COMMAND_LINES = /^(::[A-Za-z-]+(?: [^\n]*)?::[^\n]*\r?\n)+$/

function text(chunk) {
  if (typeof chunk === 'string') return chunk
  if (chunk instanceof Uint8Array) return Buffer.from(chunk).toString('utf8')
  return undefined
}

const stdout = process.stdout
if (!stdout[WRAPPED]) {
  const write = stdout.write
  stdout.write = function quietWrite(chunk, ...rest) {
    const written = text(chunk)
    if (written !== undefined && WORKFLOW_COMMAND_LINES.test(written)) {
      const callback = rest.find(argument => typeof argument === 'function')
      if (callback) process.nextTick(callback)
      return true
    }
    return write.call(this, chunk, ...rest)
  }
  stdout[WRAPPED] = true
}
