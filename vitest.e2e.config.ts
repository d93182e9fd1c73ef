import { defineConfig } from 'vitest/config';

// Browser e2e: real Chromium (Debian's) driven by playwright-core against the browser host, which runs
// the real engine and store, talking to an in-process ERPNext sandbox. `npm run test:e2e`.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One Chromium at a time: the CI machine has two cores.
    fileParallelism: false,
  },
});
