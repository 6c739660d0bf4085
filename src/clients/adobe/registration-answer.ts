import { describeValue } from '../../safety/describe-value.js'
import type { AppRegistration } from '../../model/facts.js'
import { isGuid } from '../../model/identifiers.js'
import { neutralize } from '../../safety/neutralize.js'
import { ServiceError } from '../http/service-error.js'

/**
 * Reads the CMK app registration out of a 200 answer of the registration GET. Only a 404 means
 * "not registered" (Adobe documents no other not-registered answer); a 200 must name the app by
 * its application id, a GUID. Anything else (an empty body, `{}`, `applicationId: null`, an id
 * that is not a GUID) is an error that quotes what came back, and never reads as "not
 * registered": that would make setup register again.
 */
export function parseRegistrationAnswer(call: string, body: unknown): AppRegistration {
  const b =
    body && typeof body === 'object' && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : undefined
  if (!b || !isGuid(b.applicationId))
    throw new ServiceError(
      call,
      200,
      `unexpected answer ${quote(body)}: a registration needs an applicationId (a GUID); only a 404 means the CMK app is not registered`
    )
  const redirectUrl = b.applicationRedirectUrl
  if (redirectUrl !== undefined && redirectUrl !== null && !isHttpsUrl(redirectUrl))
    throw new ServiceError(
      call,
      200,
      `unexpected applicationRedirectUrl ${quote(redirectUrl)}: not an https URL`
    )
  return {
    applicationId: b.applicationId,
    applicationRedirectUrl: typeof redirectUrl === 'string' ? redirectUrl : undefined,
    name: typeof b.name === 'string' ? b.name : undefined
  }
}

function isHttpsUrl(value: unknown): value is string {
  if (typeof value !== 'string' || /[\s\p{Cc}]/u.test(value)) return false
  try {
    return new URL(value).protocol === 'https:'
  } catch {
    return false
  }
}

/** What came back, short and on one line. */
function quote(value: unknown): string {
  if (value === undefined) return '(an empty body)'
  const text = describeValue(value)
  return neutralize(text.length > 200 ? `${text.slice(0, 200)}…` : text)
}
