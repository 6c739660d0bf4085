import type { AdobeConfig, AdobeStatus } from '../../model/facts.js'
import { ServiceError } from '../http/service-error.js'

type Json = Record<string, unknown>

const asObject = (value: unknown): Json | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined
const asString = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined

/**
 * Reads a configuration out of the status answer, a submit answer ({config}) or an older job
 * answer ({jobData: {config}}). `lookupName` is the name it was read by (or submitted under);
 * the answer's own `name`, Adobe's internal one, is kept as `adobeName`.
 */
export function parseConfigAnswer(call: string, body: unknown, lookupName: string): AdobeConfig {
  const root = asObject(body)
  const config =
    asObject(root?.config) ??
    asObject(asObject(root?.jobData)?.config) ??
    (root?.configData ? root : undefined)
  if (!config) throw new ServiceError(call, 200, 'the answer holds no configuration')
  const status = asString(config.status) ?? (config === root ? undefined : 'NEW')
  if (!status) throw new ServiceError(call, 200, 'the configuration in the answer has no status')
  const data = asObject(config.configData) ?? {}
  return {
    name: lookupName,
    adobeName: asString(config.name),
    status: status as AdobeStatus,
    keyVaultKeyIdentifier: asString(data.keyVaultKeyIdentifier),
    keyVaultUri: asString(data.keyVaultUri),
    keyName: asString(data.keyName),
    keyVersion: asString(data.keyVersion)
  }
}
