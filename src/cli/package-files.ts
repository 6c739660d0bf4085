import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { readActionMetadata, type ActionMetadata } from './action-metadata.js'

/** action.yml and package.json of the package the command line runs from. */
export interface PackageFiles {
  metadata: ActionMetadata
  version: string
}

/**
 * Reads them at run time, so that the flags always match the action.yml beside the code. The
 * package root is the nearest directory above `from` that holds action.yml: dist/cli/ for the
 * bundle, src/cli/ under tsx.
 */
export function readPackageFiles(from: string): PackageFiles {
  let dir = from
  while (!existsSync(join(dir, 'action.yml'))) {
    const parent = dirname(dir)
    if (parent === dir) throw new Error(`no action.yml in ${from} or above`)
    dir = parent
  }
  const metadata = readActionMetadata(readFileSync(join(dir, 'action.yml'), 'utf8'))
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: unknown }
  return { metadata, version: String(pkg.version) }
}
