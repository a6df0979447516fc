import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

export default defineConfig({
  // WxtVitest does not apply wxt.config.ts's Vite plugins, so Preact is added here too.
  plugins: [WxtVitest(), preact()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // Sized for a loaded 2-core machine, not an idle one: at load 24 a fast-check property
          // of words.test.ts took 6.8 s against vitest's 5 s default. Heavy files set 180 s.
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // The official lists the annotator looks marked names up in load as in the popup, before any test.
          setupFiles: ['tests/setup-lists.ts'],
          include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/golden/**/*.test.ts', 'tests/bench/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
