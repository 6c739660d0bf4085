import type { PlatformClient } from '../adobe/platform-client.js'
import type { AppRegistration } from '../facts.js'
import { ServiceError } from '../http/service-error.js'
import { pollUntil, type Clock } from './poll-schedule.js'

/**
 * Registers the CMK app (POST, no body) unless Adobe already has it, and reads the
 * registration until its consent URL appears. When the POST fails in a way that may have reached Adobe, the registration is read
 * back before anything else is tried.
 */
export async function registerCmkApp(
  platform: PlatformClient,
  existing: AppRegistration | null,
  options: { firstIntervalMs: number; timeoutMs: number; clock?: Clock; signal?: AbortSignal }
): Promise<AppRegistration> {
  // A registration Adobe is still preparing (no consent URL yet) is waited for, not made again.
  if (!existing?.applicationId) await postRegistration(platform)
  const outcome = await pollUntil(
    () => platform.getRegistration(),
    registration => Boolean(registration?.applicationRedirectUrl),
    options
  )
  if (!outcome.done || !outcome.value)
    throw new ServiceError(
      'Adobe GET CMK app registration',
      undefined,
      `the registration has no consent URL after ${Math.round(options.timeoutMs / 1000)} s; re-run later`
    )
  return outcome.value
}

async function postRegistration(platform: PlatformClient): Promise<void> {
  try {
    await platform.registerApp()
  } catch (error) {
    const mayHaveArrived = error instanceof ServiceError && error.retryable
    if (!mayHaveArrived) throw error
    const existing = await platform.getRegistration()
    if (!existing) await platform.registerApp()
  }
}
