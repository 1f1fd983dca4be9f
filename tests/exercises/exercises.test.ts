import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { readAllExercises } from "../../src/lib/exercises/read-exercise.ts";
import { checkParity, type ParityReport } from "../runner/vitest-parity.ts";
import { exerciseRequest } from "./exercise-requests.ts";
import { frameToPageSchema, parseMessage, workerToFrameSchema } from "../../sandbox-engine/src/runner/protocol.ts";

/**
 * For every exercise (DESIGN.md, "Exercises"): the solution passes every test, the starter fails at least one,
 * and the in-browser harness (run here in Node) gives the same verdict per test as real vitest.
 */
const exercisesRoot = fileURLToPath(new URL("../../src/content/exercises/", import.meta.url));
const exercises = await readAllExercises(exercisesRoot);

const verdictsOf = (report: ParityReport) => report.harness.tests.map((test) => `${test.status}: ${test.name}`);

it("finds the exercises", () => {
  expect(exercises.map((exercise) => exercise.id)).toContain("sqs/first-consumer");
});

describe.each(exercises.map((exercise) => [exercise.id, exercise] as const))("exercise %s", (_id, exercise) => {
  let solution: ParityReport;
  let starter: ParityReport;

  beforeAll(async () => {
    // One after the other: both harness runs share this process's engine, whose clients bind to the newest
    // sandbox, so two runs at once would send into each other's simulated cloud.
    solution = await checkParity(exerciseRequest(exercise, "solution"));
    starter = await checkParity(exerciseRequest(exercise, "starter"));
  });

  it("solution passes every test", () => {
    expect(solution.harness.status, solution.harness.message ?? verdictsOf(solution).join("\n")).toBe("pass");
    expect(solution.harness.tests.length).toBeGreaterThan(0);
    expect(Object.values(solution.vitest.verdicts).every((verdict) => verdict === "pass")).toBe(true);
  });

  it("its results, traces and bill included, pass every hop of the browser runner's protocol", () => {
    for (const report of [solution, starter]) {
      const message = structuredClone({ type: "result", runId: 1, results: report.harness });
      expect(parseMessage(workerToFrameSchema, message)).toEqual({ ok: true, message });
      expect(parseMessage(frameToPageSchema, message)).toEqual({ ok: true, message });
    }
  });

  it("starter fails at least one test, and loads without error", () => {
    expect(starter.harness.status, starter.harness.message).toBe("fail");
    expect(starter.harness.tests.some((test) => test.status === "fail")).toBe(true);
  });

  it("every failing starter test tells the learner something", () => {
    for (const test of starter.harness.tests.filter((result) => result.status === "fail")) {
      expect(test.message, test.name).toMatch(/\S/);
    }
  });

  it("the browser harness and vitest agree test by test, for the solution and the starter", () => {
    expect(solution.mismatches).toEqual([]);
    expect(starter.mismatches).toEqual([]);
    expect(solution.agree && starter.agree).toBe(true);
    expect(Object.keys(solution.vitest.verdicts).sort()).toEqual(solution.harness.tests.map((test) => test.name).sort());
  });
});
