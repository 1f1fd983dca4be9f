import { defineConfig, type Plugin } from "vitest/config";

/**
 * Exercise code imports `@aws-sdk/client-x`; inside a run that is sandbox-engine's client module (the real SDK with
 * sandbox defaults, src/runner/module-map.ts). The unit project imports exercise files too (the capstone's property
 * test runs the reference solutions), so it resolves those ids the same way for files under src/content/exercises/;
 * sandbox-engine's own imports of the real packages are left alone.
 */
function exerciseSdkModules(): Plugin {
  return {
    name: "eventlab-exercise-sdk-modules",
    enforce: "pre",
    resolveId(id, importer) {
      const sdkModule = /^@aws-sdk\/(client-[a-z0-9-]+)$/.exec(id)?.[1];
      if (sdkModule === undefined || !(importer ?? "").includes("/src/content/exercises/")) return null;
      return this.resolve(`sandbox-engine/aws/${sdkModule}`, importer, { skipSelf: true });
    },
  };
}

/**
 * `npm test` runs four projects: fast unit tests of the engine, harness and site code; exercise validation
 * (every exercise's solution passes, its starter fails, and the in-browser harness agrees with vitest); the
 * workshop kit (every exercise as a downloaded project under real vitest, the workshop server and its dashboard);
 * and the browser end-to-end tests against the built site in real Chromium.
 *
 * The browser project runs last (sequence.groupOrder): its global setup starts the site build in the background,
 * so the build overlaps the other three projects, and each browser test file waits for it (site-ready.ts).
 */
const beforeTheBrowser = { groupOrder: 1 };
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [exerciseSdkModules()],
        test: {
          name: "unit",
          sequence: beforeTheBrowser,
          include: ["tests/engine/**/*.test.ts", "tests/endpoint/**/*.test.ts", "tests/harness/**/*.test.ts", "tests/runner/**/*.test.ts", "tests/site/**/*.test.ts"],
        },
      },
      {
        test: {
          name: "exercises",
          sequence: beforeTheBrowser,
          include: ["tests/exercises/**/*.test.ts"],
          setupFiles: ["tests/support/sandbox-fetch.setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "workshop",
          sequence: beforeTheBrowser,
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
          setupFiles: ["tests/e2e/site-ready.ts"],
          sequence: { groupOrder: 2 },
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          // Inside a file, the tests marked concurrent (every built page) go this many at a time: a page
          // waits on Chromium much of its time, so two overlap well on two cores; more only take turns.
          maxConcurrency: 2,
        },
      },
    ],
  },
});
