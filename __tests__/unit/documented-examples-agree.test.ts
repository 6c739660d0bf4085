/*
 * Drift fails here instead of on a newcomer's first run. Every workflow the README, CONTRIBUTING,
 * docs/ and examples/ show is parsed with the `yaml` package and held against action.yml, the
 * prerequisites that create its identities, secrets and variables, and the permissions and
 * concurrency its steps need; every relative link and #anchor must resolve. The e2e twin
 * (__tests__/e2e/documented-examples-run.test.ts) runs each example's `with:` block against the
 * simulator until its first green run.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { readActionMetadata } from '../../src/cli/action-metadata.js'
import { EXIT_CODES } from '../../src/cli/exit-codes.js'
import { MODES } from '../../src/model/choices.js'
import { buildJsonReport } from '../../src/report/json-report.js'
import {
  ACTION_REF,
  REPO_ROOT,
  anchorsOf,
  brokenLink,
  concurrencyOf,
  dispatchInputs,
  documentedSteps,
  documentedWorkflows,
  effectivePermissions,
  environmentOf,
  expressionsIn,
  grants,
  headingAnchor,
  inputFragments,
  markdownFiles,
  modesOf,
  prerequisitesFor,
  prerequisitesIn,
  proseLines,
  readRepoFile,
  referencesIn,
  relativeLinks,
  type DocumentedStep
} from '../../test/documented-workflows.js'

const action = readActionMetadata(readRepoFile('action.yml'))
const inputNames = new Set(action.inputs.map(input => input.name))
const readme = readRepoFile('README.md')
const steps = documentedSteps()
const complete = steps.filter(step => !step.documented.fragment)
const label = (step: DocumentedStep) => `${step.source} (job ${step.jobId})`

/** How the action picks the Azure sign-in for these inputs (azure-auth auto as parse-settings). */
function azureAuth(inputs: Record<string, string>): string {
  const requested = inputs['azure-auth'] || 'auto'
  if (requested !== 'auto') return requested
  if (inputs['azure-client-id'] && inputs['azure-tenant-id']) return 'oidc'
  return inputs['azure-client-secret'] ? 'secret' : 'cli'
}

/** Required inputs a step leaves out, by the contract's rules (mode summarize: `reports` only). */
function missingInputs(step: DocumentedStep): string[] {
  const given = (name: string) => (step.inputs[name] ?? '') !== ''
  const missing: string[] = []
  for (const mode of modesOf(step)) {
    if (mode === 'summarize') {
      if (!given('reports')) missing.push('reports (mode summarize)')
      continue
    }
    for (const input of action.inputs)
      if (input.required && !given(input.name)) missing.push(input.name)
    const auth = azureAuth(step.inputs)
    if (auth === 'oidc' || auth === 'secret')
      for (const name of ['azure-tenant-id', 'azure-client-id'])
        if (!given(name)) missing.push(`${name} (azure-auth ${auth})`)
    if (auth === 'secret' && !given('azure-client-secret'))
      missing.push('azure-client-secret (azure-auth secret)')
    const credential = given('adobe-client-id') && given('adobe-client-secret')
    if (!credential && !given('adobe-access-token'))
      missing.push('adobe-client-id and adobe-client-secret, or adobe-access-token')
  }
  return [...new Set(missing)]
}

describe('the extraction', () => {
  it('finds the workflows of the README and docs/, each step of this action in them', () => {
    const files = new Set(steps.map(step => step.file))
    for (const file of [
      'README.md',
      'docs/compliance.md',
      'docs/managed-hsm.md',
      'docs/one-run-setup.md'
    ])
      expect(files.has(file)).toBe(true)
    expect(complete.length).toBeGreaterThanOrEqual(6)
  })

  it('reads GitHub anchors and the prerequisites as a reader would', () => {
    expect(headingAnchor('1. One-time setup')).toBe('1-one-time-setup')
    expect(headingAnchor('`azure.sign-in`')).toBe('azuresign-in')
    expect(headingAnchor('Command line (`aep-cmk`)')).toBe('command-line-aep-cmk')
    expect([...anchorsOf('# A\n## A\n```sh\n# not a heading\n```\n')]).toEqual(['a', 'a-1'])
    const readmePrerequisites = prerequisitesIn('README.md')
    expect(readmePrerequisites.environments.size).toBeGreaterThan(0)
    expect(readmePrerequisites.secrets.size + readmePrerequisites.variables.size).toBeGreaterThan(4)
  })
})

describe('each documented step of this action', () => {
  it.each(steps.map(step => [label(step), step] as const))(
    '%s refers to the action as the README tells readers to',
    (_, step) => {
      expect(step.step.uses).toBe(ACTION_REF)
    }
  )

  it.each(steps.map(step => [label(step), step] as const))(
    '%s gives only inputs action.yml has',
    (_, step) => {
      expect(Object.keys(step.inputs).filter(name => !inputNames.has(name))).toEqual([])
    }
  )

  it.each(complete.map(step => [label(step), step] as const))(
    '%s gives every required input',
    (_, step) => {
      expect(modesOf(step).length).toBeGreaterThan(0)
      expect(modesOf(step).filter(mode => !(MODES as readonly string[]).includes(mode))).toEqual([])
      expect(missingInputs(step)).toEqual([])
    }
  )

  it.each(steps.map(step => [label(step), step] as const))(
    '%s reads only secrets and variables the prerequisites store, each the way it is stored',
    (_, step) => {
      const prerequisites = prerequisitesFor(step.file)
      const unknown = Object.values(step.inputs)
        .flatMap(expressionsIn)
        .flatMap(referencesIn)
        .filter(({ context, name }) =>
          context === 'secrets'
            ? name !== 'GITHUB_TOKEN' && !prerequisites.secrets.has(name)
            : context === 'vars' && !prerequisites.variables.has(name)
        )
        .map(({ context, name }) => `${context}.${name}`)
      expect(unknown).toEqual([])
    }
  )

  it.each(complete.map(step => [label(step), step] as const))(
    '%s runs in an environment a federated credential of the prerequisites names',
    (_, step) => {
      const environment = environmentOf(step.job)
      if (azureAuth(step.inputs) === 'oidc') expect(environment).toBeDefined()
      if (environment !== undefined)
        expect([...prerequisitesFor(step.file).environments]).toContain(environment)
    }
  )

  it.each(complete.map(step => [label(step), step] as const))(
    '%s has the job permissions its inputs and steps use',
    (_, step) => {
      const permissions = effectivePermissions(step.documented, step.job)
      const jobSteps = step.job.steps ?? []
      const needed: Array<[string, 'read' | 'write', boolean]> = [
        ['id-token', 'write', azureAuth(step.inputs) === 'oidc'],
        ['issues', 'write', step.inputs['open-issue'] === 'true'],
        [
          'security-events',
          'write',
          jobSteps.some(s => (s.uses ?? '').startsWith('github/codeql-action/upload-sarif'))
        ],
        ['contents', 'read', jobSteps.some(s => (s.uses ?? '').startsWith('actions/checkout'))]
      ]
      const lacking = needed
        .filter(([scope, level, used]) => used && !grants(permissions, scope, level))
        .map(([scope, level]) => `${scope}: ${level}`)
      expect(lacking).toEqual([])
    }
  )

  it.each(complete.map(step => [label(step), step] as const))(
    '%s passes the credential scopes the prerequisites store with the credential',
    (_, step) => {
      if (step.inputs['adobe-client-id']) expect(step.inputs['adobe-scopes']).toBeTruthy()
    }
  )

  it.each(complete.map(step => [label(step), step] as const))(
    '%s, when its mode comes from the run form, offers validate first',
    (_, step) => {
      const names = expressionsIn(step.inputs.mode ?? '')
        .flatMap(referencesIn)
        .filter(r => r.context === 'inputs')
        .map(r => r.name)
      for (const name of names) {
        const input = dispatchInputs(step.documented.workflow)[name]
        expect(input?.type).toBe('choice')
        expect(input?.options?.[0]).toBe('validate')
        expect(input?.default).toBe('validate')
      }
    }
  )
})

describe('the input fragments (the sign-in variants)', () => {
  const fragments = inputFragments()

  it('are found', () => {
    expect(fragments.length).toBeGreaterThanOrEqual(3)
  })

  it.each(fragments.map(fragment => [fragment.source, fragment] as const))(
    '%s names only inputs, and only secrets and variables someone was told to store',
    (_, fragment) => {
      expect(Object.keys(fragment.inputs).filter(name => !inputNames.has(name))).toEqual([])
      const prerequisites = prerequisitesFor(fragment.file)
      const unknown = Object.values(fragment.inputs)
        .flatMap(expressionsIn)
        .flatMap(referencesIn)
        .filter(({ context, name }) =>
          context === 'secrets'
            ? !prerequisites.secrets.has(name)
            : context === 'vars' && !prerequisites.variables.has(name)
        )
        .map(({ context, name }) => `${context}.${name}`)
      expect(unknown).toEqual([])
    }
  )
})

describe('setup runs for one Adobe org never overlap', () => {
  // The contract's Safety rules: the README's setup and deployment workflows hold a concurrency
  // group per org, so GitHub runs two setups for the same org one after the other.
  const setupSteps = complete.filter(step => modesOf(step).includes('setup'))

  it('covers the README setup and deployment workflows', () => {
    expect(setupSteps.filter(step => step.file === 'README.md').length).toBeGreaterThanOrEqual(2)
  })

  it.each(setupSteps.map(step => [label(step), step] as const))(
    '%s holds a concurrency group named after the org, never cancelling a running setup',
    (_, step) => {
      const concurrency = concurrencyOf(step.documented, step.job)
      expect(concurrency?.group).toMatch(/\$\{\{\s*vars\.ADOBE_ORG_ID\s*\}\}/)
      expect(concurrency?.cancelInProgress).toBe(false)
    }
  )

  it('uses one group name everywhere, so that different workflows wait for each other', () => {
    const groups = new Set(setupSteps.map(step => concurrencyOf(step.documented, step.job)?.group))
    expect([...groups]).toHaveLength(1)
  })
})

describe('the README setup example', () => {
  it('asks validate or setup in the run form, validate first, and passes it as mode', () => {
    const setup = complete.find(
      step => step.file === 'README.md' && modesOf(step).join() === 'validate,setup'
    )
    expect(setup).toBeDefined()
    expect(Object.keys(dispatchInputs(setup!.documented.workflow))).toEqual(['mode'])
  })
})

describe('the fleet workflow (docs/fleet.md)', () => {
  const fleetSteps = complete.filter(step => step.file === 'docs/fleet.md')
  const summarizer = fleetSteps.find(step => modesOf(step).includes('summarize'))
  const checks = fleetSteps.filter(step => step !== summarizer)
  const uses = (step: DocumentedStep, action: string) =>
    (step.job.steps ?? []).find(s => (s.uses ?? '').startsWith(action))

  it('checks each org of a matrix (org, region, vault, key, environment) in its own environment', () => {
    expect(checks.length).toBeGreaterThanOrEqual(2)
    for (const step of checks) {
      expect(modesOf(step)).toEqual(['check'])
      expect(Object.keys(step.job.strategy?.matrix ?? {})).toEqual(['include'])
      const include = (step.job.strategy?.matrix?.include ?? []) as Array<Record<string, unknown>>
      for (const entry of include)
        expect(Object.keys(entry).sort()).toEqual(['environment', 'key', 'org', 'region', 'vault'])
      expect(environmentOf(step.job)).toMatch(/^aep-org-/)
      expect(step.inputs['report-file']).toBeTruthy()
      expect(step.inputs['sarif-file']).toBeTruthy()
      expect(uses(step, 'actions/upload-artifact')?.with?.path).toBe(step.inputs['report-file'])
      expect(uses(step, 'github/codeql-action/upload-sarif')?.with?.sarif_file).toBe(
        step.inputs['sarif-file']
      )
    }
    const names = checks.map(step => uses(step, 'actions/upload-artifact')?.with?.name)
    expect(new Set(names).size).toBe(checks.length)
  })

  it('summarizes in a last job that runs even when orgs failed, from every downloaded report', () => {
    expect(summarizer).toBeDefined()
    const job = summarizer!.job
    expect(job.needs).toBe('check')
    expect(job.if).toBe('always()')
    const download = uses(summarizer!, 'actions/download-artifact')?.with
    expect(download).toMatchObject({ pattern: 'aep-cmk-report-*', 'merge-multiple': true })
    expect(summarizer!.inputs).toEqual({
      mode: 'summarize',
      reports: `${String(download?.path)}/*.json`
    })
  })
})

describe('one placeholder and a pinned release', () => {
  it('no document names another placeholder for the action', () => {
    const others = markdownFiles().filter(file =>
      /[\w.-]+\/aep-cmk-azure-action@|your-org\//.test(readRepoFile(file))
    )
    expect(others).toEqual([])
  })

  it('the README says near the top how to pin a release, by tag or full commit SHA', () => {
    const top = readme.slice(0, readme.indexOf('## Contents'))
    expect(top).toContain(ACTION_REF)
    expect(top).toMatch(/full (commit )?SHA/i)
  })

  it('a release workflow moves the major tag when a release is published', () => {
    const release = parse(readRepoFile('.github/workflows/release.yml')) as {
      on: { release: { types: string[] } }
    }
    expect(release.on.release.types).toContain('published')
    expect(readRepoFile('.github/workflows/release.yml')).toMatch(
      /git push origin "refs\/tags\/\$MAJOR" --force/
    )
  })
})

describe('links', () => {
  const links = markdownFiles().flatMap(file =>
    relativeLinks(file).map(link => ({ file, ...link }))
  )

  it('finds the links', () => {
    expect(links.length).toBeGreaterThan(40)
  })

  it('every relative link and #anchor in the README, CONTRIBUTING and docs/ resolves', () => {
    const broken = links
      .map(link => ({ link, why: brokenLink(link.file, link.target) }))
      .filter(({ why }) => why !== undefined)
      .map(({ link, why }) => `${link.source} ${link.target}: ${why}`)
    expect(broken).toEqual([])
  })
})

describe('promises the documents make', () => {
  const paragraphs = (file: string) =>
    proseLines(readRepoFile(file))
      .map(l => l.text)
      .join('\n')
      .split(/\n\s*\n/)

  it('"no data-plane role" is never said without the Managed HSM exception', () => {
    const wrong = ['README.md', 'docs/permissions.md'].flatMap(file =>
      paragraphs(file).filter(
        p => /no (Key Vault )?data-plane role/i.test(p) && !/Managed HSM/.test(p)
      )
    )
    expect(wrong).toEqual([])
  })

  it('"check writes nothing" is never said without the tracking issue it writes', () => {
    const wrong = markdownFiles()
      .filter(file => file !== 'docs/action-contract.md')
      .flatMap(file => paragraphs(file))
      .filter(p => /`check`[^.|]*writes nothing|writes nothing[^.]*`check`/.test(p))
      .filter(p => !/issue/.test(p))
    expect(wrong).toEqual([])
  })

  it('the README tells the action (exit 1) and the command line (usage error 2) apart', () => {
    const section = readme.slice(readme.indexOf('## What a run shows'))
    expect(section).toMatch(/action[^.]*exits? (with )?`1`/i)
    expect(section).toContain(`\`${EXIT_CODES.usage}\``)
  })

  it('the README says which Node.js the demo needs, the one action.yml runs on', () => {
    const using = (parse(readRepoFile('action.yml')) as { runs: { using: string } }).runs.using
    const version = /^node(\d+)$/.exec(using)?.[1]
    const tryIt = readme.slice(readme.indexOf('## Try it'), readme.indexOf('## Prerequisites'))
    expect(tryIt).toContain(`Node.js ${version}`)
    const engines = (JSON.parse(readRepoFile('package.json')) as { engines: { node: string } })
      .engines.node
    expect(engines).toBe(`>=${version}`)
  })

  it('the README stays under 30,000 bytes', () => {
    expect(Buffer.byteLength(readme, 'utf8')).toBeLessThan(30_000)
  })
})

describe('.env.example', () => {
  it('has a line for every input of action.yml', () => {
    const env = readFileSync(join(REPO_ROOT, '.env.example'), 'utf8')
    const missing = action.inputs
      .map(input => `INPUT_${input.name.toUpperCase()}`)
      .filter(name => !new RegExp(`^${name}=`, 'm').test(env))
    expect(missing).toEqual([])
  })
})

describe('docs/report.md', () => {
  it('its table names exactly the keys of a real report', () => {
    const report = buildJsonReport({
      mode: 'check',
      result: 'pass',
      status: 'COMPLETED',
      configName: 'cmk-kv-key',
      findings: [],
      failedChecks: [],
      actions: [],
      settings: {},
      timings: {},
      startedAt: '2026-01-01T00:00:00.000Z',
      finishedAt: '2026-01-01T00:00:01.000Z'
    })
    const rows = proseLines(readRepoFile('docs/report.md'))
      .map(l => l.text)
      .filter(line => /^\|\s*`/.test(line))
    const keys = rows.flatMap(row =>
      [...(row.split('|')[1] ?? '').matchAll(/`([A-Za-z]+)`/g)].map(m => m[1])
    )
    expect(new Set(keys)).toEqual(new Set(Object.keys(report)))
  })
})

describe('every documented workflow', () => {
  it('parses, and names its jobs', () => {
    for (const documented of documentedWorkflows())
      expect(Object.keys(documented.workflow.jobs).length).toBeGreaterThan(0)
  })
})
