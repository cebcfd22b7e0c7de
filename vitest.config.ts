// Two test projects: fast unit tests (node and jsdom) and real-browser e2e tests (Chromium, Firefox).
import { defineConfig } from 'vitest/config';

// Mirrors build.mjs's `define`; unit tests run as the Chrome build.
const define = { __BROWSER__: JSON.stringify('chrome') };

export default defineConfig({
  define,
  test: {
    projects: [
      {
        define,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        define,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
