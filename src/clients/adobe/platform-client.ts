import type { AdobeConfig, AppRegistration } from '../../model/facts.js'
import { requestJson, type JsonRequest } from '../http/json-request.js'
import { ServiceError } from '../http/service-error.js'
import type { HttpContext } from '../http/http-context.js'
import type { PayloadFormat } from '../../model/choices.js'
import { parseConfigAnswer } from './config-answer.js'
import { parseRegistrationAnswer } from './registration-answer.js'

const REGISTRATION_PATH = '/data/infrastructure/manager/byok/app-registration'
const CONFIG_PATH = '/data/infrastructure/manager/customer/config'

export interface ConfigSubmission {
  name: string
  keyIdentifier: string
  keyName: string
  payloadFormat: PayloadFormat
}

/** Adobe Experience Platform's CMK endpoints. */
export class PlatformClient {
  constructor(
    private readonly baseUrl: string,
    private readonly orgId: string,
    private readonly token: () => Promise<string>,
    private readonly http: HttpContext
  ) {}

  private async send(
    request: Omit<JsonRequest, 'url' | 'headers' | 'http'> & { path: string }
  ): Promise<{ status: number; body: unknown }> {
    return requestJson({
      ...request,
      url: this.baseUrl + request.path,
      headers: {
        Authorization: `Bearer ${await this.bearer(request.call)}`,
        'x-api-key': 'acp_provisioning',
        'x-gw-ims-org-id': this.orgId
      },
      http: this.http
    })
  }

  /**
   * The IMS token for a call. A token failure is reported as the call's failure (callers name
   * their reads), with a message that says it was the token request and why.
   */
  private async bearer(call: string): Promise<string> {
    try {
      return await this.token()
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error
      throw new ServiceError(
        call,
        error.status,
        `no Adobe access token: ${error.message}`,
        error.retryAfterMs
      )
    }
  }

  /** null when the organisation has no CMK app registration yet. */
  async getRegistration(): Promise<AppRegistration | null> {
    const { status, body } = await this.send({
      call: 'Adobe GET CMK app registration',
      method: 'GET',
      path: REGISTRATION_PATH,
      allow404: true
    })
    return status === 404 ? null : parseRegistrationAnswer('Adobe GET CMK app registration', body)
  }

  async registerApp(): Promise<void> {
    await this.send({
      call: 'Adobe POST CMK app registration',
      method: 'POST',
      path: REGISTRATION_PATH
    })
  }

  /** null when the service has no configuration of that name. */
  async getConfig(name: string): Promise<AdobeConfig | null> {
    const call = 'Adobe GET configuration status'
    const { status, body } = await this.send({
      call,
      method: 'GET',
      path: `${CONFIG_PATH}/${encodeURIComponent(name)}?configType=BYOK_CONFIG`,
      allow404: true
    })
    return status === 404 ? null : parseConfigAnswer(call, body, name)
  }

  async submitConfig(submission: ConfigSubmission): Promise<AdobeConfig> {
    const call = 'Adobe POST configuration'
    const configData =
      submission.payloadFormat === 'legacy'
        ? {
            providerType: 'AZURE_KEYVAULT',
            keyVaultUri: submission.keyIdentifier,
            keyName: submission.keyName
          }
        : { providerType: 'AZURE_KEYVAULT', keyVaultKeyIdentifier: submission.keyIdentifier }
    const { body } = await this.send({
      call,
      method: 'POST',
      path: CONFIG_PATH,
      json: { name: submission.name, type: 'BYOK_CONFIG', imsOrgId: this.orgId, configData }
    })
    return parseConfigAnswer(call, body, submission.name)
  }
}
