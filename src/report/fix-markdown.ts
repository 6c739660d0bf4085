import { escapeMarkdown, httpsHref } from './markdown.js'

// A backticked span of a fix that a person runs: it gets a copyable code block of its own.
const COMMAND = /^(az|gh|curl|git|npm|npx|terraform|Connect-|New-|Set-|Update-)\b/

/**
 * A fix as Markdown: its commands (backticked spans that start with a CLI, e.g. `az ...`) become
 * fenced code blocks under the prose, which refers to them; other backticked spans stay inline
 * code, https URLs become links, and everything else is escaped text.
 */
export function fixMarkdown(fix: string): string {
  const spans = fix.split(/(`[^`]+`)/)
  const commands = spans
    .filter(s => s.startsWith('`') && COMMAND.test(s.slice(1, -1)))
    .map(s => s.slice(1, -1))
  let n = 0
  const prose = spans
    .map(span => {
      if (!span.startsWith('`')) return proseMarkdown(span)
      const inner = span.slice(1, -1)
      if (!COMMAND.test(inner)) return inlineCode(inner)
      n++
      return commands.length === 1 ? 'the command below' : `command ${n} below`
    })
    .join('')
    .trim()
  return [prose, ...commands.map(command => codeBlock(command))].join('\n\n')
}

/** Escaped text whose https URLs are autolinks. */
export function proseMarkdown(text: string): string {
  return text
    .split(/(https:\/\/[^\s<>"'`]+)/)
    .map((part, i) => {
      if (i % 2 === 0) return escapeMarkdown(part)
      // A sentence's full stop or comma after a URL is not part of it.
      const url = part.replace(/[.,;:)]+$/, '')
      const rest = part.slice(url.length)
      const href = httpsHref(url)
      return (href ? `<${href}>` : escapeMarkdown(url)) + escapeMarkdown(rest)
    })
    .join('')
}

/** Inline code that no content can end early: the fence is longer than any backtick run. */
function inlineCode(text: string): string {
  const fence = '`'.repeat(longestBacktickRun(text) + 1)
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${text.replace(/\r?\n/g, ' ')}${pad}${fence}`
}

/** A fenced code block (`sh` unless told) that no content can end early. */
export function codeBlock(code: string, language = 'sh'): string {
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(code) + 1))
  return `${fence}${language}\n${code}\n${fence}`
}

function longestBacktickRun(text: string): number {
  return Math.max(0, ...(text.match(/`+/g) ?? []).map(run => run.length))
}
