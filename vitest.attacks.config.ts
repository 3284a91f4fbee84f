import {defineConfig} from 'vitest/config'

// The attack suite: each finding of an adversarial review, reproduced as a test that
// fails without its fix. Kept apart so every new backend can be run through it.
// Attacks spawn bundles and real servers on loopback: one file at a time.
export default defineConfig({
  test: {
    include: ['test/attacks/**/*.test.ts'],
    setupFiles: ['test/helpers/setup.ts'],
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
