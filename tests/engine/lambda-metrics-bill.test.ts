import { describe, expect, it } from "vitest";
import { routeConsoleToLambdaLogs } from "sandbox-engine";
import { LambdaClient } from "sandbox-engine/aws/client-lambda";
import { encode, givenFunction, invoke } from "./lambda-helpers.ts";

describe("metrics", () => {
  it("given successes, errors and a throttle, then Invocations, Errors, Throttles, Duration and per-minute datapoints", async () => {
    const { sb } = givenFunction(async (event: { fail?: boolean; ms: number }) => {
      await sb.clock.sleep(event.ms);
      if (event.fail) throw new Error("x");
    }, { ReservedConcurrentExecutions: 1 });
    // One attempt per call, so the throttle is counted once (the SDK would retry it twice by default).
    const lambda = new LambdaClient({ sandbox: sb, maxAttempts: 1 });
    await invoke(lambda, { FunctionName: "worker", Payload: encode({ ms: 100 }) });
    await invoke(lambda, { FunctionName: "worker", Payload: encode({ ms: 300, fail: true }) });
    const slow = invoke(lambda, { FunctionName: "worker", Payload: encode({ ms: 60_000 }) });
    await Promise.resolve();
    await invoke(lambda, { FunctionName: "worker", Payload: encode({ ms: 1 }) }).catch(() => undefined);
    await slow.catch(() => undefined);
    const metrics = sb.lambda.metrics("worker");
    expect(metrics).toMatchObject({ Invocations: 3, Errors: 2, Throttles: 1, ConcurrentExecutions: 1 });
    expect(metrics.Duration).toMatchObject({ SampleCount: 3, Minimum: 100, Maximum: 3000, Sum: 3400 });
    expect(metrics.datapoints.map((point) => point.Invocations)).toEqual([3]);
  });
});

describe("bill", () => {
  it("given 200 invocations of 100 ms at 1,024 MB, then requests x $0.20 per million plus GB-s x $0.0000166667", async () => {
    const { sb, lambda } = givenFunction(async () => {
      await sb.clock.sleep(100);
    }, { MemorySize: 1024 });
    for (let i = 0; i < 200; i++) await invoke(lambda, { FunctionName: "worker" });
    const bill = sb.lambda.bill();
    const [line] = bill.lines;
    // One cold start: its Init Duration is billed too (INIT phase billing); the other 199 are 100 ms.
    const init = sb.lambda.invocations()[0]!.initDurationMs!;
    expect(line!.requests).toBe(200);
    expect(line!.billedDurationMs).toBe(200 * 100 + Math.ceil(init + 100) - 100);
    expect(line!.gbSeconds).toBeCloseTo(line!.billedDurationMs / 1000, 10);
    expect(bill.requestCostUsd).toBeCloseTo(200 * 0.2 / 1e6, 15);
    expect(bill.computeCostUsd).toBeCloseTo(line!.gbSeconds * 0.0000166667, 15);
    expect(bill.totalUsd).toBeCloseTo(bill.requestCostUsd + bill.computeCostUsd, 15);
    expect(bill.prices.source).toBe("https://aws.amazon.com/lambda/pricing/");
  });

  it("given throttled requests, then they are not billed; billed duration rounds up to the millisecond", async () => {
    const { sb, lambda } = givenFunction(async () => 1, { ReservedConcurrentExecutions: 0 });
    await invoke(lambda, { FunctionName: "worker" }).catch(() => undefined);
    expect(sb.lambda.metrics("worker").Throttles, "the SDK's three attempts were all throttled").toBe(3);
    expect(sb.lambda.bill().requests).toBe(0);
    sb.lambda.deleteFunctionConcurrency({ FunctionName: "worker" });
    await invoke(lambda, { FunctionName: "worker" });
    await invoke(lambda, { FunctionName: "worker" });
    const warm = sb.lambda.invocations().at(-1)!;
    expect(warm).toMatchObject({ durationMs: 1, billedDurationMs: 1 });
  });
});

describe("console routing", () => {
  it("given an injected console registered for Lambda logs, then its output during a handler reaches the function's log", async () => {
    const printed: string[] = [];
    const injected = { log: (...args: unknown[]) => void printed.push(args.join(" ")) };
    const unregister = routeConsoleToLambdaLogs(injected);
    try {
      const { sb, lambda } = givenFunction(async () => {
        injected.log("from the runner's console");
      });
      await invoke(lambda, { FunctionName: "worker" });
      expect(printed).toEqual(["from the runner's console"]);
      expect(sb.lambda.logText("worker")).toContain("INFO\tfrom the runner's console");
      injected.log("outside");
      expect(sb.lambda.logText("worker")).not.toContain("outside");
    } finally {
      unregister();
    }
  });
});
