import type { CheckId, Finding } from '../model/finding.js'
import { skippedBy } from './skipped-lines.js'

/** One annotation: its level, message and title (the check id). */
export type Annotation = [level: 'error' | 'warning', message: string, title: CheckId]

/**
 * One annotation per failed or warned check, titled with the check id; skipped checks get none
 * of their own: the check that blocked them says so. With strict, warnings fail the job, so
 * they are reported as errors.
 */
export function annotationsFor(findings: Finding[], strict: boolean): Annotation[] {
  const blocked = skippedBy(findings)
  const annotations: Annotation[] = []
  for (const f of findings) {
    if (f.outcome === 'pass' || f.outcome === 'skipped') continue
    const message = [asSentence(f.detail), f.fix && `Fix: ${f.fix}`, blockedNote(blocked.get(f.id))]
      .filter(Boolean)
      .join(' ')
    annotations.push([f.outcome === 'fail' || strict ? 'error' : 'warning', message, f.id])
  }
  return annotations
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
