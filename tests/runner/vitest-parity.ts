import { spawn } from "node:child_process";
import { mkdtemp, mkdir, readFile, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultModules, runExercise } from "../../sandbox-engine/src/runner/index.ts";
import { childEnvironment } from "../support/child-environment.ts";
import { sandboxFetchSetup } from "../../src/lib/project-tree/project-tree.ts";
import type { RunRequest, RunResults } from "../../sandbox-engine/src/runner/index.ts";

/**
 * Parity between real vitest and EventLab's in-browser harness (DESIGN.md: "the verdicts of vitest
 * and of the browser harness agree test by test").
 *
 * The same files, laid out side by side as the runner sees them, run twice:
 * - under real vitest, in a child process, with the `@aws-sdk/client-*` ids aliased to
 *   sandbox-engine's client modules (the real SDK with sandbox defaults), read back from vitest's JSON reporter;
 * - through `runExercise`.
 * Tests are matched by full name, `[...ancestorTitles, title].join(" > ")` (vitest's JSON
 * `fullName` joins with spaces, which is ambiguous; the harness's names use " > ").
 *
 * Verdicts are compared as "pass" | "fail" | "skip":
 * - vitest: passed -> pass, failed -> fail, anything else (skipped, todo, pending) -> skip;
 * - harness: pass -> pass, fail -> fail; "error" (not run because a beforeAll failed, which
 *   vitest reports as skipped) and absent (skipped tests are left out of the results) -> skip.
 * A test file that fails to load is an "error" run in the harness and a failed file with no
 * tests in vitest; those must coincide too.
 */

export type Verdict = "pass" | "fail" | "skip";

export interface Mismatch {
  name: string;
  vitest: Verdict;
  harness: Verdict;
}

export interface ParityReport {
  /** True when every test has the same verdict and both sides agree on load errors. */
  agree: boolean;
  mismatches: Mismatch[];
  vitest: VitestRun;
  harness: RunResults;
}

export interface VitestRun {
  /** Verdict by full name (duplicates get " (2)", " (3)"... in file order). */
  verdicts: Record<string, Verdict>;
  /** Test files that failed to load or collect, with vitest's message. */
  fileErrors: Record<string, string>;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const vitestBin = join(repoRoot, "node_modules/vitest/vitest.mjs");

/**
 * Run `request` under real vitest and under `runExercise`, and compare the verdicts.
 * `run` defaults to `runExercise` (the real engine modules); pass another to use stand-ins.
 */
export async function checkParity(
  request: RunRequest,
  run: (request: RunRequest) => Promise<RunResults> = runExercise,
): Promise<ParityReport> {
  const [vitest, harness] = [await runWithVitest(request), await run(request)];
  const mismatches = compareVerdicts(vitest.verdicts, harnessVerdicts(harness));
  const loadErrorsAgree = (Object.keys(vitest.fileErrors).length > 0) === (harness.status === "error");
  return { agree: mismatches.length === 0 && loadErrorsAgree, mismatches, vitest, harness };
}

/** Read a fixture folder into a run request: every file, test files chosen by `isTest`. */
export async function readRequest(
  dir: string,
  isTest: (file: string) => boolean = (file) => /\.test\.ts$/.test(file),
): Promise<RunRequest> {
  const files: Record<string, string> = {};
  const walk = async (folder: string) => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else files[relative(dir, path).split("\\").join("/")] = await readFile(path, "utf8");
    }
  };
  await walk(dir);
  return { files, testFiles: Object.keys(files).filter(isTest).sort() };
}

/** The request's files laid out side by side in a temporary folder that real vitest can run. */
export interface VitestProject {
  dir: string;
  /** Arguments for `node vitest.mjs ...`, optionally writing JSON results to `outputFile`. */
  args(outputFile?: string): string[];
  remove(): Promise<void>;
}

export async function writeVitestProject(request: RunRequest): Promise<VitestProject> {
  const dir = await mkdtemp(join(tmpdir(), "eventlab-parity-"));
  for (const [file, source] of Object.entries(request.files)) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), source);
  }
  // So "vitest" and "sandbox-engine" resolve from the temporary folder as from the repo.
  await symlink(join(repoRoot, "node_modules"), join(dir, "node_modules"), "dir");
  await writeFile(join(dir, "vitest.config.mjs"), vitestConfig(request.testFiles));
  await writeFile(join(dir, sandboxFetchSetup.file), sandboxFetchSetup.source);
  return {
    dir,
    args: (outputFile) => [
      vitestBin,
      "run",
      "--root",
      dir,
      "--config",
      join(dir, "vitest.config.mjs"),
      ...(outputFile ? ["--reporter=json", `--outputFile=${outputFile}`] : []),
    ],
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Write the request's files to a temporary folder and run its test files with real vitest. */
export async function runWithVitest(request: RunRequest, timeoutMs = 60_000): Promise<VitestRun> {
  const project = await writeVitestProject(request);
  try {
    const output = join(project.dir, "vitest-results.json");
    const { code, stderr } = await spawnVitest(project.args(output), timeoutMs);
    let json: string;
    try {
      json = await readFile(output, "utf8");
    } catch {
      throw new Error(`vitest wrote no results (exit ${code}):\n${stderr}`);
    }
    return parseVitestJson(JSON.parse(json) as VitestJson, project.dir);
  } finally {
    await project.remove();
  }
}

/** The harness's verdicts by full name, normalised as described above. */
export function harnessVerdicts(results: RunResults): Record<string, Verdict> {
  return byName(results.tests.map((t) => [t.name, t.status === "pass" ? "pass" : t.status === "fail" ? "fail" : "skip"]));
}

/** Every name whose verdicts differ; a name missing on one side counts as "skip" there. */
export function compareVerdicts(vitest: Record<string, Verdict>, harness: Record<string, Verdict>): Mismatch[] {
  const names = [...new Set([...Object.keys(vitest), ...Object.keys(harness)])];
  return names
    .map((name) => ({ name, vitest: vitest[name] ?? "skip", harness: harness[name] ?? "skip" }))
    .filter((m) => m.vitest !== m.harness);
}

export interface VitestJson {
  testResults: {
    name: string;
    status: string;
    message: string;
    assertionResults: { ancestorTitles: string[]; title: string; status: string }[];
  }[];
}

export function parseVitestJson(json: VitestJson, dir: string): VitestRun {
  const entries: [string, Verdict][] = [];
  const fileErrors: Record<string, string> = {};
  for (const file of json.testResults) {
    if (file.message && file.assertionResults.length === 0) fileErrors[relative(dir, file.name)] = file.message;
    for (const test of file.assertionResults) {
      const verdict: Verdict = test.status === "passed" ? "pass" : test.status === "failed" ? "fail" : "skip";
      entries.push([[...test.ancestorTitles, test.title].join(" > "), verdict]);
    }
  }
  return { verdicts: byName(entries), fileErrors };
}

function byName(entries: [string, Verdict][]): Record<string, Verdict> {
  const out: Record<string, Verdict> = {};
  const seen = new Map<string, number>();
  for (const [name, verdict] of entries) {
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    out[n === 1 ? name : `${name} (${n})`] = verdict;
  }
  return out;
}

/**
 * `@aws-sdk/client-x` -> `sandbox-engine/aws/client-x` for the exercise's own files, for every SDK id the runner
 * knows; sandbox-engine itself imports the real package under the same id, so its imports are left alone.
 */
function vitestConfig(testFiles: string[]): string {
  const aliases = Object.fromEntries(
    Object.keys(defaultModules)
      .filter((id) => id.startsWith("@aws-sdk/"))
      .map((id) => [id, id.replace("@aws-sdk/", "sandbox-engine/aws/")]),
  );
  const test = { include: testFiles, watch: false, allowOnly: true, setupFiles: [`./${sandboxFetchSetup.file}`] };
  return [
    `const aliases = ${JSON.stringify(aliases)};`,
    "export default {",
    "  plugins: [{",
    '    name: "eventlab-aws-sdk-ids",',
    '    enforce: "pre",',
    "    resolveId(id, importer) {",
    '      if (!Object.hasOwn(aliases, id) || (importer ?? "").includes("/sandbox-engine/")) return null;',
    "      return this.resolve(aliases[id], importer, { skipSelf: true });",
    "    },",
    "  }],",
    `  test: ${JSON.stringify(test)},`,
    "};",
    "",
  ].join("\n");
}

function spawnVitest(args: string[], timeoutMs: number): Promise<{ code: number | null; stderr: string }> {
  const env = childEnvironment();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`vitest did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stderr });
    });
  });
}
