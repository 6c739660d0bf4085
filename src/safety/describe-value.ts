/**
 * Any value as text for a message: objects and arrays as JSON (never "[object Object]"),
 * everything else (strings included) as String() gives it.
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'object') return JSON.stringify(value) ?? ''
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- objects took the line above
  return String(value)
}
