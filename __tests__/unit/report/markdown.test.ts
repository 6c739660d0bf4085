import { escapeMarkdown, escapeTableCell } from '../../../src/report/markdown.js'

describe('escapeMarkdown', () => {
  it('shows HTML as text', () => {
    const out = escapeMarkdown('<img src=x onerror=alert(1)>')
    expect(out).not.toMatch(/[<>]/)
    expect(out).toBe('&lt;img src=x onerror=alert\\(1\\)&gt;')
  })

  it('escapes ampersands so existing entities stay literal', () => {
    expect(escapeMarkdown('a &lt; b & c')).toBe('a &amp;lt; b &amp; c')
  })

  it('breaks links and images', () => {
    const out = escapeMarkdown('[link](javascript:alert(1)) ![i](https://x/y.png)')
    expect(out).toBe('\\[link\\]\\(javascript:alert\\(1\\)\\) \\!\\[i\\]\\(https://x/y.png\\)')
    expect(out).not.toMatch(/(^|[^\\])\[/)
  })

  it('escapes emphasis, code, strikethrough and backslashes', () => {
    expect(escapeMarkdown('*a* _b_ `c` ~~d~~ \\')).toBe(
      '\\*a\\* \\_b\\_ \\`c\\` \\~\\~d\\~\\~ \\\\'
    )
  })

  it('turns line breaks into <br> so a value cannot start a block', () => {
    const out = escapeMarkdown('line one\n# heading\r\n- item\rend')
    expect(out).not.toMatch(/[\r\n]/)
    expect(out).toBe('line one<br>\\# heading<br>- item<br>end')
  })

  it('escapes a block marker at the start of the value', () => {
    expect(escapeMarkdown('- item')).toBe('\\- item')
    expect(escapeMarkdown('+ item')).toBe('\\+ item')
    expect(escapeMarkdown('12. item')).toBe('12\\. item')
    expect(escapeMarkdown('# title')).toBe('\\# title')
    expect(escapeMarkdown('> quote')).toBe('&gt; quote')
  })

  it('leaves plain text, ids and URLs readable', () => {
    expect(escapeMarkdown('Key my-key in vault kv-prod-01 is enabled.')).toBe(
      'Key my-key in vault kv-prod-01 is enabled.'
    )
    expect(escapeMarkdown('https://kv.vault.azure.net/keys/k/0123')).toBe(
      'https://kv.vault.azure.net/keys/k/0123'
    )
  })
})

describe('escapeTableCell', () => {
  it('keeps a pipe from adding a column', () => {
    const out = escapeTableCell('| col | other')
    expect(out).toBe('\\| col \\| other')
    expect(out.replace(/\\\|/g, '')).not.toContain('|')
  })

  it('keeps a newline from ending the row', () => {
    expect(escapeTableCell('a\n| --- |\nb')).toBe('a<br>\\| --- \\|<br>b')
  })

  it('trims surrounding whitespace', () => {
    expect(escapeTableCell('  value  ')).toBe('value')
  })
})
