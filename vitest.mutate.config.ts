import { defineConfig } from 'vitest/config';

// The fast suites that guard the trust modules (redaction, look-then-create, the final-status rule,
// error classification, the run lock): what `npm run mutate` runs against each mutant.
export default defineConfig({
  test: {
    include: [
      'tests/unit/logging/**/*.test.ts',
      'tests/unit/engine/ensure.test.ts',
      'tests/unit/engine/runState.test.ts',
      'tests/unit/engine/machine*.test.ts',
      'tests/unit/engine/shopLock.test.ts',
      'tests/unit/erpnext/classification.test.ts',
      'tests/unit/erpnext/recorded-errors.test.ts',
      'tests/unit/erpnext/erpNextError.test.ts',
      'tests/integration/store/store.test.ts',
    ],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
  },
});
