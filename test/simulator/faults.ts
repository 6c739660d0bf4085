import type { ServiceName, SimRequest } from './context.js'
import type { Scenario } from './scenario.js'

/**
 * What a fault does instead of (or, with `after: 'send'`, after) the normal handling:
 * a raw answer (headers and body may be computed when it answers, e.g. to echo the request or
 * to date a Retry-After), a 200 with invalid
 * JSON, a dropped connection, a delay before answering, or a 200 JSON body that never ends
 * (sent as fast as the client reads it, until the client hangs up).
 */
export type FaultAction =
  | {
      status: number
      /** A function is called as the answer is sent (e.g. a Retry-After date relative to then, or a body that echoes the request). */
      headers?: Record<string, string> | ((req: SimRequest) => Record<string, string>)
      // eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents -- the function form documents that a body may be computed per request
      body?: unknown | ((req: SimRequest) => unknown)
    }
  | 'malformed'
  | 'reset'
  | 'endless'
  | { delayMs: number }
  /**
   * Another client's write landing at the same moment: `change` is applied to the state just
   * before the request is handled (or, with `after: 'send'`, just after), and the request is
   * answered normally. Two writers racing a read-modify-write are made with it.
   */
  | { change: (state: Scenario) => void }

export interface FaultRule {
  service?: ServiceName | undefined
  method?: string | undefined
  /** A string matches the whole path (a trailing slash ignored); use a RegExp for anything else. */
  path?: string | RegExp | undefined
  /** How many matching requests it hits; unlimited when absent. */
  times?: number | undefined
  /** 'send': handle the request normally (state changes happen), then answer with the fault. */
  after?: 'send' | undefined
  action: FaultAction
}

export function faultMatches(rule: FaultRule, req: SimRequest): boolean {
  if (rule.times !== undefined && rule.times <= 0) return false
  if (rule.service && rule.service !== req.service) return false
  if (rule.method && rule.method.toUpperCase() !== req.method) return false
  if (rule.path instanceof RegExp) return rule.path.test(req.path)
  if (typeof rule.path === 'string') {
    return rule.path.replace(/\/+$/, '') === req.path.replace(/\/+$/, '')
  }
  return true
}

/** The first live rule for the request, spending one of its `times`. */
export function takeFault(rules: FaultRule[], req: SimRequest): FaultRule | undefined {
  const rule = rules.find(r => faultMatches(r, req))
  if (rule && rule.times !== undefined) rule.times--
  return rule
}
