export const CUT_MARK = ' (cut)'

/**
 * `text` shortened to at most `maxChars` UTF-16 code units, " (cut)" included, when longer: a
 * service's 1.5 MB error detail must not become a 1.5 MB annotation or issue body. Never splits
 * a surrogate pair.
 */
export function capChars(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text
  let end = Math.max(0, maxChars - CUT_MARK.length)
  // charAt(-1) is '': nothing to step back from at the start.
  if (/[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end--
  return text.slice(0, end) + CUT_MARK
}

/** `text` shortened to at most `maxBytes` bytes of UTF-8, " (cut)" included, when larger. */
export function capBytes(text: string, maxBytes: number): string {
  // Buffer's default encoding is UTF-8.
  if (Buffer.byteLength(text) <= maxBytes) return text
  const kept = Buffer.from(text)
    .subarray(0, Math.max(0, maxBytes - CUT_MARK.length))
    .toString()
  // A cut inside a multi-byte character decodes to U+FFFD: drop that partial character.
  return kept.replace(/\uFFFD$/, '') + CUT_MARK
}
