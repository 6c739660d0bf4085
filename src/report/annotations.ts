import type { Finding } from '../checks/finding.js'

/** The part of @actions/core that annotations need. */
export interface AnnotationSink {
  error(message: string, properties: { title: string }): void
  warning(message: string, properties: { title: string }): void
}

/**
 * One annotation per failed or warned check, titled with the check id. With strict, warnings
 * fail the job, so they are reported as errors.
 */
export function annotate(findings: Finding[], strict: boolean, sink: AnnotationSink): void {
  for (const f of findings) {
    if (f.outcome === 'pass') continue
    const message = f.fix ? `${asSentence(f.detail)} Fix: ${f.fix}` : f.detail
    if (f.outcome === 'fail' || strict) sink.error(message, { title: f.id })
    else sink.warning(message, { title: f.id })
  }
}

/** Ends the detail with a full stop, so that " Fix: …" starts a new sentence. */
function asSentence(detail: string): string {
  const trimmed = detail.trim()
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`
}
