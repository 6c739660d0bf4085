/**
 * Any value as text for a message: strings as they are, objects and arrays as JSON (never
 * "[object Object]"), everything else as String() gives it.
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'object' && value !== null) return JSON.stringify(value) ?? ''
  return String(value)
}
