// Mutation testing of the trust modules (`npm run mutate`; not part of CI: it takes minutes). A surviving
// mutant is a behaviour no test would notice breaking. The goal is a score of at least 80% per file.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'electron/logging/redact.ts',
    'electron/engine/ensure.ts',
    'electron/engine/runState.ts',
    'electron/erpnext/classify.ts',
    'electron/erpnext/errors.ts',
    'electron/store/locks.ts',
    'electron/engine/shopLock.ts',
  ],
  coverageAnalysis: 'perTest',
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  thresholds: { high: 90, low: 80, break: null },
  concurrency: 2,
  timeoutMS: 20_000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
