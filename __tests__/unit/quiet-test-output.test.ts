/*
 * The test output stays readable: workflow commands that code under test prints through
 * @actions/core in the test process (`::add-mask::`, `::debug::`) and Node's warning that VM
 * Modules are experimental (one per jest worker) are kept out of it by test/jest/, while any other
 * output still shows. Each setup runs in a fresh node here, as in a jest worker.
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { REPO_ROOT } from '../../test/documented-workflows.js'

function node(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8'
  })
  return { stdout: run.stdout, stderr: run.stderr, status: run.status }
}

describe('test/jest/quiet-workflow-commands.cjs', () => {
  const setup = join(REPO_ROOT, 'test', 'jest', 'quiet-workflow-commands.cjs')

  it('drops workflow-command lines written to stdout and passes every other write', () => {
    const script = [
      `require(${JSON.stringify(setup)})`,
      `require(${JSON.stringify(setup)})`,
      "process.stdout.write('::add-mask::s3cret\\n')",
      "process.stdout.write(Buffer.from('::debug::GET https://example.test -> 200 in 3 ms\\n'))",
      "console.log('::warning title=x::careful')",
      "process.stdout.write('plain line\\n')",
      "console.log('text with ::debug:: inside')",
      "process.stdout.write('::debug::done\\n', () => process.stdout.write('callback ran\\n'))"
    ].join(';')
    const run = node(['-e', script])
    expect(run.status).toBe(0)
    expect(run.stdout).toBe('plain line\ntext with ::debug:: inside\ncallback ran\n')
  })
})

describe('test/jest/quiet-vm-modules-warning.js', () => {
  const module = join(REPO_ROOT, 'test', 'jest', 'quiet-vm-modules-warning.js')
  const useVmModules = "const vm = await import('node:vm'); new vm.SourceTextModule('export {}')"

  it('keeps the VM Modules warning out of the process that starts jest, and other warnings in', () => {
    const script = `await import(${JSON.stringify(module)}); ${useVmModules}; process.emitWarning('still shown')`
    const run = node(['--experimental-vm-modules', '--input-type=module', '-e', script])
    expect(run.status).toBe(0)
    expect(run.stderr).not.toContain('VM Modules')
    expect(run.stderr).toContain('still shown')
  })

  it('starts the workers, which read NODE_OPTIONS, without experimental warnings', () => {
    const script = `await import(${JSON.stringify(module)}); console.log(process.env.NODE_OPTIONS)`
    const run = node(['--input-type=module', '-e', script], {
      NODE_OPTIONS: '--max-old-space-size=512'
    })
    expect(run.stdout.trim()).toBe('--max-old-space-size=512 --disable-warning=ExperimentalWarning')
    const worker = node(['--experimental-vm-modules', '--input-type=module', '-e', useVmModules], {
      NODE_OPTIONS: run.stdout.trim()
    })
    expect(worker.stderr).not.toContain('VM Modules')
  })
})
