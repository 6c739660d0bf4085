import type {
  ConfigSubmission,
  PlatformClient
} from '../../../src/clients/adobe/platform-client.js'
import type { Clock } from '../../../src/actions/poll-schedule.js'
import type { AdobeConfig, AppRegistration } from '../../../src/model/facts.js'

/** A clock whose sleeps pass at once and move its time on; records every sleep. */
export function fakeClock(): Clock & { sleeps: number[] } {
  let now = 0
  const sleeps: number[] = []
  return {
    sleeps,
    now: () => now,
    sleep: async ms => {
      sleeps.push(ms)
      now += ms
    }
  }
}

/** One scripted answer: a value, or an error to throw. */
export type Answer<T> = T | { throws: unknown }

function answer<T>(script: Array<Answer<T>>, last: Answer<T>): T {
  const next = script.length > 0 ? script.shift()! : last
  if (next !== null && typeof next === 'object' && 'throws' in next) throw next.throws
  return next
}

/**
 * Adobe's Platform endpoints answering from scripts, one answer per call (the last one repeats
 * once a script runs out); records every call in order.
 */
export function fakePlatform(script: {
  getConfig?: Array<Answer<AdobeConfig | null>>
  submitConfig?: Array<Answer<AdobeConfig>>
  getRegistration?: Array<Answer<AppRegistration | null>>
  registerApp?: Array<Answer<undefined>>
}) {
  const calls: string[] = []
  const lastOf = <T>(list: Array<Answer<T>> | undefined, fallback: Answer<T>): Answer<T> =>
    list && list.length > 0 ? list[list.length - 1]! : fallback
  const lastConfig = lastOf(script.getConfig, null)
  const lastRegistration = lastOf(script.getRegistration, null)
  const platform = {
    getConfig: async (name: string) => {
      calls.push(`GET config ${name}`)
      return answer(script.getConfig ?? [], lastConfig)
    },
    submitConfig: async (submission: ConfigSubmission) => {
      calls.push(`POST config ${JSON.stringify(submission)}`)
      const stored: AdobeConfig = { name: submission.name, status: 'NEW' }
      return answer(script.submitConfig ?? [], stored)
    },
    getRegistration: async () => {
      calls.push('GET registration')
      return answer(script.getRegistration ?? [], lastRegistration)
    },
    registerApp: async () => {
      calls.push('POST registration')
      answer(script.registerApp ?? [], undefined)
    }
  }
  return { platform: platform as unknown as PlatformClient, calls }
}
