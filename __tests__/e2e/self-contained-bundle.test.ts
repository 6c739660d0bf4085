/*
 * End-to-end: the runner checks the action out without node_modules, so the committed bundle must
 * need nothing but Node's own modules. Every other end-to-end test runs dist/ inside this
 * repository, where Node would quietly find a missing package in ./node_modules; these copy
 * dist/, bin/, action.yml and package.json to a folder with no node_modules above it.
 */
import { builtinModules } from 'node:module'
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSimulator, type Simulator } from '../../test/simulator/index.js'
import { REPO_ROOT, spawnNode } from '../../test/run-action.js'
import { defaultInputs, resetSimulator, runAction } from './harness.js'

let sim: Simulator
let checkout: string

beforeAll(async () => {
  sim = await startSimulator()
  checkout = mkdtempSync(join(tmpdir(), 'aep-cmk-checkout-'))
  for (const entry of ['dist', 'bin', 'action.yml', 'package.json'])
    cpSync(join(REPO_ROOT, entry), join(checkout, entry), { recursive: true })
})

afterAll(async () => {
  await sim.close()
  rmSync(checkout, { recursive: true, force: true })
})

beforeEach(() => resetSimulator(sim))

/** Every module specifier that the bundle's files load, by file. */
function importedSpecifiers(dir: string): Array<{ file: string; specifier: string }> {
  const found: Array<{ file: string; specifier: string }> = []
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue
    const file = join(entry.parentPath, entry.name)
    const text = readFileSync(file, 'utf8')
    // What webpack emits for a module it leaves outside the bundle: a static import at the top of
    // a file, a dynamic import, or createRequire(import.meta.url)("name"). Comments kept from
    // the sources may mention packages in other forms; those are not loaded.
    const patterns = [
      /(?:^|;)\s*import\b[^;"(]*"([^"\s]+)"/gm,
      /\bimport\("([^"\s]+)"\)/g,
      /import\.meta\.url\)\("([^"\s]+)"\)/g
    ]
    for (const pattern of patterns)
      for (const match of text.matchAll(pattern))
        found.push({ file: file.slice(REPO_ROOT.length + 1), specifier: match[1] ?? '' })
  }
  return found
}

const isNodeModule = (specifier: string): boolean =>
  specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0] ?? '')
const isRelative = (specifier: string): boolean =>
  specifier.startsWith('./') || specifier.startsWith('../')

describe('the committed bundle is self-contained', () => {
  it('imports nothing but Node modules and its own files', () => {
    const specifiers = importedSpecifiers(join(REPO_ROOT, 'dist'))
    expect(specifiers.length).toBeGreaterThan(0)
    const foreign = specifiers.filter(s => !isNodeModule(s.specifier) && !isRelative(s.specifier))
    expect(foreign).toEqual([])
  })

  it('ships no script for an interactive browser sign-in', () => {
    const files = readdirSync(join(REPO_ROOT, 'dist'), { recursive: true }).map(String)
    expect(files.filter(f => f.endsWith('xdg-open'))).toEqual([])
  })

  it('sets up a key end to end from a checkout with no node_modules', async () => {
    const r = await runAction(sim, defaultInputs(sim), {
      entry: [join(checkout, 'dist', 'index.js')]
    })
    expect(r.stderr).not.toMatch(/ERR_MODULE_NOT_FOUND|Cannot find/)
    expect(r.exitCode).toBe(0)
    expect(r.outputs.status).toBe('COMPLETED')
  })

  it('refuses a bad input from that checkout with one error and no stack trace', async () => {
    const r = await runAction(
      sim,
      { ...defaultInputs(sim), mode: 'bogus' },
      {
        entry: [join(checkout, 'dist', 'index.js')]
      }
    )
    expect(r.exitCode).toBe(1)
    expect(r.stdout).toMatch(/::error::.*mode/)
    expect(r.stderr).toBe('')
  })

  it('summarizes reports from that checkout: the report schema is inside the bundle', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'aep-cmk-checkout-fleet-'))
    try {
      const check = await runAction(sim, defaultInputs(sim, 'validate'), { withReport: true })
      mkdirSync(join(workspace, 'reports'))
      writeFileSync(join(workspace, 'reports', 'org.json'), JSON.stringify(check.report))
      const r = await runAction(
        undefined,
        { mode: 'summarize', reports: 'reports/*.json' },
        { entry: [join(checkout, 'dist', 'index.js')], workspace }
      )
      expect(r.stderr).not.toMatch(/ERR_MODULE_NOT_FOUND|Cannot find|ENOENT/)
      expect(r.exitCode).toBe(0)
      expect(r.outputs.result).toBe('pass')
    } finally {
      rmSync(workspace, { recursive: true, force: true })
    }
  })

  it('runs the command line from that checkout', async () => {
    const r = await spawnNode(
      [join(checkout, 'bin', 'aep-cmk.js'), '--help'],
      { PATH: process.env.PATH ?? '' },
      checkout
    )
    expect(r.stderr).toBe('')
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toMatch(/--key-vault-name/)
  })

  it('runs the command line the documented way: node <release>/bin/aep-cmk.js, from a directory outside it', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'aep-cmk-elsewhere-'))
    try {
      const inputs = defaultInputs(sim, 'validate')
      const flags = Object.entries(inputs)
        .filter(([name]) => !/secret/.test(name))
        .flatMap(([name, value]) => [`--${name}`, value])
      const r = await spawnNode(
        [join(checkout, 'bin', 'aep-cmk.js'), ...flags],
        {
          PATH: process.env.PATH ?? '',
          ...sim.childEnv(),
          AEP_CMK_AZURE_CLIENT_SECRET: inputs['azure-client-secret']!,
          AEP_CMK_ADOBE_CLIENT_SECRET: inputs['adobe-client-secret']!
        },
        elsewhere
      )
      expect(r.exitCode).toBe(0)
      expect(JSON.parse(r.stdout)).toMatchObject({ result: 'pass', 'vault-type': 'vault' })
    } finally {
      rmSync(elsewhere, { recursive: true, force: true })
    }
  })
})
