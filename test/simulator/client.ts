import { request } from 'node:https'
import type { LookupFunction } from 'node:net'

export interface SimResponse {
  status: number
  headers: Record<string, string>
  text: string
  json<T = unknown>(): T
}

export interface SimRequestInit {
  method?: string | undefined
  headers?: Record<string, string> | undefined
  body?: string | undefined
}

/** Resolves every name to 127.0.0.1, in both callback shapes (`all` or not). */
const loopbackLookup: LookupFunction = (_hostname, options, callback) => {
  if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }])
  else callback(null, '127.0.0.1', 4)
}

/**
 * A plain HTTPS call to the simulator from the test process itself: trusts the simulator's CA
 * and resolves its *.localhost host names, without touching global settings.
 */
export function simFetch(
  caCert: string,
  url: string,
  init: SimRequestInit = {}
): Promise<SimResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: init.method ?? 'GET',
        headers: init.headers ?? {},
        ca: caCert,
        lookup: loopbackLookup,
        agent: false
      },
      res => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('error', reject)
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          const headers: Record<string, string> = {}
          for (const [name, value] of Object.entries(res.headers)) {
            if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value
          }
          resolve({
            status: res.statusCode ?? 0,
            headers,
            text,
            json: <T>() => JSON.parse(text) as T
          })
        })
      }
    )
    req.on('error', reject)
    req.end(init.body)
  })
}
