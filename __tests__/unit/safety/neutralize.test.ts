import { neutralize } from '../../../src/safety/neutralize.js'

describe('neutralize', () => {
  it('keeps ordinary text as it is', () => {
    expect(neutralize('cmk-kv-aep-cmk-prod-aep-cmk-key: COMPLETED')).toBe(
      'cmk-kv-aep-cmk-prod-aep-cmk-key: COMPLETED'
    )
    expect(neutralize('a\ttab')).toBe('a\ttab')
  })

  it('writes line breaks and other control characters as escapes, so the value stays on one line', () => {
    expect(neutralize('x\n::error::injected\r\n::stop-commands::t\rend')).toBe(
      'x\\n::error::injected\\r\\n::stop-commands::t\\rend'
    )
    expect(neutralize('bell\u0007 esc\u001b nel\u0085 ls\u2028 ps\u2029')).toBe(
      'bell\\u0007 esc\\u001b nel\\u0085 ls\\u2028 ps\\u2029'
    )
  })

  it('escapes a leading :: (after white space) so that the line is not a workflow command', () => {
    expect(neutralize('::add-mask::x')).toBe('\\::add-mask::x')
    expect(neutralize('  ::stop-commands::t')).toBe('  \\::stop-commands::t')
    expect(neutralize('a::b')).toBe('a::b')
  })
})

describe('neutralize: command forms read anywhere in a line', () => {
  it("breaks GitHub's legacy ##[cmd] form wherever it stands", () => {
    const status = 'RUNNING ##[set-output name=issue-url;]https://evil.example'
    const out = neutralize(status)
    expect(out).not.toContain('##[')
    expect(out).toBe('RUNNING #\\#[set-output name=issue-url;]https://evil.example')
    expect(neutralize('##[error]x')).toBe('#\\#[error]x')
  })

  it("breaks Azure Pipelines' ##vso[ logging commands, in any case", () => {
    expect(neutralize('ok ##vso[task.setvariable variable=x]y')).toBe(
      'ok #\\#vso[task.setvariable variable=x]y'
    )
    expect(neutralize('a ##VSO[task.complete result=Succeeded]')).not.toMatch(/##vso\[/i)
  })

  it('breaks every occurrence, including runs of more than two #', () => {
    const out = neutralize('###[a] ####vso[b] ##[c]')
    expect(out).not.toMatch(/##(vso)?\[/i)
  })

  it('leaves a # that starts no command alone', () => {
    expect(neutralize('issue #42 ## heading [x]')).toBe('issue #42 ## heading [x]')
  })
})

describe('neutralize: format characters a culture-sensitive search may skip', () => {
  it('writes zero-width and other format characters as escapes, so no command can hide behind one', () => {
    expect(neutralize('a #\u200B#[set-output name=x;]y')).toBe('a #\\u200b#[set-output name=x;]y')
    expect(neutralize('\u00AD::error::x')).toBe('\\u00ad::error::x')
    expect(neutralize('\uFEFF##vso[task.complete]')).toBe('\\ufeff#\\#vso[task.complete]')
  })
})
