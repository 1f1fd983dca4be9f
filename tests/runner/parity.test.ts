import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runExercise, type CollectedTests } from "../../sandbox-engine/src/runner/index.ts";
import { checkParity, readRequest } from "./vitest-parity.ts";

const fixture = fileURLToPath(new URL("./fixtures/parity", import.meta.url));

describe("parity with vitest", () => {
  it("gives the same verdict per test as real vitest on the fixture exercise", async () => {
    // given the fixture's learner module and test file, side by side as in the browser
    const request = await readRequest(fixture, (file) => file.endsWith(".check.ts"));
    // Exercises import the SDK id; the fixture file does not only so the repo typecheck passes.
    request.files["orders.ts"] = request.files["orders.ts"]!.replace('"sandbox-engine/aws/client-sqs"', '"@aws-sdk/client-sqs"');
    expect(request.files["orders.ts"]).toContain('from "@aws-sdk/client-sqs"');
    // when both run it
    let collected: CollectedTests | undefined;
    const report = await checkParity(request, (same) => runExercise(same, { onCollected: (tests) => (collected = tests) }));
    // then every test has the same verdict, and the fixture really mixes outcomes
    expect(report.mismatches).toEqual([]);
    expect(report.agree).toBe(true);
    const verdicts = Object.values(report.vitest.verdicts);
    expect(verdicts).toContain("pass");
    expect(verdicts).toContain("fail");
    expect(verdicts).toContain("skip");
    expect(report.harness.status).toBe("fail");
    // and the harness collected as many tests as vitest did ("3 of 7 tests done" counts the ones that will run)
    expect(collected?.total).toBe(verdicts.length);
    expect(collected?.toRun).toBe(report.harness.tests.length);
    expect(collected!.toRun).toBeLessThan(collected!.total);
  }, 60_000);
});
