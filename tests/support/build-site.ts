import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { childEnvironment } from "./child-environment.ts";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
export const distDir = fileURLToPath(new URL("../../dist/", import.meta.url));

/** Builds the static site into dist/ with the project's own Astro, as `npm run build` does. */
export function buildSite(): void {
  execFileSync(process.execPath, [fileURLToPath(new URL("../../node_modules/astro/bin/astro.mjs", import.meta.url)), "build", "--silent"], {
    cwd: repoRoot,
    stdio: ["ignore", "ignore", "inherit"],
    // vitest sets NODE_ENV=test, which would make Astro build a development bundle (no search, dev-only paths).
    // The browser tests must see exactly what `npm run build` gives a workshop host.
    env: childEnvironment({ NODE_ENV: "production" }),
  });
}
