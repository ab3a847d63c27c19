import { configDefaults, defineConfig } from 'vitest/config'

export default defineConfig({
  // @NOTE The console's components use React's automatic JSX runtime (web/tsconfig.json: react-jsx).
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  test: {
    environment: 'node',
    // @NOTE Component tests (web/src/**/*.test.tsx) choose happy-dom with a
    // `// @vitest-environment happy-dom` docblock; everything else runs in node.
    include: [
      'src/**/*.test.ts',
      'test/**/*.test.ts',
      'web/src/**/*.test.ts',
      'web/src/**/*.test.tsx',
    ],
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
