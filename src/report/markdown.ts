const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' }

// Characters that start inline Markdown constructs (emphasis, code, links, images,
// strikethrough, table cells) or, with `\` itself, could undo the escaping.
const MARKDOWN_PUNCTUATION = /[\\`*_[\]()|~!#]/g

// Block constructs recognised at the start of a line: lists, setext underlines, ordered lists.
const LEADING_BLOCK_MARKER = /^(\s*)([-+=]|\d+(?=[.)]))/

/**
 * Makes a service-provided string safe to place inline in GitHub-flavoured Markdown: HTML is
 * shown as text, Markdown punctuation is backslash-escaped and line breaks become `<br>`, so
 * the value can neither add markup nor start a new block.
 */
export function escapeMarkdown(text: string): string {
  return String(text)
    .replace(/[&<>]/g, c => HTML_ENTITIES[c] ?? c)
    .replace(MARKDOWN_PUNCTUATION, c => `\\${c}`)
    .replace(LEADING_BLOCK_MARKER, (_, space: string, marker: string) =>
      /^\d/.test(marker) ? `${space}${marker}\\` : `${space}\\${marker}`
    )
    .replace(/\r\n|\r|\n/g, '<br>')
}

/** Like escapeMarkdown, for a cell of a Markdown table row (pipes and line breaks included). */
export function escapeTableCell(text: string): string {
  return escapeMarkdown(String(text).trim())
}

/**
 * An https URL made safe as a link target, or undefined for anything else (javascript:, http:,
 * text that is not a URL): it is then shown as text, never linked.
 */
export function httpsHref(url: string): string | undefined {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return undefined
  }
  if (parsed.protocol !== 'https:') return undefined
  // URL already percent-encodes spaces, quotes and angle brackets; these would end the link.
  return parsed.href.replace(/[()[\]\\<>]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}
