import { readFileSync } from 'node:fs'
import { ACTION_VERSION } from '../../../src/report/action-version.js'

it('the version SARIF names is the package version', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'))
  expect(ACTION_VERSION).toBe(pkg.version)
})
