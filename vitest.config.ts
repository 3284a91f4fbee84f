import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    setupFiles: ['test/helpers/setup.ts'],
    clearMocks: true,
    restoreMocks: true,
    testTimeout: 20_000,
  },
})
