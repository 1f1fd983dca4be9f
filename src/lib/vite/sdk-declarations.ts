import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { generateDtsBundle } from "dts-bundle-generator";
import { sdkModuleIds, type SdkModuleId } from "../../../sandbox-engine/src/services.ts";
import { cachedJson } from "../cache/cached-json.ts";

/** The AWS SDK clients exercises import (the registry's SDK modules), by the suffix of their package name. */
export const sdkClients = sdkModuleIds.map((id) => id.slice("client-".length) as SdkClient);
export type SdkClient = SdkModuleId extends `client-${infer Name}` ? Name : never;

/** Packages whose declarations the clients' public types use; inlined so each bundle stands alone. */
const inlined = ["@smithy/types", "@aws-sdk/types", "@smithy/core", "@aws-sdk/core", "@aws-sdk/middleware-sdk-sqs", "@smithy/signature-v4"];

/**
 * The real SDK clients' type declarations, each bundled into one self-contained .d.ts (dts-bundle-generator), so
 * the editor gets the SDK's own types and docs without hundreds of files. Only what each package exports is
 * exported. Bundling takes seconds, so the result is cached under node_modules/.cache, keyed by the installed
 * versions.
 */
export async function bundleSdkDeclarations(rootPath: string): Promise<Record<SdkClient, string>> {
  // Each client needs its entry file, src/lib/sdk-typings/client-<name>.ts (`export * from "@aws-sdk/client-<name>"`).
  const versions = await Promise.all(
    [...sdkClients.map((client) => `@aws-sdk/client-${client}`), ...inlined].map(async (name) => {
      const manifest = JSON.parse(await readFile(join(rootPath, "node_modules", name, "package.json"), "utf8")) as { version: string };
      return `${name}@${manifest.version}`;
    }),
  );
  const key = createHash("sha256").update(JSON.stringify({ versions, generator: 3 })).digest("hex").slice(0, 16);
  const cacheFile = join(rootPath, "node_modules", ".cache", "eventlab", `sdk-declarations-${key}.json`);
  // A build and a test that want them at once bundle them once (cachedJson).
  return cachedJson(cacheFile, async () => {
    // One program per client: with API Gateway's three clients (eight in all) one program over every client had not
    // finished after ten minutes on a loaded 2-core machine; one by one they took 75 s there.
    const bundles = sdkClients.map(
      (client) =>
        generateDtsBundle(
          [
            {
              filePath: join(rootPath, "src/lib/sdk-typings", `client-${client}.ts`),
              libraries: { inlinedLibraries: [`@aws-sdk/client-${client}`, ...inlined] },
              output: { noBanner: true, exportReferencedTypes: false },
            },
          ],
          { preferredConfigPath: join(rootPath, "tsconfig.json") },
        )[0]!,
    );
    return Object.fromEntries(sdkClients.map((client, i) => [client, slimComments(bundles[i]!)])) as Record<SdkClient, string>;
  });
}

const TAG = /^[ \t]*\*[ \t]*@/;
const END = /^[ \t]*\*\/$/;

/**
 * Doc comments are 70% of the SDK's declarations. Keep what a hover needs (descriptions, @param, @returns, the
 * list of @throws) and drop the long @example blocks and each @throws' repeated description; trim indentation.
 */
export function slimComments(declarations: string): string {
  return declarations.replace(/\/\*\*[\s\S]*?\*\//g, (comment) => {
    const out: string[] = [];
    let skipping = false;
    for (const line of comment.split("\n")) {
      if (END.test(line)) {
        out.push(" */");
        continue;
      }
      if (TAG.test(line)) {
        skipping = /@example|@throws/.test(line);
        if (!/@example/.test(line)) out.push(line.replace(/^[ \t]*\*[ \t]*/, " * "));
        continue;
      }
      if (skipping) continue;
      const text = line.startsWith("/**") ? line.trim() : line.replace(/^[ \t]*\*[ \t]*/, " * ").trimEnd();
      if (!(text === " *" && out.at(-1) === " *")) out.push(text);
    }
    return out.join("\n");
  });
}
