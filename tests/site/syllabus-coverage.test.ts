import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { readAllExercises } from "../../src/lib/exercises/read-exercise.ts";
import { moduleFolders, syllabus, type ModuleId } from "../../src/lib/syllabus.ts";

// SYLLABUS.md: every concept needs a lesson that explains it and a graded exercise that makes the learner use it.
// Every module of the syllabus is written now: a module whose lesson folder is missing fails the first test.
const docsRoot = fileURLToPath(new URL("../../src/content/docs/", import.meta.url));
const exercises = await readAllExercises(fileURLToPath(new URL("../../src/content/exercises/", import.meta.url)));
const exercised = new Set<string>(exercises.flatMap((exercise) => exercise.concepts));

function lessonConcepts(folder: string): Set<string> {
  const concepts = new Set<string>();
  for (const name of readdirSync(folder).filter((file) => /\.mdx?$/.test(file))) {
    const source = readFileSync(join(folder, name), "utf8");
    const frontmatter = /^---\n([\s\S]*?)\n---/.exec(source)?.[1] ?? "";
    for (const concept of (parseYaml(frontmatter)?.concepts ?? []) as string[]) concepts.add(concept);
  }
  return concepts;
}

const writtenModules = (Object.keys(syllabus) as ModuleId[]).filter((id) => existsSync(join(docsRoot, moduleFolders[id])));

describe("syllabus coverage", () => {
  it("has every module of the syllabus, from 0 (foundations) to 6 (capstone)", () => {
    expect(writtenModules).toEqual(Object.keys(syllabus));
  });

  it.each(writtenModules)("module %s: every concept has a lesson and a graded exercise", (moduleId) => {
    const taught = lessonConcepts(join(docsRoot, moduleFolders[moduleId]));
    const concepts: readonly string[] = syllabus[moduleId];
    expect(concepts.filter((concept) => !taught.has(concept)), "concepts no lesson lists in its frontmatter `concepts:`").toEqual([]);
    expect(concepts.filter((concept) => !exercised.has(concept)), "concepts no exercise lists in exercise.yaml `concepts:`").toEqual([]);
  });
});
