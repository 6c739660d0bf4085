/**
 * Why a redirect was not followed, naming where it pointed: every request the action makes
 * carries a client secret or a token, and following a redirect would send it to that host.
 */
export function redirectRefusal(location: string | null | undefined, requestUrl: string): string {
  if (!location) return 'a redirect without a Location; the action does not follow redirects'
  let host: string
  try {
    const target = new URL(location, requestUrl)
    host = `${target.protocol === 'https:' ? '' : `${target.protocol}//`}${target.host}`
  } catch {
    host = 'an invalid location'
  }
  return `a redirect to ${host}; the action does not follow redirects, since its requests carry credentials`
}
