import { RestError } from '@azure/core-rest-pipeline'
import { toReadError } from '../../../src/facts/read-error.js'

function azure403(innererror?: string): RestError {
  const error = new RestError(
    'Client address is not authorized and caller is not a trusted service.',
    {
      statusCode: 403,
      code: 'Forbidden'
    }
  )
  error.details = {
    error: { code: 'Forbidden', ...(innererror && { innererror: { code: innererror } }) }
  }
  return error
}

describe('toReadError', () => {
  it.each(['ForbiddenByFirewall', 'ForbiddenByConnection'])(
    'a data-plane 403 from the network rules (%s) is not a missing permission',
    code => {
      expect(toReadError('Managed HSM PUT local role assignment', azure403(code))).toMatchObject({
        status: 403,
        kind: 'error'
      })
    }
  )

  it('any other 403 is forbidden', () => {
    expect(toReadError('Managed HSM list', azure403()).kind).toBe('forbidden')
    expect(toReadError('Managed HSM list', azure403('AccessDenied')).kind).toBe('forbidden')
  })
})
