import type { Readable } from 'node:stream'

/**
 * The largest answer the action reads, in bytes. The biggest real answer it expects (a page of
 * vaults or role assignments) is well under 1 MB; an endless or huge body is cut off here instead
 * of filling the memory.
 */
export const MAX_ANSWER_BYTES = 4 * 1024 * 1024

export const ANSWER_TOO_LARGE = `the answer is larger than ${MAX_ANSWER_BYTES / 1024 / 1024} MiB; the action stopped reading it`

export class AnswerTooLargeError extends Error {
  constructor() {
    super(ANSWER_TOO_LARGE)
    this.name = 'AnswerTooLargeError'
  }
}

/**
 * Reads a response body as UTF-8 text, at most `limit` bytes; a longer body is abandoned (the
 * stream destroyed) with AnswerTooLargeError. A Content-Length above the limit stops it before
 * any byte is read.
 */
export async function readCappedText(
  stream: Readable | NodeJS.ReadableStream | null | undefined,
  contentLength: string | null | undefined,
  limit: number = MAX_ANSWER_BYTES
): Promise<string> {
  if (!stream) return ''
  const declared = contentLength ? Number(contentLength) : NaN
  if (Number.isFinite(declared) && declared > limit) {
    destroy(stream)
    throw new AnswerTooLargeError()
  }
  const chunks: Buffer[] = []
  let size = 0
  // Leaving the loop early (the throw) destroys the stream, which closes the connection.
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
    size += buffer.length
    if (size > limit) {
      destroy(stream)
      throw new AnswerTooLargeError()
    }
    chunks.push(buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function destroy(stream: Readable | NodeJS.ReadableStream): void {
  const destroyable = stream as { destroy?: () => void }
  destroyable.destroy?.()
}
