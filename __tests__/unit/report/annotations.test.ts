import { jest } from '@jest/globals'
import type { Finding } from '../../../src/model/finding.js'
import { annotate, type AnnotationSink } from '../../../src/report/annotations.js'
import { skipped } from '../../../src/checks/skipped.js'

const findings: Finding[] = [
  { id: 'vault.found', outcome: 'pass', detail: 'Vault exists.' },
  { id: 'key.size', outcome: 'fail', detail: 'RSA 2048 bits.', fix: 'Use a 3072-bit key.' },
  { id: 'vault.adobe-ip', outcome: 'warn', detail: 'Adobe IP not allowed.', fix: 'Allow it.' },
  { id: 'app.role', outcome: 'warn', detail: 'Roles could not be read.' }
]

function sink() {
  return {
    error: jest.fn<AnnotationSink['error']>(),
    warning: jest.fn<AnnotationSink['warning']>()
  }
}

describe('annotate', () => {
  it('annotates failed checks as errors and warned ones as warnings', () => {
    const s = sink()
    annotate(findings, false, s)
    expect(s.error.mock.calls).toEqual([
      ['RSA 2048 bits. Fix: Use a 3072-bit key.', { title: 'key.size' }]
    ])
    expect(s.warning.mock.calls).toEqual([
      ['Adobe IP not allowed. Fix: Allow it.', { title: 'vault.adobe-ip' }],
      ['Roles could not be read.', { title: 'app.role' }]
    ])
  })

  it('reports warnings as errors with strict', () => {
    const s = sink()
    annotate(findings, true, s)
    expect(s.warning).not.toHaveBeenCalled()
    expect(s.error.mock.calls.map(c => c[1].title)).toEqual([
      'key.size',
      'vault.adobe-ip',
      'app.role'
    ])
  })

  it('gives skipped checks no annotation; the blocking check names what it blocked', () => {
    const s = sink()
    annotate(
      [
        { id: 'vault.found', outcome: 'fail', detail: 'Vault gone.', fix: 'Check the name.' },
        skipped('vault.rbac', 'vault.found'),
        skipped('key.found', 'vault.found')
      ],
      true,
      s
    )
    expect(s.warning).not.toHaveBeenCalled()
    expect(s.error.mock.calls).toEqual([
      [
        'Vault gone. Fix: Check the name. It blocked 2 checks (skipped until it passes): vault.rbac, key.found.',
        { title: 'vault.found' }
      ]
    ])
  })

  it('makes no annotation when every check passed', () => {
    const s = sink()
    annotate([findings[0]!], true, s)
    expect(s.error).not.toHaveBeenCalled()
    expect(s.warning).not.toHaveBeenCalled()
  })
})
