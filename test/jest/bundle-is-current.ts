// End-to-end tests run dist/, the bundle: one built from other sources than src/ would test
// yesterday's code. Checked once per test file, for end-to-end files only (unit tests import
// src/ directly), against the hash npm run bundle wrote.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { SOURCE_HASH_FILE, sourceHash } from '../../scripts/source-hash.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const testPath = expect.getState().testPath ?? ''

if (testPath.split(/[\\/]/).includes('e2e')) {
  const file = join(root, SOURCE_HASH_FILE)
  const built = existsSync(file) ? readFileSync(file, 'utf8').trim() : 'none'
  if (built !== sourceHash(root))
    throw new Error(
      'dist/ was not built from the current src/ (or the lockfile): run `npm run bundle` (npm run all does it), then the tests again.'
    )
}
