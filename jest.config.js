// Quiet test output: no VM-modules warning per worker, no stray workflow commands (test/jest/).
import './test/jest/quiet-vm-modules-warning.js'

/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    // Transpiles only, without loading TypeScript in every worker: `npm run lint` type-checks
    // the tests.
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript' },
          target: 'es2022',
          experimental: { keepImportAttributes: true }
        },
        module: { type: 'es6' }
      }
    ]
  },
  testMatch: ['**/__tests__/**/*.test.ts'],
  setupFiles: ['<rootDir>/test/jest/quiet-workflow-commands.cjs'],
  // End-to-end tests refuse a dist/ built from other sources (npm run bundle first).
  setupFilesAfterEnv: ['<rootDir>/test/jest/bundle-is-current.ts'],
  // npm run mutate works in a copy of the repository there.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/.stryker-tmp/'],
  modulePathIgnorePatterns: ['<rootDir>/.stryker-tmp/'],
  testTimeout: 60000,
  // More workers than cores: an end-to-end test spends much of its time waiting on the child
  // process it started and on the simulator's answers. Measured on 2 cores: 6 keep both busy,
  // 4 leave gaps.
  maxWorkers: 6
}
