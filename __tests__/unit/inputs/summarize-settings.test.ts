import { parseSettings } from '../../../src/inputs/parse-settings.js'
import { splitPatterns } from '../../../src/inputs/parse-summarize-settings.js'
import { reader } from './valid-inputs.js'

const WORKSPACE = '/home/runner/work/aep-infra/aep-infra'

function parse(inputs: Record<string, string>, env: Record<string, string> = {}) {
  return parseSettings(
    reader({ mode: 'summarize', ...inputs }),
    { GITHUB_WORKSPACE: WORKSPACE, ...env },
    '/somewhere/else'
  )
}

function settings(inputs: Record<string, string>, env: Record<string, string> = {}) {
  const parsed = parse(inputs, env)
  if (!parsed.ok) throw new Error(parsed.message)
  if (parsed.settings.mode !== 'summarize') throw new Error('expected summarize settings')
  return parsed.settings
}

describe('mode: summarize settings', () => {
  it('need only reports: the inputs the other modes require are not asked for', () => {
    expect(settings({ reports: 'reports/**/*.json' })).toEqual({
      mode: 'summarize',
      reports: ['reports/**/*.json'],
      workspace: WORKSPACE,
      sarifFile: undefined,
      notices: []
    })
  })

  it('take patterns one per line or comma-separated, keeping commas inside braces', () => {
    expect(splitPatterns('a/*.json, b/*.json\nc/{us,emea}/*.json\r\n\n  ')).toEqual([
      'a/*.json',
      'b/*.json',
      'c/{us,emea}/*.json'
    ])
  })

  it('make a pattern inside the workspace relative to it', () => {
    expect(settings({ reports: `${WORKSPACE}/reports/*.json, ./more/*.json` }).reports).toEqual([
      'reports/*.json',
      'more/*.json'
    ])
  })

  it('use the working directory as the workspace outside GitHub Actions', () => {
    const parsed = parseSettings(reader({ mode: 'summarize', reports: 'r/*.json' }), {}, '/work/x')
    expect(parsed.ok && parsed.settings.mode === 'summarize' && parsed.settings.workspace).toBe(
      '/work/x'
    )
  })

  it('report every problem at once: no reports, and patterns that leave the workspace', () => {
    const parsed = parse({ reports: '../x/*.json, /etc/*.json, {..,r}/*.json, !r/old.json' })
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.mode).toBe('summarize')
    expect(parsed.problems).toEqual([
      'reports: must not contain ".." segments: the reports must be inside the workspace; got "../x/*.json"',
      `reports: must be inside the workspace ${WORKSPACE}; got "/etc/*.json"`,
      'reports: must not contain ".." segments: the reports must be inside the workspace; got "{..,r}/*.json"',
      'reports: exclusions (!pattern) are not supported; name the files to read instead; got "!r/old.json"'
    ])
    const missing = parse({})
    expect(!missing.ok && missing.problems[0]).toMatch(
      /^reports: is required when mode is summarize/
    )
  })

  it('say which given inputs summarize ignores, without failing', () => {
    expect(
      settings({ reports: 'r/*.json', 'key-vault-name': 'kv', 'open-issue': 'true' }).notices
    ).toEqual([
      'key-vault-name: ignored in mode summarize, which reads reports and signs in nowhere',
      'open-issue: ignored in mode summarize; each org keeps its own tracking issue from its own run'
    ])
  })
})
