import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The floors of docs/architecture.md: a module imports only from floors below its own (or its
 * own folder). Type-only imports count too: a type that points up is a concept on the wrong floor.
 */
const FLOOR: Record<string, number> = {
  model: 0,
  safety: 0,
  host: 1,
  inputs: 1,
  clients: 2,
  facts: 3,
  checks: 4,
  actions: 5,
  report: 5,
  run: 6,
  summarize: 6,
  'main.ts': 7,
  cli: 8,
  'cli.ts': 9,
  'index.ts': 9
}

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return entry.name.endsWith('.ts') ? [path] : []
  })
}

/** The floor a path inside src/ is on: its top folder, or the entry file itself. */
function floorOf(path: string): string {
  return relative(SRC, path).split(sep)[0]!
}

interface Edge {
  file: string
  from: string
  to: string
}

function importEdges(): Edge[] {
  return sourceFiles(SRC).flatMap(file => {
    const text = readFileSync(file, 'utf8')
    const specifiers = [...text.matchAll(/(?:from|import\(|^import)\s*'(\.{1,2}\/[^']+)'/gm)].map(
      m => m[1]!
    )
    return specifiers
      .map(spec => join(dirname(file), spec.replace(/\.js$/, '.ts')))
      .filter(target => relative(SRC, target).split(sep)[0] !== '..')
      .map(target => ({ file: relative(SRC, file), from: floorOf(file), to: floorOf(target) }))
      .filter(edge => edge.from !== edge.to)
  })
}

describe('the floors of src/', () => {
  const edges = importEdges()

  it('knows the floor of every folder and entry file in src/', () => {
    const floors = readdirSync(SRC)
    expect(floors.filter(name => FLOOR[name] === undefined)).toEqual([])
    expect(edges.length).toBeGreaterThan(50)
  })

  it('imports only downwards', () => {
    const upward = edges
      .filter(edge => FLOOR[edge.to]! >= FLOOR[edge.from]!)
      .map(
        edge => `${edge.file} imports ${edge.to} (floor ${FLOOR[edge.to]} >= ${FLOOR[edge.from]})`
      )
    expect(upward).toEqual([])
  })

  it('keeps @actions/core to the GitHub Actions host and the entry', () => {
    const importers = sourceFiles(SRC)
      .filter(file =>
        /from '@actions\/core'|import\('@actions\/core'\)/.test(readFileSync(file, 'utf8'))
      )
      .map(file => relative(SRC, file).split(sep).join('/'))
    expect(importers.sort()).toEqual(['host/actions-host.ts', 'index.ts'])
  })

  it('reads the environment only in the GitHub Actions host and the command-line entry', () => {
    const readers = sourceFiles(SRC)
      .filter(file => /process\.env\b/.test(readFileSync(file, 'utf8')))
      .map(file => relative(SRC, file).split(sep).join('/'))
    expect(readers.sort()).toEqual(['cli.ts', 'host/actions-host.ts'])
  })
})
