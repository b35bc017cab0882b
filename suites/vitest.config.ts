// Vitest configuration for the conformance suites. `conformance run` uses it; so can a user who
// runs one suite directly: npx vitest run --config suites/vitest.config.ts suites/sailpoint.suite.ts
// Targets come from the environment and .env, as for `conformance run`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['suites/*.suite.ts'],
    globalSetup: ['src/runner/global-setup.ts'],
    reporters: ['default', './src/report/vitest-reporter.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    maxConcurrency: 8,
    // One worker runs the four suites one after another; cases inside a suite run concurrently.
    // Sharing the worker (isolate: false) saves loading vitest and the specs once per file.
    pool: 'threads',
    isolate: false,
    maxWorkers: 1,
  },
});
