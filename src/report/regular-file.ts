import { constants } from 'node:fs'
import { mkdir, open } from 'node:fs/promises'
import { dirname } from 'node:path'

/**
 * Writes text to a regular file, creating it and missing parent directories. Anything else at
 * that path is refused, without blocking: a named pipe nobody reads would otherwise hold the run
 * forever (opening it for writing waits for a reader), and a device is not a report.
 */
export async function writeRegularFile(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  // O_NONBLOCK: opening a FIFO without a reader fails (ENXIO) instead of waiting; a regular
  // file is unaffected. Not truncated on open: only once it is known to be a regular file.
  const flags = constants.O_WRONLY | constants.O_CREAT | (constants.O_NONBLOCK ?? 0)
  let handle
  try {
    handle = await open(path, flags, 0o644)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENXIO')
      throw new Error(`${path} is a named pipe, not a regular file`, { cause: error })
    throw error
  }
  try {
    const stats = await handle.stat()
    if (!stats.isFile())
      throw new Error(
        `${path} is ${stats.isFIFO() ? 'a named pipe' : stats.isCharacterDevice() || stats.isBlockDevice() ? 'a device' : stats.isSocket() ? 'a socket' : 'something else'}, not a regular file`
      )
    await handle.truncate(0)
    await handle.writeFile(text, 'utf8')
  } finally {
    await handle.close()
  }
}
