import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // A hang guard, not a speed check: a few suites (sync against a real server, 100k-row
    // fixtures, the CLI in a child process) take seconds on a busy 2-core machine.
    testTimeout: 30_000,
  },
});
