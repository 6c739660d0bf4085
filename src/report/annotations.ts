import type { CheckId, Finding } from '../model/finding.js'
import { neutralize } from '../safety/neutralize.js'
import { skippedBy } from './skipped-lines.js'

/** The part of @actions/core that annotations need. */
export interface AnnotationSink {
  error(message: string, properties: { title: string }): void
  warning(message: string, properties: { title: string }): void
}

/**
 * One annotation per failed or warned check, titled with the check id; skipped checks get none
 * of their own: the check that blocked them says so. With strict, warnings fail the job, so
 * they are reported as errors.
 */
export function annotate(findings: Finding[], strict: boolean, sink: AnnotationSink): void {
  const blocked = skippedBy(findings)
  for (const f of findings) {
    if (f.outcome === 'pass' || f.outcome === 'skipped') continue
    // Details and fixes quote services: an annotation is one log line, neutralized like any other.
    const message = neutralize(
      [asSentence(f.detail), f.fix && `Fix: ${f.fix}`, blockedNote(blocked.get(f.id))]
        .filter(Boolean)
        .join(' ')
    )
    if (f.outcome === 'fail' || strict) sink.error(message, { title: f.id })
    else sink.warning(message, { title: f.id })
  }
}

function blockedNote(ids: CheckId[] | undefined): string | undefined {
  if (!ids || ids.length === 0) return undefined
  const checks = ids.length === 1 ? '1 check' : `${ids.length} checks`
  return `It blocked ${checks} (skipped until it passes): ${ids.join(', ')}.`
}

/** Ends the detail with a full stop, so that " Fix: …" starts a new sentence. */
function asSentence(detail: string): string {
  const trimmed = detail.trim()
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`
}
