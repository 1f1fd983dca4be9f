import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { build } from "esbuild";
import type { EngineKit } from "./engine-kit.ts";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const engineRoot = join(repoRoot, "sandbox-engine");
const cacheDir = join(repoRoot, "node_modules/.cache/eventlab-engine-kit");

interface Manifest {
  name: string;
  version: string;
  description?: string;
  exports: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/**
 * sandbox-engine packed for a standalone project: every export of its package.json that a learner's project
 * imports (`.` and `./aws/client-*`) bundled by esbuild into ES modules that share one copy of the engine (the
 * SDK modules bind to the sandbox `createSandbox` made, so two copies would not see each other), the declarations
 * tsc emits, and a package.json listing only the packages that JavaScript and those declarations import. Cached by
 * the hash of the engine's sources, so a build or a test makes it once.
 */
export async function buildEngineKit(): Promise<EngineKit> {
  const engineManifest = JSON.parse(await readFile(join(engineRoot, "package.json"), "utf8")) as Manifest;
  const rootManifest = JSON.parse(await readFile(join(repoRoot, "package.json"), "utf8")) as Manifest;
  const vitestRange = rootManifest.devDependencies?.vitest ?? rootManifest.dependencies?.vitest;
  if (!vitestRange) throw new Error("package.json: vitest is not a dependency, so a downloaded project cannot name its version");
  const lambdaTypesRange = rootManifest.devDependencies?.["@types/aws-lambda"] ?? rootManifest.dependencies?.["@types/aws-lambda"];
  if (!lambdaTypesRange) throw new Error("package.json: @types/aws-lambda is not a dependency, so a downloaded project cannot name its version");

  const key = await sourceHash(engineManifest, `${vitestRange} ${lambdaTypesRange}`);
  const cached = join(cacheDir, `${key}.json`);
  const found = await readFile(cached, "utf8").catch(() => undefined);
  if (found) return JSON.parse(found) as EngineKit;

  const kit = { ...(await packEngine(engineManifest, vitestRange)), lambdaTypesRange };
  await mkdir(cacheDir, { recursive: true });
  // Written whole, then renamed: a reader never sees half a kit.
  const partial = `${cached}.${process.pid}.tmp`;
  await writeFile(partial, JSON.stringify(kit));
  await rename(partial, cached);
  return kit;
}

async function packEngine(manifest: Manifest, vitestRange: string): Promise<Omit<EngineKit, "lambdaTypesRange">> {
  const subpaths = Object.keys(manifest.exports).filter((subpath) => subpath === "." || subpath.startsWith("./aws/"));
  const entryName = (subpath: string) => (subpath === "." ? "index" : subpath.slice(2));
  const out = await mkdtemp(join(tmpdir(), "eventlab-engine-kit-"));
  try {
    const result = await build({
      entryPoints: Object.fromEntries(subpaths.map((subpath) => [entryName(subpath), join(engineRoot, manifest.exports[subpath]!)])),
      absWorkingDir: engineRoot,
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "neutral",
      target: "es2022",
      packages: "external",
      outdir: join(out, "dist"),
      metafile: true,
      logLevel: "silent",
    });
    await emitDeclarations(join(out, "types"));

    const files: Record<string, string> = {};
    for (const path of await listFiles(out)) {
      const text = await readFile(join(out, path), "utf8");
      if (path.startsWith("dist/") || path.endsWith(".d.ts")) files[path] = path.endsWith(".d.ts") ? withJsSpecifiers(text) : text;
    }
    const imported = new Set<string>();
    for (const output of Object.values(result.metafile.outputs)) {
      for (const entry of output.imports) if (entry.external) imported.add(packageOf(entry.path));
    }
    for (const [path, text] of Object.entries(files)) {
      if (path.endsWith(".d.ts")) for (const match of text.matchAll(/from "([^".][^"]*)"/g)) imported.add(packageOf(match[1]!));
    }
    // The project itself depends on vitest; the engine's declarations only refer to its types.
    imported.delete("vitest");
    const dependencies = Object.fromEntries(
      [...imported].sort().map((name) => {
        const range = manifest.dependencies?.[name];
        if (!range) throw new Error(`sandbox-engine imports "${name}", which its package.json does not list as a dependency`);
        return [name, range];
      }),
    );

    const sdkIds = subpaths.filter((subpath) => subpath.startsWith("./aws/client-")).map((subpath) => `@aws-sdk/${subpath.slice("./aws/".length)}`);
    const exports = Object.fromEntries(
      subpaths.map((subpath) => [subpath, { types: `./types/${entryName(subpath)}.d.ts`, default: `./dist/${entryName(subpath)}.js` }]),
    );
    const kitManifest = { name: manifest.name, version: manifest.version, description: manifest.description, type: "module", exports, dependencies };
    files["package.json"] = `${JSON.stringify(kitManifest, null, 2)}\n`;
    return { files, sdkIds, vitestRange };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/** tsc's declarations for sandbox-engine/src, into `dir`. */
async function emitDeclarations(dir: string): Promise<void> {
  const tsc = join(repoRoot, "node_modules/typescript/bin/tsc");
  const args = ["-p", engineRoot, "--noEmit", "false", "--declaration", "--emitDeclarationOnly", "--rootDir", join(engineRoot, "src"), "--outDir", dir];
  try {
    await promisify(execFile)(process.execPath, [tsc, ...args], { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const { stdout } = error as { stdout?: string };
    throw new Error(`tsc could not write sandbox-engine's declarations:\n${stdout ?? String(error)}`);
  }
}

/** The engine's sources import `./x.ts`; published declarations name `./x.js`, which every resolution mode reads. */
function withJsSpecifiers(declarations: string): string {
  return declarations.replace(/(from\s+|import\()"(\.{1,2}\/[^"]+)\.ts"/g, '$1"$2.js"');
}

/** `@noble/hashes/sha2.js` -> `@noble/hashes`, `zod/mini` -> `zod`. */
function packageOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

async function sourceHash(manifest: Manifest, ranges: string): Promise<string> {
  const hash = createHash("sha256").update(JSON.stringify(manifest)).update(ranges);
  const sources = join(engineRoot, "src");
  for (const path of (await listFiles(sources)).sort()) hash.update(path).update(await readFile(join(sources, path)));
  return hash.digest("hex").slice(0, 16);
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name)).split("\\").join("/"));
}
