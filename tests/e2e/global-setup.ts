import { rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { buildSite, distDir } from "../support/build-site.ts";
import { findChromium } from "../support/chromium.ts";
import { serveStatic } from "../support/static-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    siteUrl: string;
    /** The file the site build's outcome is written to when it ends (site-ready.ts waits for it). */
    siteBuildOutcome: string;
  }
}

/**
 * Serves dist/ on localhost and tells the browser tests where, and builds the site in the background meanwhile:
 * the browser project runs after the others (vitest.config.ts), so the build overlaps the unit, exercise and
 * workshop tests instead of holding them up. Each browser test file waits for it first (site-ready.ts).
 */
export default async function setup(project: TestProject) {
  findChromium(); // fail first, and loudly, when there is no browser: never skip the browser tests
  const outcomeFile = join(tmpdir(), `eventlab-site-build-${process.pid}.json`);
  await rm(outcomeFile, { force: true });
  const build = buildSite();
  const written = build.done.then(
    () => writeFile(outcomeFile, JSON.stringify({ ok: true })),
    (error: unknown) => writeFile(outcomeFile, JSON.stringify({ ok: false, message: error instanceof Error ? error.message : String(error) })),
  );
  const server = await serveStatic(distDir);
  project.provide("siteUrl", server.url);
  project.provide("siteBuildOutcome", outcomeFile);
  return async () => {
    build.stop(); // a run that ends early (no browser file selected after all, or a bail) leaves no build behind
    await written;
    await rm(outcomeFile, { force: true });
    await server.close();
  };
}
