import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { parse as parseYaml, YAMLParseError } from "yaml";
import type { z } from "astro/zod";
import { exerciseMetaSchema, type ExerciseFolder, type ExerciseFile, type ExerciseMeta } from "./schema.ts";

/**
 * A mistake in an exercise folder. The message names the file and the field so an author can fix it without
 * reading a stack trace.
 */
export class ExerciseDefinitionError extends Error {
  override name = "ExerciseDefinitionError";
}

const metadataFile = "exercise.yaml";

/** Reads every exercise under `root` (folders `<module>/<slug>/`), sorted by id. */
export async function readAllExercises(root: string): Promise<ExerciseFolder[]> {
  const exercises: ExerciseFolder[] = [];
  for (const moduleName of await subfolders(root)) {
    for (const slug of await subfolders(join(root, moduleName))) {
      exercises.push(await readExercise(join(root, moduleName, slug), `${moduleName}/${slug}`));
    }
  }
  return exercises.sort((a, b) => a.id.localeCompare(b.id));
}

/** Reads and validates one exercise folder: metadata, starter/, solution/ and tests/. */
export async function readExercise(folder: string, id: string): Promise<ExerciseFolder> {
  const where = (file: string) => relative(process.cwd(), join(folder, file));
  const meta = await readMeta(folder, where(metadataFile));
  const starterNames = await sourceFiles(folder, "starter", where);
  const solutionNames = await sourceFiles(folder, "solution", where);
  const testNames = await sourceFiles(folder, "tests", where);

  for (const [index, name] of meta.editable.entries()) {
    if (!starterNames.includes(name)) {
      fail(where(metadataFile), `editable[${index}]`, `"${name}" is not a file in starter/ (found: ${starterNames.join(", ")})`);
    }
  }
  // solution/ holds the answer to each editable file; read-only files live once, in starter/, and serve both.
  const missingInSolution = meta.editable.filter((name) => !solutionNames.includes(name));
  if (missingInSolution.length > 0) {
    fail(where("solution"), "files", `solution/ needs a solved copy of every editable file; missing ${missingInSolution.join(", ")}`);
  }
  const extraInSolution = solutionNames.filter((name) => !meta.editable.includes(name));
  if (extraInSolution.length > 0) {
    fail(where("solution"), "files", `only editable files belong in solution/ (read-only files live in starter/ alone); remove ${extraInSolution.join(", ")}`);
  }
  const notTests = testNames.filter((name) => !name.endsWith(".test.ts"));
  if (notTests.length > 0) {
    fail(where("tests"), "files", `test files must end in .test.ts: ${notTests.join(", ")}`);
  }

  const role = (name: string): ExerciseFile["role"] => (meta.editable.includes(name) ? "editable" : "read-only");
  const load = async (variant: string, names: string[], roleOf: (name: string) => ExerciseFile["role"]) =>
    Promise.all(
      names.map(async (name) => ({ name, role: roleOf(name), source: await readFile(join(folder, variant, name), "utf8") })),
    );

  return {
    id,
    ...meta,
    starter: await load("starter", starterNames, role),
    solution: [
      ...(await load("solution", solutionNames, role)),
      ...(await load("starter", starterNames.filter((name) => !meta.editable.includes(name)), role)),
    ].sort((a, b) => a.name.localeCompare(b.name)),
    tests: await load("tests", testNames, () => "test"),
  };
}

async function readMeta(folder: string, shownPath: string): Promise<ExerciseMeta> {
  let text: string;
  try {
    text = await readFile(join(folder, metadataFile), "utf8");
  } catch {
    throw new ExerciseDefinitionError(`${shownPath}: missing. Every exercise folder needs an ${metadataFile}.`);
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    const line = error instanceof YAMLParseError ? `:${error.linePos?.[0]?.line ?? "?"}` : "";
    throw new ExerciseDefinitionError(`${shownPath}${line}: not valid YAML: ${(error as Error).message.split("\n")[0]}`);
  }
  const parsed = exerciseMetaSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    throw new ExerciseDefinitionError(parsed.error.issues.map((issue) => `${shownPath}: ${describeIssue(issue)}`).join("\n"));
  }
  return parsed.data;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.reduce<string>(
    (path, key) => (typeof key === "number" ? `${path}[${key}]` : path ? `${path}.${String(key)}` : String(key)),
    "",
  );
  return `${field || "(top level)"}: ${issue.message}`;
}

async function sourceFiles(folder: string, variant: string, where: (file: string) => string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(join(folder, variant));
  } catch {
    throw new ExerciseDefinitionError(`${where(variant)}/: missing. An exercise needs starter/, solution/ and tests/ folders.`);
  }
  const sources = names.filter((name) => name.endsWith(".ts")).sort();
  if (sources.length === 0) {
    throw new ExerciseDefinitionError(`${where(variant)}/: no .ts file in it.`);
  }
  return sources;
}

async function subfolders(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

function fail(file: string, field: string, message: string): never {
  throw new ExerciseDefinitionError(`${file}: ${field}: ${message}`);
}
