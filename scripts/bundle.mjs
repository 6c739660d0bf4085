// npm run bundle: the action (dist/) and the command line (dist/cli/), each an ncc bundle with
// its chunks. dist/ is emptied first: ncc writes over it but leaves chunks of an earlier build.
import { execFileSync } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { SOURCE_HASH_FILE, sourceHash } from './source-hash.mjs'

// ncc's own command line, found through its package.json's bin.
const require = createRequire(import.meta.url)
const nccPackage = require.resolve('@vercel/ncc/package.json')
const nccCli = join(dirname(nccPackage), JSON.parse(readFileSync(nccPackage, 'utf8')).bin.ncc)
const ncc = (...args) =>
  execFileSync(process.execPath, [nccCli, 'build', ...args], { stdio: 'inherit' })

rmSync('dist', { recursive: true, force: true })
ncc('src/index.ts', '-o', 'dist', '--minify', '--license', 'licenses.txt')
ncc('src/cli.ts', '-o', 'dist/cli', '--minify')
// ncc copies `open`'s xdg-open script beside the bundle because @azure/identity can open a
// browser for interactive sign-in. The action never signs in interactively, so the script is
// dropped. `open` itself stays bundled (in a chunk loaded only on that path): an external
// import would need a node_modules folder that a runner's checkout of the action does not have.
for (const file of ['dist/xdg-open', 'dist/cli/xdg-open']) rmSync(file, { force: true })
// What this bundle was built from: the end-to-end tests refuse a bundle older than src/.
writeFileSync(SOURCE_HASH_FILE, `${sourceHash('.')}\n`)
