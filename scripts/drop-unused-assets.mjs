// ncc copies `open`'s xdg-open script beside the bundle because @azure/identity can open a
// browser for interactive sign-in. The action never signs in interactively, so the script is
// dropped. `open` itself stays bundled (in a chunk loaded only on that path): an external
// import would need a node_modules folder that a runner's checkout of the action does not have.
import { rmSync } from 'node:fs'

for (const file of ['dist/xdg-open', 'dist/cli/xdg-open']) rmSync(file, { force: true })
