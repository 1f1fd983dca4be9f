import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { access, mkdir, readdir, rename, rm, symlink, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { promisify } from "node:util";
import ts from "typescript";
import type { EngineKit } from "../../../src/lib/project-tree/engine-kit.ts";
import { buildProjectTree, engineFolder, type ProjectTree } from "../../../src/lib/project-tree/project-tree.ts";
import { repoRoot } from "../../support/build-site.ts";
import { childEnvironment } from "../../support/child-environment.ts";

const installCache = join(repoRoot, "node_modules/.cache/eventlab-project-install");

/** Writes a project tree to `dir`. */
export async function writeTree(dir: string, tree: ProjectTree): Promise<void> {
  for (const [path, text] of Object.entries(tree)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}

/**
 * `npm install` run once for what every downloaded project installs (they differ only in their files under src/
 * and their name), kept under node_modules/.cache by the hash of the kit, so the tests need the registry (or
 * npm's own cache) only when the engine or its dependencies change. Returns the folder holding that node_modules.
 */
export async function sharedInstall(kit: EngineKit): Promise<string> {
  const tree = buildProjectTree({ id: "shared/install", title: "Shared install", summary: "-", files: [], kit });
  const key = createHash("sha256").update(tree["package.json"]!).update(JSON.stringify(kit)).digest("hex").slice(0, 16);
  const dir = join(installCache, key);
  if (await exists(join(dir, "node_modules/.package-lock.json"))) return dir;

  const partial = `${dir}.${process.pid}.partial`;
  await rm(partial, { recursive: true, force: true });
  await writeTree(partial, tree);
  try {
    await promisify(execFile)("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--ignore-scripts"], {
      cwd: partial,
      env: childEnvironment(),
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    throw new Error(`npm install failed for the downloaded project's dependencies:\n${(error as { stderr?: string }).stderr ?? error}`);
  }
  await rm(dir, { recursive: true, force: true });
  await rename(partial, dir);
  return dir;
}

/**
 * Gives the tree at `treeDir` the node_modules `npm install` would make there: every installed package linked
 * from the shared install, and `sandbox-engine` linked to the tree's own `sandbox-engine/` folder, as npm links a
 * `file:` dependency. So each tree runs its own copy of the engine.
 */
export async function linkInstall(treeDir: string, installDir: string): Promise<void> {
  const modules = join(treeDir, "node_modules");
  await mkdir(modules, { recursive: true });
  for (const entry of await readdir(join(installDir, "node_modules"))) {
    if (entry === engineFolder || entry === ".package-lock.json") continue;
    await symlink(join(installDir, "node_modules", entry), join(modules, entry), "dir");
  }
  await symlink(join("..", engineFolder), join(modules, engineFolder), "dir");
}

/** The vitest that `npm install` put in the shared install: the one a learner's `npx vitest` runs. */
export const installedVitest = (installDir: string) => join(installDir, "node_modules/vitest/vitest.mjs");

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/**
 * What `tsc -p <tree>` reports for each tree, by tree folder: its tsconfig.json, its files and the tests, checked
 * against what its node_modules holds (the packed sandbox-engine's declarations, vitest's, the real SDK's).
 * Trees with the same tsconfig.json (every downloaded tree has the same) are checked as one program: each file
 * still resolves its imports from its own tree, and the declarations every tree shares are read once.
 */
export function typeErrorsByTree(treeDirs: readonly string[]): Map<string, string[]> {
  const found = new Map<string, string[]>(treeDirs.map((dir) => [dir, []]));
  const byConfig = new Map<string, string[]>();
  for (const dir of treeDirs) {
    const config = ts.sys.readFile(join(dir, "tsconfig.json")) ?? "";
    byConfig.set(config, [...(byConfig.get(config) ?? []), dir]);
  }
  for (const dirs of byConfig.values()) {
    // Parsed from the first tree's file: its automatic @types are every tree's (all link the same install).
    const parsed = dirs.map((dir) => ts.getParsedCommandLineOfConfigFile(join(dir, "tsconfig.json"), undefined, configHost(dir))!);
    const program = ts.createProgram({ rootNames: parsed.flatMap((config) => config.fileNames), options: parsed[0]!.options });
    for (const [index, dir] of dirs.entries()) found.get(dir)!.push(...parsed[index]!.errors.map((diagnostic) => describe(diagnostic, dir)));
    for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
      const file = diagnostic.file?.fileName ?? "";
      const owners = dirs.filter((dir) => file.startsWith(`${dir}/`));
      for (const dir of owners.length > 0 ? owners : dirs) found.get(dir)!.push(describe(diagnostic, dir));
    }
  }
  return found;
}

function configHost(dir: string): ts.ParseConfigFileHost {
  return {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(`${dir}/tsconfig.json: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`);
    },
  };
}

function describe(diagnostic: ts.Diagnostic, dir: string): string {
  const file = diagnostic.file;
  const where = file ? `${relative(dir, file.fileName)}:${file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1} ` : "";
  return `${where}${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
}
