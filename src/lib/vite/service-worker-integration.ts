import { createHash } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { build } from "esbuild";

export const serviceWorkerFile = "sw.js";

/**
 * Registers the service worker on every page and, when the build is done, writes dist/sw.js: Workbox's precache
 * with a manifest of every file in dist/ and a hash of each file's content as its revision.
 */
export function serviceWorkerIntegration(root: URL): AstroIntegration {
  return {
    name: "eventlab-service-worker",
    hooks: {
      "astro:config:setup": ({ injectScript }) => {
        injectScript("page", `import "${fileURLToPath(new URL("src/client/workshop/register-service-worker.ts", root))}";`);
      },
      "astro:build:done": async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const manifest = await precacheManifest(outDir);
        await build({
          entryPoints: [fileURLToPath(new URL("src/client/workshop/service-worker.ts", root))],
          bundle: true,
          minify: true,
          format: "iife",
          target: "es2022",
          outfile: join(outDir, serviceWorkerFile),
          define: { precacheManifest: JSON.stringify(manifest), "process.env.NODE_ENV": '"production"' },
          logLevel: "silent",
        });
        logger.info(`${serviceWorkerFile}: ${manifest.length} files precached for offline use`);
      },
    },
  };
}

async function precacheManifest(outDir: string): Promise<{ url: string; revision: string | null }[]> {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(outDir, join(entry.parentPath, entry.name)).split("\\").join("/"))
    .filter((path) => path !== serviceWorkerFile && !path.endsWith(".map"))
    .sort();
  return Promise.all(
    files.map(async (path) => ({
      url: `/${path}`,
      // Vite's files carry their hash in their name already; the rest are keyed by their content.
      revision: path.startsWith("_astro/") ? null : createHash("sha256").update(await readFile(join(outDir, path))).digest("hex").slice(0, 16),
    })),
  );
}
