import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { access, mkdir, readdir, rename, rm, symlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
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
