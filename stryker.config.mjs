/**
 * Mutation testing of the pure stages and the writers: `npm run mutate` (not in CI; it takes a
 * while). Jest runs ESM through --experimental-vm-modules and @swc/jest, as in `npm test`.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'jest',
  testRunnerNodeArgs: ['--experimental-vm-modules'],
  jest: { configFile: 'jest.mutate.config.js', enableFindRelatedTests: true },
  mutate: [
    'src/checks/**/*.ts',
    'src/actions/**/*.ts',
    'src/inputs/**/*.ts',
    'src/safety/**/*.ts',
    'src/host/safe-host.ts'
  ],
  coverageAnalysis: 'perTest',
  // @swc/jest only transpiles, so no type checker: a mutant that would not
  // compile runs like any other and is killed or survives on its behaviour.
  checkers: [],
  concurrency: 2,
  // Beyond the covering tests' own time: a mutant that loops on a fake clock never ends, and
  // every one of them costs this long plus a restart of the test runner.
  timeoutMS: 5_000,
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  tempDirName: '.stryker-tmp',
  thresholds: { high: 90, low: 80, break: null }
}
