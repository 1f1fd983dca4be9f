import { beforeEach, describe, expect, it } from "vitest";
import { createSandbox } from "sandbox-engine";
import { GetFunctionConcurrencyCommand, LambdaClient, PutFunctionConcurrencyCommand } from "@aws-sdk/client-lambda";
import { protectDatabase, updateStock } from "./client";
import { db, handler, resetDb } from "./inventory";

let sb: ReturnType<typeof createSandbox>;
let lambda: LambdaClient;

beforeEach(() => {
  sb = createSandbox({ seed: 5 });
  lambda = new LambdaClient({});
  resetDb();
  sb.lambda.createFunction({ FunctionName: "update-stock", Handler: "inventory.handler", Timeout: 10, handler: handler as never });
});

const metrics = () => sb.lambda.metrics("update-stock", { periodSeconds: 3600 });

/** Settles every promise and sorts the outcomes. */
async function settle<T>(promises: Promise<T>[]) {
  const results = await Promise.allSettled(promises);
  const failed = results.flatMap((result) => (result.status === "rejected" ? [String(result.reason)] : []));
  return { failed, ok: results.length - failed.length };
}

describe("update-stock behind reserved concurrency", () => {
  it("reserves 5 concurrent executions, the database's connection limit", async () => {
    await protectDatabase("update-stock");
    const { ReservedConcurrentExecutions } = await lambda.send(
      new GetFunctionConcurrencyCommand({ FunctionName: "update-stock" }),
    );
    expect(
      ReservedConcurrentExecutions,
      "the function has no reserved concurrency: it may scale to the account's 1,000 concurrent executions",
    ).toBe(5);
  });

  it("keeps the database within 5 connections when 12 updates arrive at once", async () => {
    await protectDatabase("update-stock");
    const { failed, ok } = await settle(Array.from({ length: 12 }, () => updateStock("update-stock", "mug", 1)));
    const { Throttles, ConcurrentExecutions } = metrics();
    expect(
      db.refused,
      `${ConcurrentExecutions} copies of the function ran at once and the database refused ${db.refused} ` +
        "connections: reserve concurrency so that at most 5 run",
    ).toBe(0);
    expect(db.maxOpen, "never more than 5 connections open").toBeLessThanOrEqual(5);
    expect(Throttles, "Lambda throttled the calls beyond the first 5 (TooManyRequestsException)").toBeGreaterThan(0);
    expect(
      failed,
      `${ok} of 12 updates succeeded; the others failed. A throttled call never ran: wait and try again`,
    ).toEqual([]);
    expect(db.stock.get("mug"), "all 12 updates reached the database, each once").toBe(12);
  });

  it("waits 1, 2, 4 and 8 seconds between throttled attempts, then gives up with TooManyRequestsException", async () => {
    // Reserved concurrency 0: every call is throttled.
    await lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: "update-stock", ReservedConcurrentExecutions: 0 }));
    const start = sb.clock.now();
    let error: unknown;
    try {
      await updateStock("update-stock", "mug", 1);
    } catch (caught) {
      error = caught;
    }
    const { Throttles } = metrics();
    expect((error as Error | undefined)?.name, "after the last attempt, throw Lambda's error to the caller").toBe(
      "TooManyRequestsException",
    );
    expect(
      Throttles,
      `Lambda throttled ${Throttles} attempt(s): make 5 attempts in all before giving up` +
        (Throttles > 5 ? " (is the client still created with maxAttempts: 1? Otherwise the SDK retries each send itself)" : ""),
    ).toBe(5);
    expect(
      sb.clock.now() - start,
      `the attempts spanned ${(sb.clock.now() - start) / 1000} s; waiting 1 + 2 + 4 + 8 s between them makes 15 s`,
    ).toBe(15_000);
  });

  it("reports a function error without retrying it", async () => {
    await protectDatabase("update-stock");
    let error: unknown;
    let answer: unknown;
    try {
      answer = await updateStock("update-stock", "", 1);
    } catch (caught) {
      error = caught;
    }
    const shown =
      typeof answer === "object" && answer !== null && "errorMessage" in answer
        ? JSON.stringify({ errorType: (answer as { errorType?: unknown }).errorType, errorMessage: answer.errorMessage })
        : JSON.stringify(answer);
    expect(
      error,
      `the function failed ("sku is required") and answered with FunctionError "Unhandled", but updateStock ` +
        `returned the error payload ${shown} as if it were a result: throw an Error with the function's errorMessage`,
    ).toBeInstanceOf(Error);
    expect((error as Error).message, "the caller sees the function's errorMessage").toMatch(/sku is required/);
    expect(
      metrics().Invocations,
      "a function error is not a throttle: the function ran, and running it again fails the same way",
    ).toBe(1);
  });
});
