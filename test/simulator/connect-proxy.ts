import { createServer, type IncomingMessage, type Server } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'
import type { Duplex } from 'node:stream'

/**
 * A loopback HTTP CONNECT proxy, for checking that the action routes every HTTPS call through
 * HTTPS_PROXY. It records each CONNECT target (`host:port`) and tunnels it, resolving the
 * simulator's `*.localhost` names to 127.0.0.1 itself (the test process has no DNS preload).
 * Anything other than CONNECT is refused with 405: the action only speaks HTTPS.
 */
export interface ConnectProxy {
  port: number
  /** `http://127.0.0.1:<port>` */
  url: string
  /** CONNECT targets in arrival order, as the client wrote them (`host:port`). */
  connects: string[]
  /** Plain-HTTP requests the proxy refused (`METHOD url`). */
  refused: string[]
  clearRecords(): void
  close(): Promise<void>
}

function resolveLoopback(host: string): string | undefined {
  const name = host.toLowerCase().replace(/\.$/, '')
  if (name === 'localhost' || name.endsWith('.localhost') || name === '127.0.0.1')
    return '127.0.0.1'
  return undefined
}

/** Splits `host:port` (and `[v6]:port`). */
function splitTarget(target: string): { host: string; port: number } | undefined {
  const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(target)
  return m ? { host: m[1] as string, port: Number(m[2]) } : undefined
}

export async function startConnectProxy(): Promise<ConnectProxy> {
  const connects: string[] = []
  const refused: string[] = []
  const sockets = new Set<Duplex>()
  const track = (socket: Duplex): void => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  }

  const server: Server = createServer((req, res) => {
    refused.push(`${req.method} ${req.url}`)
    res.writeHead(405, { 'content-type': 'text/plain', connection: 'close' })
    res.end('This proxy only tunnels (CONNECT).\n')
  })

  server.on('connection', track)
  server.on('connect', (req: IncomingMessage, client: Duplex, head: Buffer) => {
    const target = req.url ?? ''
    connects.push(target)
    const parsed = splitTarget(target)
    const address = parsed && resolveLoopback(parsed.host)
    if (!parsed || !address) {
      // Only loopback targets: a test must never reach the internet through this proxy.
      client.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n')
      return
    }
    const upstream: Socket = connect(parsed.port, address)
    track(upstream)
    upstream.once('connect', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length > 0) upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    const fail = (): void => {
      upstream.destroy()
      client.destroy()
    }
    upstream.once('error', () => {
      if (client.writable) client.end('HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\n\r\n')
      fail()
    })
    client.once('error', fail)
    client.once('close', () => upstream.destroy())
    upstream.once('close', () => client.destroy())
  })

  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port))
  })

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    connects,
    refused,
    clearRecords: () => {
      connects.splice(0)
      refused.splice(0)
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy()
        server.close(error => (error ? reject(error) : resolve()))
      })
  }
}
