import type { KeyDate, KeyFacts } from '../model/facts.js'
import type { CheckId, Finding } from '../model/finding.js'
import { azKey, currentVersion, dataPlaneNote, suggestedExpiry } from './key-commands.js'
import type { KeyCheckContext } from './key-checks.js'

type DateAttribute = 'notBefore' | 'expiresOn' | 'createdOn'

/** ARM's names for the key's date attributes, as the detail quotes them. */
const ARM_ATTRIBUTE: Readonly<Record<DateAttribute, string>> = {
  notBefore: 'attributes.notBefore',
  expiresOn: 'attributes.expires',
  createdOn: 'attributes.created'
}

export type KeyDates = Partial<Record<DateAttribute, Date>>

/**
 * The dates a check reads, or, when the service sent one that is no date (the reader keeps such
 * a value as sent), what it sent for each: that check cannot be decided, every other one can.
 */
export function keyDates(
  key: KeyFacts,
  attributes: readonly DateAttribute[]
): { ok: true; dates: KeyDates } | { ok: false; unusable: Partial<Record<DateAttribute, string>> } {
  const dates: KeyDates = {}
  const unusable: Partial<Record<DateAttribute, string>> = {}
  for (const attribute of attributes) {
    const value: KeyDate | undefined = key[attribute]
    if (value instanceof Date) dates[attribute] = value
    else if (value !== undefined) unusable[attribute] = value.unusable
  }
  return Object.keys(unusable).length === 0 ? { ok: true, dates } : { ok: false, unusable }
}

/** A check whose dates are no dates: a warning that quotes them, and how to see and set them. */
export function unusableDatesFinding(
  id: CheckId,
  key: KeyFacts,
  unusable: Partial<Record<DateAttribute, string>>,
  ctx: KeyCheckContext
): Finding {
  const seen = Object.entries(unusable)
    .map(([attribute, value]) => `${ARM_ATTRIBUTE[attribute as DateAttribute]} ${value}`)
    .join(' and ')
  return {
    id,
    outcome: 'warn',
    detail: `This cannot be decided: for key ${key.name} (version ${key.version}) Azure Resource Manager answered ${seen}, which is no date (Unix seconds of the years 1 to 9999).`,
    fix: `Look at the key's dates with ${azKey(ctx, 'show', '--query attributes')}; if they are wrong, set them, e.g. ${azKey(ctx, 'set-attributes', `--expires ${suggestedExpiry(ctx)}`)}, or rotate the key. ${dataPlaneNote(ctx, currentVersion(ctx, 'Set expiration date'))}`,
    evidence: { unusableDates: unusable }
  }
}
