import { configDefaults, defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    exclude: [...configDefaults.exclude, 'node_modules/**', 'dist/**'],
    // @NOTE 2 cores on every machine, and each embedded PGlite takes about 0.8 GB.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // @NOTE test/console-build.ts builds the console into dist/web when it is missing or stale.
    globalSetup: ['test/global-setup.ts', 'test/console-build.ts'],
  },
})
