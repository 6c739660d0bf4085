import base from './jest.config.js'

/**
 * The tests `npm run mutate` runs against each mutant: the unit tests of the mutated code.
 * The e2e tests run the bundle (dist/), which Stryker does not mutate, so they could only
 * spend time there.
 */
export default {
  ...base,
  testMatch: [
    '**/__tests__/unit/checks/**/*.test.ts',
    '**/__tests__/unit/actions/**/*.test.ts',
    '**/__tests__/unit/inputs/**/*.test.ts',
    '**/__tests__/unit/safety/**/*.test.ts',
    '**/__tests__/unit/host/**/*.test.ts'
  ]
}
