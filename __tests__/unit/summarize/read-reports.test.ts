import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MAX_REPORT_BYTES, readReports } from '../../../src/summarize/read-reports.js'
import { sampleReport } from './sample-reports.js'

let root: string
let workspace: string

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'aep-cmk-read-'))
  workspace = join(root, 'workspace')
  mkdirSync(join(workspace, 'reports', 'nested'), { recursive: true })
  writeFileSync(join(workspace, 'reports', 'a.json'), JSON.stringify(sampleReport()))
  writeFileSync(
    join(workspace, 'reports', 'nested', 'b.json'),
    JSON.stringify(sampleReport({ vault: 'kv-b' }))
  )
  writeFileSync(join(workspace, 'reports', 'huge.json'), ' '.repeat(MAX_REPORT_BYTES + 1))
  mkdirSync(join(workspace, 'reports', 'dir.json'))
  execFileSync('mkfifo', [join(workspace, 'reports', 'pipe.json')])
  writeFileSync(join(root, 'secret.json'), JSON.stringify(sampleReport({ vault: 'kv-secret' })))
  symlinkSync(join(root, 'secret.json'), join(workspace, 'reports', 'link.json'))
})

afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('readReports', () => {
  it('reads what the patterns match inside the workspace, naming every file it cannot use', async () => {
    const read = await readReports(['reports/**/*.json'], workspace)
    expect(read.targets.map(t => t.file).sort()).toEqual([
      'reports/a.json',
      'reports/nested/b.json'
    ])
    expect(read.unusable.sort((a, b) => a.file.localeCompare(b.file))).toEqual([
      {
        file: 'reports/huge.json',
        reason: `too large: ${MAX_REPORT_BYTES + 1} bytes, over the ${MAX_REPORT_BYTES}-byte limit for one report`
      },
      { file: 'reports/link.json', reason: 'outside the workspace (a symbolic link leads there)' },
      { file: 'reports/pipe.json', reason: 'not a regular file' }
    ])
    // The directory that matches the pattern is not a file: neither read nor counted.
    expect(read.matched).toBe(5)
  })

  it('reads a file once when several patterns match it', async () => {
    const read = await readReports(['reports/a.json', 'reports/*.json'], workspace)
    expect(read.targets.filter(t => t.file === 'reports/a.json')).toHaveLength(1)
  })

  it('matches nothing when nothing is there', async () => {
    expect(await readReports(['none/*.json'], workspace)).toEqual({
      matched: 0,
      targets: [],
      unusable: []
    })
  })
})
