// Vitest configuration for the project's own tests (test/**). The generated conformance suites
// under suites/ are run by the `conformance` command with their own configuration.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
