import type { Host, RunnerContext } from '../src/host/host.js'
import { safeHost } from '../src/host/safe-host.js'
import type { HttpContext } from '../src/clients/http/http-context.js'
import type { Log } from '../src/model/log.js'

/** Everything a run handed its host, in order, after the host's safety rules applied. */
export interface FakeHostRecord {
  lines: string[]
  annotations: Array<{ level: 'error' | 'warning'; message: string; title: string }>
  outputs: Record<string, string>
  summary: string
  masked: string[]
  failure?: string | undefined
}

/** A host for tests: inputs from a map, everything it is told kept in `record`. */
export function fakeHost(
  inputs: Readonly<Record<string, string>> = {},
  options: {
    env?: Record<string, string | undefined>
    context?: RunnerContext
    idToken?: (audience: string) => Promise<string>
  } = {}
): { host: Host; record: FakeHostRecord } {
  const record: FakeHostRecord = {
    lines: [],
    annotations: [],
    outputs: {},
    summary: '',
    masked: []
  }
  const host = safeHost({
    input: name => (inputs[name] ?? '').trim(),
    env: options.env ?? {},
    context: options.context ?? {},
    debug: text => record.lines.push(`debug: ${text}`),
    info: text => record.lines.push(text),
    warning: text => record.lines.push(`warning: ${text}`),
    error: text => record.lines.push(`error: ${text}`),
    annotate: (level, message, title) => record.annotations.push({ level, message, title }),
    group: async (name, work) => {
      record.lines.push(name)
      return work()
    },
    setOutput: (name, value) => {
      record.outputs[name] = value
    },
    writeSummary: async markdown => {
      record.summary += markdown
    },
    mask: form => record.masked.push(form),
    idToken: options.idToken ?? (() => Promise.reject(new Error('no ID token in this test'))),
    fail: message => {
      record.failure = message
    }
  })
  return { host, record }
}

/** A log that keeps its lines. */
export function recordingLog(): Log & { lines: string[] } {
  const lines: string[] = []
  return {
    lines,
    debug: text => lines.push(`debug: ${text}`),
    info: text => lines.push(text),
    warning: text => lines.push(`warning: ${text}`)
  }
}

/** The HTTP context of a test: production tuning unless given, a log that keeps its lines. */
export function testHttp(
  overrides: { signal?: AbortSignal; retryScale?: number; httpTimeoutMs?: number } = {}
): HttpContext & { log: ReturnType<typeof recordingLog> } {
  return {
    signal: overrides.signal ?? new AbortController().signal,
    log: recordingLog(),
    tuning: {
      retryScale: overrides.retryScale ?? 1,
      httpTimeoutMs: overrides.httpTimeoutMs ?? 30_000
    }
  }
}
