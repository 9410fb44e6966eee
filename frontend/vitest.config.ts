import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

// Two projects: component tests in happy-dom, and real-browser tests that start the whole product.
// The browser tests run after the component tests and one file at a time: each file starts its own server,
// embedded PostgreSQL and Chromium, which is plenty for a 2-core machine.
export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'components',
            environment: 'happy-dom',
            include: ['src/**/*.test.{ts,tsx}'],
            setupFiles: ['src/test/setup.ts'],
            sequence: { groupOrder: 0 },
          },
        },
        {
          extends: true,
          test: {
            name: 'e2e',
            environment: 'node',
            include: ['e2e/**/*.e2e.test.ts'],
            globalSetup: ['e2e/global-setup.ts'],
            fileParallelism: false,
            testTimeout: 120_000,
            hookTimeout: 300_000,
            sequence: { groupOrder: 1 },
          },
        },
      ],
    },
  }),
);
