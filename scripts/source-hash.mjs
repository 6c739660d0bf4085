// What dist/ is built from: every file under src/, the lockfile and the bundle script. npm run
// bundle writes its hash to dist/SOURCE_HASH; the end-to-end tests, which run dist/, refuse to
// start when it differs, so that no test runs yesterday's bundle. Content, not timestamps: a
// fresh clone gives every file the time of the checkout.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

export const SOURCE_HASH_FILE = 'dist/SOURCE_HASH'

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(path) : [path]
  })
}

/** The hash of the sources the bundle of the repository at `root` is built from. */
export function sourceHash(root) {
  const files = [
    ...filesUnder(join(root, 'src')),
    join(root, 'package-lock.json'),
    join(root, 'scripts', 'bundle.mjs')
  ]
    .map(file => relative(root, file).split('\\').join('/'))
    .sort()
  const hash = createHash('sha256')
  for (const file of files) {
    hash.update(`${file}\0`)
    hash.update(readFileSync(join(root, file)))
    hash.update('\0')
  }
  return hash.digest('hex')
}
