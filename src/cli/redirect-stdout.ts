/**
 * Sends everything written to process.stdout to stderr instead, line by line through `transform`
 * (undefined drops the line): @actions/core logs on stdout, and the command line keeps stdout
 * for its result. Returns a writer to the real stdout, which flushes any unfinished line first
 * and resolves once the real stdout has handed the text on (a pipe is written asynchronously).
 * Stays in place afterwards, so late log lines cannot corrupt stdout.
 */
export function redirectStdout(
  transform: (line: string) => string | undefined
): (text: string) => Promise<void> {
  const realWrite = process.stdout.write.bind(process.stdout)
  let pending = ''
  const emit = (text: string): void => {
    pending += text
    const lines = pending.split('\n')
    pending = lines.pop() ?? ''
    for (const line of lines) {
      const out = transform(line.replace(/\r$/, ''))
      if (out !== undefined) process.stderr.write(out + '\n')
    }
  }
  const write = (
    chunk: string | Uint8Array,
    encoding?: BufferEncoding | ((error?: Error | null) => void),
    callback?: (error?: Error | null) => void
  ): boolean => {
    emit(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'))
    const done = typeof encoding === 'function' ? encoding : callback
    if (done) process.nextTick(done)
    return true
  }
  process.stdout.write = write as typeof process.stdout.write
  return text => {
    if (pending) emit('\n')
    return new Promise(resolve => realWrite(text, () => resolve()))
  }
}
