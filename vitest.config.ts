import { defineConfig } from 'vitest/config';

// Unit, integration and contract suites share one runner; each test owns its ports, folders and
// databases, so files run in parallel. `npm run test:contract` runs the contract folder alone.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // The CLI and engine-process suites run the bundles as shipped: built once, fresh, before any test.
    globalSetup: ['tests/support/buildBundles.ts'],
  },
});
