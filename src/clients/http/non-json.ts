/** What came back instead of JSON: its media type and its first characters, on one line. */
export function describeNonJson(text: string, contentType: string | null | undefined): string {
  const media = (contentType ?? '').replace(/;.*$/s, '').trim() || 'no Content-Type'
  const title = /<title[^>]*>([^<]{1,120})<\/title>/i.exec(text)?.[1]?.trim()
  const start = text.replace(/\s+/g, ' ').trim().slice(0, 120)
  return title ? `${media}, an HTML page titled "${title}"` : `${media}, starting "${start}"`
}
