/*
 * Keeps README.md honest: its Inputs and Outputs tables must say exactly what action.yml says
 * (names, order, required, defaults, descriptions verbatim), its checks and modes tables must list
 * the ids the code knows, its JSON report example must have the report's shape, and every input
 * and output of the action contract (docs/action-contract.md, the team's contract) must exist in
 * action.yml.
 *
 * action.yml is read with the CLI's reader (src/cli/action-metadata.ts), so the README and the
 * CLI's flags come from the same reading.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readActionMetadata, type ActionInput } from '../../src/cli/action-metadata.js'
import { CHECK_IDS } from '../../src/model/finding.js'
import { renderChecksDoc } from '../../scripts/checks-doc.js'
import { MODES } from '../../src/model/choices.js'
import { buildJsonReport } from '../../src/report/json-report.js'
import type { RunResult } from '../../src/report/run-result.js'
import { renderReadme, REQUIRED_WHEN, requiredCell } from '../../scripts/docs-tables.js'

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const CONTRACT_PATH = resolve(REPO_ROOT, 'docs', 'action-contract.md')

// ---------------------------------------------------------------------------------------------
// action.yml
// ---------------------------------------------------------------------------------------------

interface ActionMetadata {
  inputs: Map<string, Omit<ActionInput, 'name'>>
  outputs: Map<string, { description: string }>
}

/** action.yml as the CLI reads it, keyed by name. */
function parseActionYaml(text: string): ActionMetadata {
  const { inputs, outputs } = readActionMetadata(text)
  return {
    inputs: new Map(inputs.map(({ name, ...rest }) => [name, rest])),
    outputs: new Map(outputs.map(({ name, description }) => [name, { description }]))
  }
}

// ---------------------------------------------------------------------------------------------
// Markdown tables
// ---------------------------------------------------------------------------------------------

/** Splits a table row into trimmed cells; `\|` is a pipe inside a cell, not a separator. */
function splitRow(line: string): string[] {
  const body = line.trim().replace(/^\|/, '').replace(/\|$/, '')
  const cells: string[] = []
  let current = ''
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\' && body[i + 1] === '|') {
      current += '\\|'
      i++
    } else if (body[i] === '|') {
      cells.push(current.trim())
      current = ''
    } else {
      current += body[i]
    }
  }
  cells.push(current.trim())
  return cells
}

const ENTITIES: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&#124;': '|',
  '&amp;': '&'
}

/** The text a Markdown cell renders to, as far as these tables need: escapes and entities. */
function cellText(cell: string): string {
  return cell
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&(?:lt|gt|quot|#39|#124|amp);/g, entity => ENTITIES[entity] ?? entity)
}

/** A cell that must be one code span, e.g. `key-name`; '' for an empty cell. */
function codeSpan(cell: string, where: string): string {
  if (cell === '') return ''
  const match = /^`([^`]+)`$/.exec(cell)
  if (!match) throw new Error(`${where}: expected one code span, got ${cell}`)
  return match[1]!
}

/** The first table between two marker lines: its header and rows of cells. */
function tableBetween(
  text: string,
  start: string,
  end: string
): { header: string[]; rows: string[][] } {
  const from = text.indexOf(start)
  const to = text.indexOf(end, from + 1)
  if (from === -1 || to === -1) throw new Error(`markers ${start} ... ${end} not found`)
  return parseTable(text.slice(from + start.length, to).split(/\r?\n/))
}

function parseTable(lines: string[]): { header: string[]; rows: string[][] } {
  const tableLines = lines.map(l => l.trim()).filter(l => l.startsWith('|'))
  if (tableLines.length < 2) throw new Error('no table found')
  const [header = [], separator = [], ...rest] = tableLines.map(splitRow)
  if (!separator.every(cell => /^:?-+:?$/.test(cell)))
    throw new Error(`the second row is not a separator row: ${separator.join(' | ')}`)
  for (const row of rest)
    if (row.length !== header.length)
      throw new Error(`row has ${row.length} cells, header ${header.length}: ${row.join(' | ')}`)
  return { header, rows: rest }
}

/** The first table after a `## title` heading (and before the next `## ` heading). */
function tableInSection(text: string, title: string): { header: string[]; rows: string[][] } {
  const lines = text.split(/\r?\n/)
  const start = lines.findIndex(l => l.trim() === `## ${title}`)
  if (start === -1) throw new Error(`section ${title} not found`)
  const next = lines.findIndex((l, i) => i > start && /^## /.test(l))
  return parseTable(lines.slice(start + 1, next === -1 ? undefined : next))
}

/** Bodies of fenced code blocks (``` or ~~~). */
function fencedBlocks(text: string): string[] {
  const blocks: string[] = []
  const pattern = /^(`{3,}|~{3,})[^\n]*\n([\s\S]*?)^\1\s*$/gm
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) blocks.push(m[2]!)
  return blocks
}

// ---------------------------------------------------------------------------------------------
// The files
// ---------------------------------------------------------------------------------------------

const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8')
const action = parseActionYaml(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8'))

function readmeInputs() {
  const { header, rows } = tableBetween(readme, '<!-- inputs:start -->', '<!-- inputs:end -->')
  return {
    header,
    rows: rows.map(([name = '', required = '', def = '', description = '']) => ({
      name: codeSpan(name, 'README input name'),
      required,
      default: codeSpan(def, `README default of ${name}`),
      description: cellText(description)
    }))
  }
}

function readmeOutputs() {
  const { header, rows } = tableBetween(readme, '<!-- outputs:start -->', '<!-- outputs:end -->')
  return {
    header,
    rows: rows.map(([name = '', description = '']) => ({
      name: codeSpan(name, 'README output name'),
      description: cellText(description)
    }))
  }
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

describe('the helpers that read action.yml and the README', () => {
  it('splits table rows on unescaped pipes only, ignoring column padding', () => {
    expect(splitRow('| `a`   | yes |      | x \\| y  |')).toEqual(['`a`', 'yes', '', 'x \\| y'])
    expect(cellText('x \\| y &lt;n&gt; a\\_b &amp; c')).toBe('x | y <n> a_b & c')
    expect(codeSpan('`va7`', 'w')).toBe('va7')
    expect(codeSpan('', 'w')).toBe('')
    expect(() => codeSpan('va7', 'w')).toThrow(/code span/)
  })

  it('finds the table between markers and checks its shape', () => {
    const text = [
      'before',
      '<!-- t:start -->',
      '',
      '| A   | B |',
      '| --- | :-: |',
      '| 1   | 2 \\| 3 |',
      '',
      '<!-- t:end -->',
      '| not | this |'
    ].join('\n')
    expect(tableBetween(text, '<!-- t:start -->', '<!-- t:end -->')).toEqual({
      header: ['A', 'B'],
      rows: [['1', '2 \\| 3']]
    })
    expect(() =>
      tableBetween(
        '<!-- t:start -->\n| A | B |\n| --- | --- |\n| 1 |\n<!-- t:end -->',
        '<!-- t:start -->',
        '<!-- t:end -->'
      )
    ).toThrow(/1 cells/)
  })
})

describe('README Inputs table', () => {
  const table = readmeInputs()

  it('has the agreed columns', () => {
    expect(table.header).toEqual(['Input', 'Required', 'Default', 'Description'])
  })

  it('lists exactly the inputs of action.yml, in the same order', () => {
    expect(table.rows.map(r => r.name)).toEqual([...action.inputs.keys()])
  })

  it.each([...action.inputs.entries()])('agrees with action.yml on %s', (name, input) => {
    const row = table.rows.find(r => r.name === name)
    expect(row).toBeDefined()
    // Optional in action.yml, but the examples need them: the column says when.
    expect(row?.required).toBe(requiredCell(name, input.required))
    expect(row?.default).toBe(input.default)
    expect(row?.description).toBe(input.description)
  })
})

describe('README Outputs table', () => {
  const table = readmeOutputs()

  it('has the agreed columns', () => {
    expect(table.header).toEqual(['Output', 'Description'])
  })

  it('lists exactly the outputs of action.yml, in the same order', () => {
    expect(table.rows.map(r => r.name)).toEqual([...action.outputs.keys()])
  })

  it.each([...action.outputs.entries()])('agrees with action.yml on %s', (name, output) => {
    expect(table.rows.find(r => r.name === name)?.description).toBe(output.description)
  })
})

// docs/action-contract.md is the team's contract, copied into the repository so every clone tests it.
describe('action.yml against the contract (docs/action-contract.md)', () => {
  const contract = readFileSync(CONTRACT_PATH, 'utf8')
  const contractInputs = () =>
    tableInSection(contract, 'Inputs').rows.map(([name = '', required = '', def = '']) => ({
      name: codeSpan(name, 'contract input'),
      required: required.trim(),
      default: def.trim()
    }))
  const contractOutputs = () =>
    tableInSection(contract, 'Outputs').rows.map(([name = '']) => codeSpan(name, 'contract output'))

  it('has every input of the contract', () => {
    const names = contractInputs().map(i => i.name)
    expect(names.length).toBeGreaterThan(20)
    expect(names.filter(name => !action.inputs.has(name))).toEqual([])
  })

  it('has every output of the contract', () => {
    const names = contractOutputs()
    expect(names.length).toBeGreaterThan(5)
    expect(names.filter(name => !action.outputs.has(name))).toEqual([])
  })

  it('marks as required exactly the inputs the contract calls required', () => {
    const mismatched = contractInputs()
      .filter(i => action.inputs.has(i.name))
      .filter(i => (i.required === 'yes') !== action.inputs.get(i.name)?.required)
      .map(i => i.name)
    expect(mismatched).toEqual([])
  })

  it('uses the literal defaults of the contract (computed ones such as config-name aside)', () => {
    const literal = contractInputs().filter(
      i => action.inputs.has(i.name) && /^`[^`<>]+`$/.test(i.default)
    )
    expect(literal.map(i => i.name)).toContain('mode')
    const mismatched = literal
      .filter(i => action.inputs.get(i.name)?.default !== codeSpan(i.default, i.name))
      .map(
        i => `${i.name}: contract ${i.default}, action.yml '${action.inputs.get(i.name)?.default}'`
      )
    expect(mismatched).toEqual([])
  })
})

describe('README quick start and sections', () => {
  const blocks = fencedBlocks(readme)

  it.each(['npm ci && npm run demo', 'npm ci && npm test'])(
    'shows `%s` in a fenced code block',
    command => {
      expect(blocks.some(block => block.split('\n').some(line => line.trim() === command))).toBe(
        true
      )
    }
  )

  it('keeps the markers the lead fills in', () => {
    expect(readme).toContain('<!-- failure-table -->')
    const perfStart = readme.indexOf('<!-- perf:start -->')
    expect(perfStart).toBeGreaterThan(-1)
    expect(readme.indexOf('<!-- perf:end -->')).toBeGreaterThan(perfStart)
  })

  it('uses one clearly marked OWNER/REPO placeholder for the action and badges of workflows that exist', () => {
    const uses = [...readme.matchAll(/uses: ([^\s@]+)@v1\b/g)].map(m => m[1])
    expect(uses.length).toBeGreaterThanOrEqual(4)
    expect(new Set(uses)).toEqual(new Set(['OWNER/REPO']))
    expect(readme).toContain('**`OWNER/REPO` is a placeholder.**')
    const badges = [
      ...readme.matchAll(
        /https:\/\/github\.com\/([^/]+\/[^/]+)\/actions\/workflows\/([\w.-]+\.yml)\/badge\.svg/g
      )
    ]
    expect(badges.map(m => m[2]).sort()).toEqual(['check-dist.yml', 'ci.yml', 'codeql.yml'])
    for (const [, repo, workflow] of badges) {
      expect(repo).toBe('OWNER/REPO')
      expect(existsSync(join(REPO_ROOT, '.github', 'workflows', workflow ?? ''))).toBe(true)
    }
  })
})

describe('README checks and modes tables', () => {
  it('lists every check id of the code, in order, each with a fix', () => {
    const { header, rows } = tableBetween(readme, '<!-- checks:start -->', '<!-- checks:end -->')
    expect(header[0]).toBe('Check')
    expect(header[header.length - 1]).toBe('How to fix')
    // Each id links to its section of the check reference.
    const ids = rows.map(r => /^\[`([a-z.-]+)`\]\(docs\/checks\.md#([a-z-]+)\)$/.exec(r[0]!))
    expect(ids.map(m => m?.[1])).toEqual([...CHECK_IDS])
    expect(ids.map(m => m?.[2])).toEqual(CHECK_IDS.map(id => id.replace(/\./g, '')))
    expect(rows.filter(r => (r.at(-1) ?? '').length < 20).map(r => r[0]!)).toEqual([])
  })

  it('lists every mode', () => {
    const { rows } = tableBetween(readme, '<!-- modes:start -->', '<!-- modes:end -->')
    const modes = rows.map(r => /^`([a-z]+)`/.exec(r[0]!)?.[1])
    expect(modes).toEqual([...MODES])
  })
})

describe('docs/report.md JSON report example', () => {
  const reportDoc = readFileSync(join(REPO_ROOT, 'docs', 'report.md'), 'utf8')
  const start = reportDoc.indexOf('<!-- report-example:start -->')
  const end = reportDoc.indexOf('<!-- report-example:end -->')
  const block = fencedBlocks(reportDoc.slice(start, end))[0] ?? ''
  const example = JSON.parse(block) as Record<string, unknown>

  const sample: RunResult = {
    mode: 'check',
    result: 'fail',
    status: 'COMPLETED',
    configName: 'cmk-kv-key',
    findings: [{ id: 'key.expiry', outcome: 'fail', detail: 'Soon.', fix: 'Rotate.' }],
    failedChecks: ['key.expiry'],
    actions: [],
    settings: {},
    timings: {},
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:01.000Z'
  }
  const real = buildJsonReport(sample)

  it('is found between its markers', () => {
    expect(start).toBeGreaterThan(-1)
    expect(end).toBeGreaterThan(start)
    expect(block).toBeDefined()
  })

  it('has the keys of a real report, in the same order', () => {
    expect(Object.keys(example)).toEqual(Object.keys(real))
    expect(example.schemaVersion).toBe(real.schemaVersion)
  })

  it('has findings shaped like a real report and check ids the code knows', () => {
    const findings = example.findings as Record<string, unknown>[]
    expect(findings.length).toBeGreaterThan(0)
    for (const finding of findings) {
      expect(Object.keys(finding)).toEqual(Object.keys(real.findings[0] ?? {}))
      expect(CHECK_IDS).toContain(finding.id)
      expect(['pass', 'warn', 'fail']).toContain(finding.outcome)
    }
    const failed = findings.filter(f => f.outcome === 'fail').map(f => f.id)
    expect(example.failedChecks).toEqual(failed)
    expect(example.result).toBe(failed.length > 0 ? 'fail' : 'pass')
  })
})

describe('README for a reader', () => {
  /** The README's lines outside fenced code blocks. */
  function proseLines(text: string): string[] {
    let fenced = false
    return text.split('\n').filter(line => {
      if (/^\s*(`{3,}|~{3,})/.test(line)) {
        fenced = !fenced
        return false
      }
      return !fenced
    })
  }

  it('is under 30 KB', () => {
    expect(Buffer.byteLength(readme, 'utf8')).toBeLessThan(30 * 1024)
  })

  it('has no line over 200 characters outside code blocks', () => {
    expect(proseLines(readme).filter(line => line.length > 200)).toEqual([])
  })

  it('has a table of contents and the purge risk as a warning callout', () => {
    expect(readme).toMatch(/^## Contents$/m)
    expect(readme).toMatch(
      /^> \[!WARNING\]\n> \*\*A mistake in Azure can cost you your data\.\*\*/m
    )
    expect(readme).toContain('purges your organisation')
  })

  it('says when the optional inputs the examples need are required', () => {
    const rows = readmeInputs().rows
    for (const [name, when] of Object.entries(REQUIRED_WHEN))
      expect(rows.find(r => r.name === name)?.required).toBe(when)
  })

  it('holds exactly the tables npm run docs writes from action.yml', () => {
    const actionYaml = readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')
    expect(renderReadme(readme, actionYaml)).toBe(readme)
  })

  it('links only to files that exist', () => {
    const targets = [...readme.matchAll(/\]\(((?!https?:|#)[^)#\s]+)(#[^)]*)?\)/g)].map(m => m[1]!)
    expect(targets.length).toBeGreaterThan(5)
    expect(targets.filter(t => !existsSync(join(REPO_ROOT, t)))).toEqual([])
  })
})

describe('docs/checks.md', () => {
  const checksDoc = readFileSync(join(REPO_ROOT, 'docs', 'checks.md'), 'utf8')

  it('holds exactly what npm run docs writes from the check catalog', () => {
    expect(checksDoc).toBe(renderChecksDoc())
  })

  it('has one heading per check id, in order, each with why Adobe cares and the fix', () => {
    const headings = [...checksDoc.matchAll(/^## `([a-z.-]+)`$/gm)].map(m => m[1])
    expect(headings).toEqual([...CHECK_IDS])
    for (const section of checksDoc.split(/^## /m).slice(1)) {
      expect(section).toContain('**Why Adobe cares:**')
      expect(section).toContain('**Fix:**')
    }
  })
})
