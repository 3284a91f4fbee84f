import {defineConfig} from 'vitest/config'

// End-to-end tests spawn the committed bundles against a real Docker engine and
// registry (test/infra/up.sh); one at a time, with generous time-outs.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    setupFiles: ['test/helpers/setup.ts'],
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
})
