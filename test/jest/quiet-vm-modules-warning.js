/**
 * Imported by jest.config.js, in the process that starts jest. The tests run as ES modules under
 * `node --experimental-vm-modules`, and Node warns once per process that VM Modules are
 * experimental: a line per worker that says nothing about the code under test. This keeps that
 * one warning out of this process and starts the workers without experimental warnings (Node
 * reads NODE_OPTIONS when a worker starts; the children that tests spawn get their own env).
 */
const VM_MODULES = 'VM Modules is an experimental feature'

const emitWarning = process.emitWarning
process.emitWarning = function quietEmitWarning(warning, ...rest) {
  const message = typeof warning === 'string' ? warning : warning?.message
  if (typeof message === 'string' && message.startsWith(VM_MODULES)) return
  return emitWarning.call(this, warning, ...rest)
}

const QUIET = '--disable-warning=ExperimentalWarning'
const options = process.env.NODE_OPTIONS ?? ''
if (!options.includes(QUIET)) process.env.NODE_OPTIONS = `${options} ${QUIET}`.trim()
