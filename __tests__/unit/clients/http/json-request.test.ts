import { testHttp } from '../../../../test/fake-host.js'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { requestJson } from '../../../../src/clients/http/json-request.js'
import { ServiceError } from '../../../../src/clients/http/service-error.js'

const FAST_RETRY = { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1, maxElapsedMs: 5_000 }

/** A loopback server whose handler the test sets; counts the requests it saw. */
async function startServer(
  handler: (res: import('node:http').ServerResponse, hit: number) => void
): Promise<{ url: string; hits: () => number; server: Server }> {
  let hits = 0
  const server = createServer((_req, res) => handler(res, ++hits))
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}/thing`, hits: () => hits, server }
}

describe('requestJson', () => {
  let server: Server | undefined
  afterEach(async () => {
    server?.closeAllConnections()
    await new Promise(resolve => server?.close(resolve))
  })

  it('treats a body that breaks off after the headers as a network error, and retries a GET', async () => {
    const s = await startServer((res, hit) => {
      if (hit === 1) {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' })
        res.write('{"partial":')
        setTimeout(() => res.socket?.destroy(), 20)
        return
      }
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('{"ok":true}')
    })
    server = s.server
    const answer = await requestJson({
      call: 'TEST GET thing',
      method: 'GET',
      url: s.url,
      retry: FAST_RETRY,
      http: testHttp()
    })
    expect(answer).toEqual({ status: 200, body: { ok: true } })
    expect(s.hits()).toBe(2)
  })

  it('names the call when the body stalls past the timeout', async () => {
    const s = await startServer(res => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' })
      res.write('{"partial":')
    })
    server = s.server
    const error = await requestJson({
      call: 'TEST GET thing',
      method: 'GET',
      url: s.url,
      timeoutMs: 200,
      retry: { ...FAST_RETRY, maxAttempts: 1 },
      http: testHttp()
    }).catch(e => e)
    expect(error).toBeInstanceOf(ServiceError)
    expect(error.message).toBe('TEST GET thing failed: no answer within 0.2 s')
  })
})
