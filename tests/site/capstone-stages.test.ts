import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readAllExercises } from "../../src/lib/exercises/read-exercise.ts";

/**
 * The capstone is one project in five stages (issue 12): stage N's starter is stage N-1's reference solution plus
 * the new stage's scaffolding, so a learner who got stuck can go on. Compared file by file, by content.
 */
const stages = ["order-api", "order-routing", "order-consumers", "order-mail", "chaos-and-bill"].map((slug) => `capstone/${slug}`);
const exercises = await readAllExercises(fileURLToPath(new URL("../../src/content/exercises/", import.meta.url)));
const byId = new Map(exercises.map((exercise) => [exercise.id, exercise]));

const filesOf = (files: { name: string; source: string }[]) => new Map(files.map((file) => [file.name, file.source]));

describe("capstone stages", () => {
  it("has its five stages", () => {
    expect(stages.filter((id) => !byId.has(id))).toEqual([]);
  });

  it.each(stages.slice(1).map((id, index) => [id, stages[index]!] as const))("%s starts from %s's solution", (id, previousId) => {
    const previousSolution = filesOf(byId.get(previousId)!.solution);
    const starter = filesOf(byId.get(id)!.starter);
    const missing = [...previousSolution.keys()].filter((name) => !starter.has(name));
    expect(missing, `files of ${previousId}'s solution missing from ${id}'s starter`).toEqual([]);
    const changed = [...previousSolution].filter(([name, source]) => starter.get(name) !== source).map(([name]) => name);
    expect(changed, `files of ${id}'s starter that differ from ${previousId}'s solution`).toEqual([]);
    const added = [...starter.keys()].filter((name) => !previousSolution.has(name));
    expect(added.length, `${id} adds its own scaffolding or files to write`).toBeGreaterThan(0);
    const editable = byId.get(id)!.editable;
    expect(editable.filter((name) => previousSolution.has(name)), "a stage's learner files are new files: earlier solutions stay read-only").toEqual([]);
  });
});
