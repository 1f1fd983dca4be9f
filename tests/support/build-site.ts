import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { childEnvironment } from "./child-environment.ts";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
export const distDir = fileURLToPath(new URL("../../dist/", import.meta.url));

/** A build under way: `done` settles when it ends (rejects with Astro's errors); `stop` ends it early. */
export interface SiteBuild {
  done: Promise<void>;
  stop(): void;
}

/** Builds the static site into dist/ with the project's own Astro, as `npm run build` does. */
export function buildSite(): SiteBuild {
  const astro = fileURLToPath(new URL("../../node_modules/astro/bin/astro.mjs", import.meta.url));
  const child = spawn(process.execPath, [astro, "build", "--silent"], {
    cwd: repoRoot,
    stdio: ["ignore", "ignore", "pipe"],
    // vitest sets NODE_ENV=test, which would make Astro build a development bundle (no search, dev-only paths).
    // The browser tests must see exactly what `npm run build` gives a workshop host.
    env: childEnvironment({ NODE_ENV: "production" }),
  });
  let errors = "";
  child.stderr.on("data", (chunk: Buffer) => {
    errors += chunk.toString();
    process.stderr.write(chunk);
  });
  const done = new Promise<void>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`astro build ${signal ? `was stopped (${signal})` : `failed (exit ${code})`}:\n${errors}`));
    });
  });
  return { done, stop: () => void (child.exitCode === null && child.signalCode === null && child.kill("SIGTERM")) };
}
