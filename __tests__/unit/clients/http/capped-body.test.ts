import { Readable } from 'node:stream'
import { AnswerTooLargeError, readCappedText } from '../../../../src/clients/http/capped-body.js'

describe('readCappedText', () => {
  it('reads a body up to the limit', async () => {
    const body = Readable.from([Buffer.from('{"a":'), Buffer.from('1}')])
    await expect(readCappedText(body, null, 7)).resolves.toBe('{"a":1}')
  })

  it('stops reading and destroys the stream once the body passes the limit', async () => {
    let pulled = 0
    const endless = new Readable({
      read() {
        pulled++
        this.push(Buffer.alloc(1024, 0x20))
      }
    })
    await expect(readCappedText(endless, null, 10 * 1024)).rejects.toBeInstanceOf(
      AnswerTooLargeError
    )
    expect(endless.destroyed).toBe(true)
    expect(pulled).toBeLessThan(64)
  })

  it('refuses a declared Content-Length above the limit before reading', async () => {
    const body = Readable.from([Buffer.from('x')])
    await expect(readCappedText(body, '100', 10)).rejects.toThrow(
      /the answer is larger than .* MiB; the action stopped reading it/
    )
    expect(body.destroyed).toBe(true)
  })
})
