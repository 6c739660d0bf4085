import { constants } from 'node:fs'
import { lstat, mkdir, open } from 'node:fs/promises'
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'

/**
 * Writes text to a regular file, creating it and missing parent directories; an existing regular
 * file is replaced. Anything else at that path is refused, without blocking: a symbolic link (one
 * committed in a pull request would otherwise make the run overwrite its target), a named pipe
 * nobody reads (opening it for writing waits for a reader), a device.
 *
 * `workspace` (the working directory, where a checkout puts the repository) bounds the directories
 * that are checked for links: a link above it (macOS's /tmp, a runner's own layout) is the
 * machine's, not the repository's.
 */
export async function writeRegularFile(
  path: string,
  text: string,
  workspace: string = process.cwd()
): Promise<void> {
  await refuseLinkedDirectories(path, workspace)
  await mkdir(dirname(path), { recursive: true })
  // O_NOFOLLOW: opening a link fails (ELOOP) in the same system call that would follow it, so
  // nothing can swap a link in between a check and the write. O_NONBLOCK: opening a FIFO without a
  // reader fails (ENXIO) instead of waiting; a regular file is unaffected. Not truncated on open:
  // only once it is known to be a regular file.
  const flags =
    constants.O_WRONLY |
    constants.O_CREAT |
    (constants.O_NONBLOCK ?? 0) |
    (constants.O_NOFOLLOW ?? 0)
  // Windows has no O_NOFOLLOW: there the link is looked for first, the best its API allows.
  if (constants.O_NOFOLLOW === undefined && (await isLink(path)))
    throw new Error(`${path} is a symbolic link, not a regular file`)
  let handle
  try {
    handle = await open(path, flags, 0o644)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENXIO')
      throw new Error(`${path} is a named pipe, not a regular file`, { cause: error })
    // ELOOP on Linux and macOS; FreeBSD answers EMLINK.
    if ((code === 'ELOOP' || code === 'EMLINK') && (await isLink(path)))
      throw new Error(`${path} is a symbolic link, not a regular file`, { cause: error })
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

/**
 * Refuses a path through a linked directory below the workspace (`reports -> /elsewhere`).
 * Node has no openat(), so directories are looked at before the write rather than opened one by
 * one: the threat is a link committed to the repository, which is in place before the run starts.
 */
async function refuseLinkedDirectories(path: string, workspace: string): Promise<void> {
  const below = relative(resolve(workspace), resolve(dirname(path)))
  if (below === '' || below === '..' || below.startsWith(`..${sep}`) || isAbsolute(below)) return
  let current = resolve(workspace)
  for (const part of below.split(sep)) {
    current = join(current, part)
    let stats
    try {
      stats = await lstat(current)
    } catch {
      return // missing from here down: mkdir creates real directories
    }
    if (stats.isSymbolicLink()) {
      const shown = isAbsolute(path) ? current : relative(process.cwd(), current)
      throw new Error(`${shown} is a symbolic link, not a directory`)
    }
  }
}

async function isLink(path: string): Promise<boolean> {
  try {
    return (await lstat(path)).isSymbolicLink()
  } catch {
    return false
  }
}
