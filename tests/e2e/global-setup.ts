import type { TestProject } from "vitest/node";
import { buildSite, distDir } from "../support/build-site.ts";
import { findChromium } from "../support/chromium.ts";
import { serveStatic } from "../support/static-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    siteUrl: string;
  }
}

/** Builds the site once, serves dist/ on localhost, and tells the browser tests where. */
export default async function setup(project: TestProject) {
  findChromium(); // fail first, and loudly, when there is no browser: never skip the browser tests
  buildSite();
  const server = await serveStatic(distDir);
  project.provide("siteUrl", server.url);
  return () => server.close();
}
