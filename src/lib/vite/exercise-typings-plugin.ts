import { readFile, readdir } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";
import { sdkModuleIds } from "../../../sandbox-engine/src/services.ts";
import { bundleSdkDeclarations, sdkClients } from "./sdk-declarations.ts";

const virtualId = "virtual:eventlab/exercise-typings";
const resolvedId = `\0${virtualId}`;

/** The names exercise tests import from "vitest" (keys of VitestTypes). */
const vitestExports = ["describe", "suite", "it", "test", "expect", "assert", "vi", "beforeAll", "afterAll", "beforeEach", "afterEach", "onTestFinished", "onTestFailed"];

/** Packages whose declarations the editor needs so that `expect(...)`, `vi.fn()` and friends are typed. */
const declarationPackages = [
  "@vitest/expect",
  "@vitest/spy",
  "@vitest/utils",
  "@vitest/pretty-format",
  "@standard-schema/spec",
  "tinyrainbow",
  "@types/chai",
  "@types/deep-eql",
  // Learner handlers type their events with it: `import type { APIGatewayProxyEventV2 } from "aws-lambda"`.
  "@types/aws-lambda",
];

/**
 * Gives Monaco's TypeScript worker a small virtual `node_modules`, so learner files see sandbox-engine, the
 * `@aws-sdk/client-*` clients (the real SDK's declarations, bundled, behind the engine's client modules) and the
 * vitest API with full IntelliSense, offline. The module exports a map from
 * `file:///node_modules/...` paths to file contents; it is imported only together with the editor.
 */
export function exerciseTypingsPlugin(root: URL): Plugin {
  const rootPath = fileURLToPath(root);
  return {
    name: "eventlab-exercise-typings",
    resolveId: (id) => (id === virtualId ? resolvedId : undefined),
    async load(id) {
      if (id !== resolvedId) return undefined;
      const files = await collectTypings(rootPath);
      for (const path of files.watched) this.addWatchFile(path);
      return `export default ${JSON.stringify(files.typings)};`;
    },
  };
}

export async function collectTypings(rootPath: string): Promise<{ typings: Record<string, string>; watched: string[] }> {
  const typings: Record<string, string> = {};
  const watched: string[] = [];
  const add = async (absolutePath: string, virtualPath: string) => {
    typings[`file:///node_modules/${virtualPath}`] = await readFile(absolutePath, "utf8");
    watched.push(absolutePath);
  };

  // sandbox-engine as TypeScript source: what learners import, minus the runner (a host-side detail).
  const engine = join(rootPath, "sandbox-engine");
  await add(join(engine, "package.json"), "sandbox-engine/package.json");
  for (const file of await listFiles(join(engine, "src"))) {
    const inside = relative(engine, file);
    if (file.endsWith(".ts") && !inside.startsWith(join("src", "runner"))) await add(file, `sandbox-engine/${inside}`);
  }

  // The real SDK's declarations, one bundled file per client under a name of its own: inside exercises
  // "@aws-sdk/client-x" means the engine's module, which re-exports the real package (renamed here, so the
  // engine's own import of it is not taken for itself).
  const sdk = await bundleSdkDeclarations(rootPath);
  for (const client of sdkClients) {
    const bundled = `@eventlab/aws-sdk-client-${client}`;
    typings[`file:///node_modules/${bundled}/package.json`] = JSON.stringify({ name: bundled, types: "index.d.ts" });
    typings[`file:///node_modules/${bundled}/index.d.ts`] = sdk[client];
    const module = `file:///node_modules/sandbox-engine/src/aws/client-${client}.ts`;
    typings[module] = typings[module]!.replaceAll(`"@aws-sdk/client-${client}"`, `"${bundled}"`);
  }

  for (const name of declarationPackages) {
    const folder = join(rootPath, "node_modules", name);
    await add(join(folder, "package.json"), `${name}/package.json`);
    for (const file of await listFiles(folder)) {
      if (file.endsWith(".d.ts") || file.endsWith(".d.mts")) await add(file, `${name}/${relative(folder, file)}`);
    }
  }

  // Inside exercises these ids resolve to the engine (DESIGN.md); the editor must agree with the runner.
  const alias = (name: string, target: string) => {
    typings[`file:///node_modules/${name}/package.json`] = JSON.stringify({ name, types: "index.d.ts" });
    typings[`file:///node_modules/${name}/index.d.ts`] = `export * from "${target}";\n`;
  };
  for (const id of sdkModuleIds) alias(`@aws-sdk/${id}`, `sandbox-engine/aws/${id}`);
  // "vitest" inside exercises is the harness's API (sandbox-engine/src/harness/vitest-types.ts).
  typings["file:///node_modules/vitest/package.json"] = JSON.stringify({ name: "vitest", types: "index.d.ts" });
  typings["file:///node_modules/vitest/index.d.ts"] = vitestDeclarations();
  return { typings, watched };
}

/** The module "vitest" is inside exercises: the harness's API, typed by VitestTypes. */
export function vitestDeclarations(): string {
  return [
    'import type { VitestTypes } from "sandbox-engine/harness";',
    ...vitestExports.map((name) => `export declare const ${name}: VitestTypes["${name}"];`),
  ].join("\n");
}

async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && !entry.parentPath.includes("node_modules"))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
