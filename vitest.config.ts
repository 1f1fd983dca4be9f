import { defineConfig } from "vitest/config";

/**
 * `npm test` runs four projects: fast unit tests of the engine, harness and site code; exercise validation
 * (every exercise's solution passes, its starter fails, and the in-browser harness agrees with vitest); the
 * workshop kit (every exercise as a downloaded project under real vitest, the workshop server and its dashboard);
 * and the browser end-to-end tests against the built site in real Chromium.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/engine/**/*.test.ts", "tests/endpoint/**/*.test.ts", "tests/harness/**/*.test.ts", "tests/runner/**/*.test.ts", "tests/site/**/*.test.ts"],
        },
      },
      {
        test: {
          name: "exercises",
          include: ["tests/exercises/**/*.test.ts"],
          setupFiles: ["tests/support/sandbox-fetch.setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "workshop",
          include: ["tests/workshop/**/*.test.ts"],
          // The downloaded-project test runs the in-page harness here, next to real vitest.
          setupFiles: ["tests/support/sandbox-fetch.setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 600_000,
        },
      },
      {
        test: {
          name: "browser",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/e2e/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
