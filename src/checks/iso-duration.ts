/** An ISO 8601 duration (P1Y2M10DT2H30M, P4W) by its fields. */
export interface Duration {
  years: number
  months: number
  days: number
  hours: number
  minutes: number
  seconds: number
}

const PATTERN =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i

/** Undefined for anything that is not an ISO 8601 duration with at least one field. */
export function parseDuration(text: string): Duration | undefined {
  const m = PATTERN.exec(text.trim())
  if (!m || text.trim().toUpperCase() === 'P' || /T$/i.test(text.trim())) return undefined
  const n = (i: number) => Number(m[i] ?? 0)
  return {
    years: n(1),
    months: n(2),
    days: n(3) * 7 + n(4),
    hours: n(5),
    minutes: n(6),
    seconds: n(7)
  }
}

/** Calendar arithmetic in UTC: a month is a calendar month, as Key Vault counts it. */
export function addDuration(date: Date, d: Duration, sign: 1 | -1 = 1): Date {
  const result = new Date(date.getTime())
  result.setUTCFullYear(result.getUTCFullYear() + sign * d.years)
  result.setUTCMonth(result.getUTCMonth() + sign * d.months)
  result.setUTCDate(result.getUTCDate() + sign * d.days)
  const ms = ((d.hours * 60 + d.minutes) * 60 + d.seconds) * 1000
  return new Date(result.getTime() + sign * ms)
}

export function subtractDuration(date: Date, d: Duration): Date {
  return addDuration(date, d, -1)
}
