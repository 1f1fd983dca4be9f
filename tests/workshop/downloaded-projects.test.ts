import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runExercise, type RunResults } from "../../sandbox-engine/src/runner/index.ts";
import { readAllExercises } from "../../src/lib/exercises/read-exercise.ts";
import type { ExerciseFolder } from "../../src/lib/exercises/schema.ts";
import { buildEngineKit } from "../../src/lib/project-tree/build-engine-kit.ts";
import type { EngineKit } from "../../src/lib/project-tree/engine-kit.ts";
import { buildProjectTree, projectName, type ProjectTree } from "../../src/lib/project-tree/project-tree.ts";
import { exerciseRequest } from "../exercises/exercise-requests.ts";
import { compareVerdicts, harnessVerdicts, parseVitestJson, type VitestJson, type VitestRun } from "../runner/vitest-parity.ts";
import { childEnvironment } from "../support/child-environment.ts";
import { installedVitest, linkInstall, sharedInstall, typeErrorsByTree, writeTree } from "./support/project-trees.ts";

/**
 * Issue 14, item 1: every exercise, downloaded as a project, passes under real vitest with its solution and fails
 * with its starter, with the same verdict per test as the in-page runner.
 *
 * Fast and still real: `npm install` runs once for what every project installs (see sharedInstall); each tree gets
 * a node_modules linking those packages and its own sandbox-engine folder; one real vitest (the installed one, in
 * a child Node) runs all trees of a variant at once as projects, each with its own vitest.config.mjs and root.
 * One tree also runs `npm test` on its own, exactly as its README tells a learner. And every tree type-checks as
 * tsc checks it with the tree's tsconfig.json, against the packed engine's declarations (one program for all).
 */
const variants = ["solution", "starter"] as const;
type Variant = (typeof variants)[number];

const exercises = await readAllExercises(fileURLToPath(new URL("../../src/content/exercises/", import.meta.url)));
const folders: string[] = [];
let kit: EngineKit;
let installDir: string;
const vitestRuns: Record<Variant, Map<string, VitestRun>> = { solution: new Map(), starter: new Map() };
const harnessRuns: Record<Variant, Map<string, RunResults>> = { solution: new Map(), starter: new Map() };
const treeDirs: Record<Variant, Map<string, string>> = { solution: new Map(), starter: new Map() };
let typeErrors: Map<string, string[]>;

const treeOf = (exercise: ExerciseFolder, variant: Variant): ProjectTree =>
  buildProjectTree({ id: exercise.id, title: exercise.title, summary: exercise.summary, files: [...exercise[variant], ...exercise.tests], kit });

beforeAll(async () => {
  kit = await buildEngineKit();
  installDir = await sharedInstall(kit);
  const roots: Record<Variant, string> = { solution: "", starter: "" };
  for (const variant of variants) {
    const root = await mkdtemp(join(tmpdir(), `eventlab-downloads-${variant}-`));
    folders.push(root);
    roots[variant] = root;
    const dirs = new Map(exercises.map((exercise) => [exercise.id, join(root, projectName(exercise.id))]));
    treeDirs[variant] = dirs;
    for (const exercise of exercises) {
      await writeTree(dirs.get(exercise.id)!, treeOf(exercise, variant));
      await linkInstall(dirs.get(exercise.id)!, installDir);
    }
    await writeFile(join(root, "vitest.config.mjs"), `export default { test: { projects: ${JSON.stringify([...dirs.values()])} } };\n`);
  }
  // Both variants' real vitest at once, each in a child Node: a run spends much of its time in its main process
  // (Vite transforms each tree's packed engine), so one alone leaves a core idle. This process meanwhile runs
  // the in-page harness and the type check.
  const realVitest = async (variant: Variant) => {
    const output = join(roots[variant], "results.json");
    await node([installedVitest(installDir), "run", "--root", roots[variant], "--reporter=json", `--outputFile=${output}`], roots[variant]);
    const json = JSON.parse(await readFile(output, "utf8")) as VitestJson;
    for (const [id, dir] of treeDirs[variant]) {
      const testResults = json.testResults.filter((file) => file.name.startsWith(dir + sep));
      vitestRuns[variant].set(id, parseVitestJson({ testResults }, dir));
    }
  };
  const harnessAndTypes = async () => {
    // One at a time: the in-page harness's clients bind to the newest sandbox of this process.
    for (const variant of variants) {
      for (const exercise of exercises) harnessRuns[variant].set(exercise.id, await runExercise(exerciseRequest(exercise, variant)));
    }
    typeErrors = typeErrorsByTree([...treeDirs.solution.values(), ...treeDirs.starter.values()]);
  };
  await Promise.all([...variants.map(realVitest), harnessAndTypes()]);
});

afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

it("packs sandbox-engine as built JavaScript and declarations, never its TypeScript sources", () => {
  const paths = Object.keys(kit.files);
  expect(paths).toContain("dist/index.js");
  expect(paths).toContain("types/index.d.ts");
  expect(paths.filter((path) => path.endsWith(".ts") && !path.endsWith(".d.ts"))).toEqual([]);
  expect(Object.values(kit.files).filter((text) => /from "\.{1,2}\/[^"]+\.ts"/.test(text))).toEqual([]);
  const manifest = JSON.parse(kit.files["package.json"]!) as { exports: Record<string, unknown> };
  expect(Object.keys(manifest.exports)).toEqual(expect.arrayContaining([".", "./aws/client-sqs", "./aws/client-sns", "./aws/client-lambda"]));
});

it("a downloaded tree holds package.json with vitest, the engine as a local dependency, the config, the files and a README", () => {
  const exercise = exercises.find((candidate) => candidate.id === "sqs/first-consumer")!;
  const tree = treeOf(exercise, "starter");
  const manifest = JSON.parse(tree["package.json"]!) as { devDependencies: Record<string, string>; dependencies: Record<string, string> };
  expect(manifest.devDependencies.vitest).toBe(kit.vitestRange);
  expect(manifest.dependencies["sandbox-engine"]).toBe("file:./sandbox-engine");
  expect(tree["sandbox-engine/package.json"]).toBe(kit.files["package.json"]);
  expect(tree["vitest.config.mjs"]).toContain('"@aws-sdk/client-sqs": "sandbox-engine/aws/client-sqs"');
  for (const file of [...exercise.starter, ...exercise.tests]) expect(tree[`src/${file.name}`]).toBe(file.source);
  expect(tree["README.md"]).toContain("npm install");
  expect(tree["README.md"]).toContain("npx vitest run");
});

describe.each(exercises.map((exercise) => [exercise.id] as const))("downloaded %s", (id) => {
  it("passes every test with the solution and fails at least one with the starter, under real vitest", () => {
    const solution = vitestRuns.solution.get(id)!;
    const starter = vitestRuns.starter.get(id)!;
    expect(solution.fileErrors).toEqual({});
    expect(Object.keys(solution.verdicts).length).toBeGreaterThan(0);
    expect(Object.entries(solution.verdicts).filter(([, verdict]) => verdict !== "pass")).toEqual([]);
    expect(Object.values(starter.verdicts)).toContain("fail");
  });

  it("type-checks as downloaded (tsc with the tree's tsconfig.json), with the solution and with the starter", () => {
    for (const variant of variants) expect(typeErrors.get(treeDirs[variant].get(id)!), variant).toEqual([]);
  });

  it("gives each test the same verdict as the in-page runner, for the solution and the starter", () => {
    for (const variant of variants) {
      const harness = harnessRuns[variant].get(id)!;
      const vitest = vitestRuns[variant].get(id)!;
      expect(compareVerdicts(vitest.verdicts, harnessVerdicts(harness)), variant).toEqual([]);
      expect(Object.keys(vitest.verdicts).sort(), variant).toEqual(harness.tests.map((test) => test.name).sort());
    }
  });
});

it("`npm test` in a downloaded tree passes with the solution and fails with the starter, as its README says", async () => {
  const exercise = exercises.find((candidate) => candidate.id === "sqs/first-consumer")!;
  const outcomes: Record<Variant, number | null> = { solution: null, starter: null };
  for (const variant of variants) {
    const dir = await mkdtemp(join(tmpdir(), `eventlab-download-${variant}-`));
    folders.push(dir);
    await writeTree(dir, treeOf(exercise, variant));
    await linkInstall(dir, installDir);
    outcomes[variant] = (await run("npm", ["test", "--silent"], dir)).code;
  }
  expect(outcomes).toEqual({ solution: 0, starter: 1 });
});

function node(args: string[], cwd: string) {
  return run(process.execPath, args, cwd);
}

/** Runs a command to its end; a non-zero exit (vitest with a failing test) is an outcome here, not an error. */
function run(command: string, args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, env: childEnvironment(), maxBuffer: 64 * 1024 * 1024, timeout: 240_000 }, (error, stdout, stderr) => {
      const code = error && typeof error.code === "number" ? error.code : error ? null : 0;
      if (error && code === null) reject(new Error(`${command} ${args.join(" ")} did not finish: ${error.message}\n${stderr}`));
      else resolve({ code, output: `${stdout}${stderr}` });
    });
  });
}
