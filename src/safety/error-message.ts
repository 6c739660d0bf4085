import { describeValue } from './describe-value.js'

/** The message of whatever was thrown: an Error's (or any object's) message, else the value as text. */
export function errorMessage(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error)
    return describeValue(error.message)
  return describeValue(error)
}
