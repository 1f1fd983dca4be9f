import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { readAllExercises } from "../../src/lib/exercises/read-exercise.ts";
import { vitestDeclarations } from "../../src/lib/vite/exercise-typings-plugin.ts";
import { exerciseLibs } from "../../src/lib/exercise-libs.ts";
import { sdkModuleIds } from "../../sandbox-engine/src/services.ts";

/**
 * Every exercise's starter and solution, with its tests, type-check under strict TypeScript the way the editor
 * checks them: files side by side, "vitest" = the harness's typed API, "@aws-sdk/client-*" = the engine's client
 * modules (the real SDK's declarations, with the sandbox's client options).
 * A type error in a starter would greet every learner with red squiggles before they type anything.
 */
const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const exercises = await readAllExercises(join(repoRoot, "src/content/exercises"));
const virtualRoot = join(repoRoot, ".virtual-exercises");
const vitestFile = join(virtualRoot, "vitest.d.ts");

const files = new Map<string, string>([[vitestFile, vitestDeclarations()]]);
for (const exercise of exercises) {
  for (const variant of ["starter", "solution"] as const) {
    for (const file of [...exercise[variant], ...exercise.tests]) files.set(join(virtualRoot, exercise.id, variant, file.name), file.source);
  }
}

const options: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: [...exerciseLibs],
  types: [],
  skipLibCheck: true,
  allowImportingTsExtensions: true,
};

/** What exercise files import by these ids; the engine's own `@aws-sdk/client-*` imports are the real packages. */
const exerciseModules: Record<string, string> = {
  vitest: vitestFile,
  // "@aws-sdk/client-<service>" = the engine's SDK module of each service in the registry.
  ...Object.fromEntries(sdkModuleIds.map((id) => [`@aws-sdk/${id}`, join(repoRoot, `sandbox-engine/src/aws/${id}.ts`)])),
};

function diagnosticsByExercise(): Map<string, string[]> {
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (name) => files.get(name) ?? readFile(name);
  host.fileExists = (name) => files.has(name) || fileExists(name);
  const directoryExists = host.directoryExists?.bind(host);
  host.directoryExists = (name) => name.startsWith(virtualRoot) || (directoryExists?.(name) ?? true);
  host.resolveModuleNameLiterals = (literals, containingFile) =>
    literals.map(({ text }) => {
      const target = containingFile.startsWith(virtualRoot) ? exerciseModules[text] : undefined;
      if (target !== undefined) return { resolvedModule: { resolvedFileName: target, extension: target.endsWith(".d.ts") ? ts.Extension.Dts : ts.Extension.Ts } };
      return ts.resolveModuleName(text, containingFile, options, host);
    });
  host.getSourceFile = (name, language, onError, create) =>
    files.has(name) ? ts.createSourceFile(name, files.get(name)!, language) : getSourceFile(name, language, onError, create);
  const program = ts.createProgram({ rootNames: [...files.keys()], options, host });
  const found = new Map<string, string[]>();
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const name = diagnostic.file?.fileName ?? "";
    const where = name.startsWith(virtualRoot) ? name.slice(virtualRoot.length + 1) : name;
    const id = where.split("/").slice(0, 2).join("/");
    const position = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start) : undefined;
    const message = `${where}${position ? `:${position.line + 1}:${position.character + 1}` : ""} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
    found.set(id, [...(found.get(id) ?? []), message]);
  }
  return found;
}

describe("exercise sources type-check like the editor checks them", () => {
  const diagnostics = diagnosticsByExercise();

  it("checks every exercise", () => {
    expect(exercises.length).toBeGreaterThan(0);
  });

  it.each(exercises.map((exercise) => exercise.id))("%s: starter, solution and tests have no type error", (id) => {
    expect(diagnostics.get(id) ?? []).toEqual([]);
  });

  it("reports nothing outside the exercises (the engine and the vitest declaration included)", () => {
    const elsewhere = [...diagnostics.entries()].filter(([id]) => !exercises.some((exercise) => exercise.id === id));
    expect(elsewhere).toEqual([]);
  });
}, 120_000);
