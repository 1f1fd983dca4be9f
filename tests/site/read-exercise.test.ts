import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readAllExercises, readExercise } from "../../src/lib/exercises/read-exercise.ts";

const goodMeta = `title: A queue
summary: Drain it.
concepts: [sqs.producer-consumer]
editable: [consumer.ts]
hints: ["Receive first."]
`;

let root: string;

async function writeExercise(files: Record<string, string>): Promise<string> {
  const folder = join(root, "sqs", "drain");
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(folder, path, ".."), { recursive: true });
    await writeFile(join(folder, path), content);
  }
  return folder;
}

const complete = {
  "exercise.yaml": goodMeta,
  "starter/consumer.ts": "export const x = 0;\n",
  "solution/consumer.ts": "export const x = 1;\n",
  "tests/consumer.test.ts": 'import { x } from "./consumer";\n',
};

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "eventlab-exercise-"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("reading an exercise folder", () => {
  it("reads metadata, defaults and the files of every variant", async () => {
    await writeExercise(complete);
    const [exercise] = await readAllExercises(root);
    expect(exercise).toMatchObject({
      id: "sqs/drain",
      title: "A queue",
      timeLimitSeconds: 5,
      starter: [{ name: "consumer.ts", role: "editable", source: "export const x = 0;\n" }],
      solution: [{ name: "consumer.ts", role: "editable" }],
      tests: [{ name: "consumer.test.ts", role: "test" }],
    });
  });

  it("names the file and the field of an unknown concept id", async () => {
    const folder = await writeExercise({ ...complete, "exercise.yaml": goodMeta.replace("sqs.producer-consumer", "sqs.nope") });
    await expect(readExercise(folder, "sqs/drain")).rejects.toThrow(
      /exercise\.yaml: concepts\[0\]: "sqs\.nope" is not a syllabus concept id/,
    );
  });

  it("names a missing required field", async () => {
    const folder = await writeExercise({ ...complete, "exercise.yaml": goodMeta.replace("title: A queue\n", "") });
    await expect(readExercise(folder, "sqs/drain")).rejects.toThrow(/exercise\.yaml: title: /);
  });

  it("rejects a field the schema does not know (a typo would otherwise be ignored)", async () => {
    const folder = await writeExercise({ ...complete, "exercise.yaml": `${goodMeta}timelimit: 3\n` });
    await expect(readExercise(folder, "sqs/drain")).rejects.toThrow(/exercise\.yaml: .*timelimit/);
  });

  it("reports YAML syntax errors with the line", async () => {
    const folder = await writeExercise({ ...complete, "exercise.yaml": "title: [unclosed\n" });
    await expect(readExercise(folder, "sqs/drain")).rejects.toThrow(/exercise\.yaml:\d+: not valid YAML/);
  });

  it("names a solution file that is missing", async () => {
    const { ["solution/consumer.ts"]: _dropped, ...rest } = complete;
    const folder = await writeExercise({ ...rest, "solution/other.ts": "export {};\n" });
    await expect(readExercise(folder, "sqs/drain")).rejects.toThrow(/solution: files: .*missing consumer\.ts/);
  });

  it("shares read-only starter files with the solution, and refuses a second copy in solution/", async () => {
    const folder = await writeExercise({ ...complete, "starter/clock.ts": "export const now = 0;\n" });
    const exercise = await readExercise(folder, "sqs/drain");
    expect(exercise.solution.map((file) => [file.name, file.role])).toEqual([["clock.ts", "read-only"], ["consumer.ts", "editable"]]);
    await writeFile(join(folder, "solution/clock.ts"), "export const now = 1;\n");
    await expect(readExercise(folder, "sqs/drain")).rejects.toThrow(/solution: files: only editable files belong in solution\/.*remove clock\.ts/);
  });

  it("names a missing tests folder", async () => {
    const { ["tests/consumer.test.ts"]: _dropped, ...rest } = complete;
    const folder = await writeExercise(rest);
    await expect(readExercise(folder, "sqs/drain")).rejects.toThrow(/tests\/: missing/);
  });

  it("names an editable file that is not in starter/", async () => {
    const folder = await writeExercise({ ...complete, "exercise.yaml": goodMeta.replace("[consumer.ts]", "[worker.ts]") });
    await expect(readExercise(folder, "sqs/drain")).rejects.toThrow(/editable\[0\]: "worker\.ts" is not a file in starter\//);
  });
});
