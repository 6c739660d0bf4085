import type { Finding } from '../../../src/model/finding.js'
import { annotationsFor } from '../../../src/report/annotations.js'
import { skipped } from '../../../src/checks/skipped.js'

const findings: Finding[] = [
  { id: 'vault.found', outcome: 'pass', detail: 'Vault exists.' },
  { id: 'key.size', outcome: 'fail', detail: 'RSA 2048 bits.', fix: 'Use a 3072-bit key.' },
  { id: 'vault.adobe-ip', outcome: 'warn', detail: 'Adobe IP not allowed.', fix: 'Allow it.' },
  { id: 'app.role', outcome: 'warn', detail: 'Roles could not be read.' }
]

describe('annotationsFor', () => {
  it('annotates failed checks as errors and warned ones as warnings', () => {
    expect(annotationsFor(findings, false)).toEqual([
      ['error', 'RSA 2048 bits. Fix: Use a 3072-bit key.', 'key.size'],
      ['warning', 'Adobe IP not allowed. Fix: Allow it.', 'vault.adobe-ip'],
      ['warning', 'Roles could not be read.', 'app.role']
    ])
  })

  it('reports warnings as errors with strict', () => {
    const annotations = annotationsFor(findings, true)
    expect(annotations.map(([level]) => level)).toEqual(['error', 'error', 'error'])
    expect(annotations.map(([, , title]) => title)).toEqual([
      'key.size',
      'vault.adobe-ip',
      'app.role'
    ])
  })

  it('gives skipped checks no annotation; the blocking check names what it blocked', () => {
    expect(
      annotationsFor(
        [
          { id: 'vault.found', outcome: 'fail', detail: 'Vault gone.', fix: 'Check the name.' },
          skipped('vault.rbac', 'vault.found'),
          skipped('key.found', 'vault.found')
        ],
        true
      )
    ).toEqual([
      [
        'error',
        'Vault gone. Fix: Check the name. It blocked 2 checks (skipped until it passes): vault.rbac, key.found.',
        'vault.found'
      ]
    ])
  })

  it('makes no annotation when every check passed', () => {
    expect(annotationsFor([findings[0]!], true)).toEqual([])
  })
})
