import { capBytes, capChars } from '../safety/cap.js'
import { neutralize } from '../safety/neutralize.js'
import { onSecret, redact, registerSecret } from '../safety/secrets.js'
import type { AnnotationLevel, Host } from './host.js'

/** What a platform offers, raw: {@link safeHost} makes every text safe before it gets there. */
export interface HostSinks extends Host {
  /** Tells the platform to hide this exact string wherever it would show it. */
  mask(form: string): void
}

/** A step shows its annotations one line each: a few KiB is plenty for a finding. */
export const ANNOTATION_MAX_CHARS = 4096
/** GitHub refuses a step's summary over 1 MiB; the rest of the summary must still fit. */
export const SUMMARY_MAX_BYTES = 1024 * 1024 - 1024
/** One log line: a service's 1.5 MB error detail does not need to be logged whole. */
export const LOG_LINE_MAX_CHARS = 64 * 1024

/**
 * Every line made inert on its own: a multi-line message keeps its lines, but none of them can
 * start a workflow command, nor carry a legacy `##[` or `##vso[` command anywhere.
 */
function inertLines(text: string): string {
  return text
    .split(/\r\n|\n|\r/)
    .map(line => neutralize(line))
    .join('\n')
}

const lines = (text: string, max: number): string => capChars(inertLines(redact(text)), max)
const oneLine = (text: string, max: number): string => capChars(neutralize(redact(text)), max)

/**
 * The one place where the safety rules hold for every sink: secrets are masked in the
 * platform's log as soon as they are known and redacted from every text, every text is
 * neutralized line by line, and sizes are capped (annotations to a few KiB, the summary under
 * GitHub's 1 MiB per step). Outputs are single-line values: a workflow may echo one.
 */
export function safeHost(sinks: HostSinks): Host {
  onSecret(form => sinks.mask(form))
  const annotate = (level: AnnotationLevel, message: string, title: string): void =>
    sinks.annotate(level, lines(message, ANNOTATION_MAX_CHARS), oneLine(title, 200))
  return {
    input: name => sinks.input(name),
    env: sinks.env,
    context: sinks.context,
    debug: text => sinks.debug(lines(text, LOG_LINE_MAX_CHARS)),
    info: text => sinks.info(lines(text, LOG_LINE_MAX_CHARS)),
    warning: text => sinks.warning(lines(text, ANNOTATION_MAX_CHARS)),
    error: text => sinks.error(lines(text, ANNOTATION_MAX_CHARS)),
    annotate,
    group: (name, work) => sinks.group(oneLine(name, 200), work),
    setOutput: (name, value) => sinks.setOutput(name, neutralize(redact(value))),
    writeSummary: markdown => sinks.writeSummary(capBytes(redact(markdown), SUMMARY_MAX_BYTES)),
    idToken: async audience => {
      const token = await sinks.idToken(audience)
      // Masked and redacted before anything could print it.
      registerSecret(token)
      return token
    },
    fail: message => sinks.fail(lines(message, ANNOTATION_MAX_CHARS))
  }
}
