import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // Every module's actions, job kinds and extensions, as src/main.ts registers them.
    setupFiles: ['test/support/install-modules.ts'],
    // Two cores: two files at a time; PGlite opens and migrations dominate, not CPU-bound tests.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    reporters: ['default'],
  },
});
