import { describe, expect, it } from "vitest";
import { LambdaClient, RequestTooLargeException, TooManyRequestsException } from "sandbox-engine/aws/client-lambda";
import type { LambdaContext } from "sandbox-engine";
import { decode, encode, errorOf, fnArn, givenFunction, invoke } from "./lambda-helpers.ts";

describe("Invoke RequestResponse", () => {
  it("given an async handler, when invoked with a JSON payload, then 200 and its result as bytes", async () => {
    const { lambda } = givenFunction(async (event: { name: string }) => ({ greeting: `hello ${event.name}` }));
    const out = await invoke(lambda, { FunctionName: "worker", Payload: encode({ name: "Ada" }) });
    expect(out.StatusCode).toBe(200);
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.Payload).toBeInstanceOf(Uint8Array);
    expect(decode(out.Payload)).toEqual({ greeting: "hello Ada" });
    expect(out.FunctionError).toBeUndefined();
    expect(out.ExecutedVersion).toBe("$LATEST");
  });

  it("given a string payload or none, when invoked, then the event is parsed, or {}", async () => {
    const { lambda } = givenFunction(async (event) => event);
    expect(decode((await invoke(lambda, { FunctionName: "worker", Payload: '{"a":1}' })).Payload)).toEqual({ a: 1 });
    expect(decode((await invoke(lambda, { FunctionName: "worker" })).Payload)).toEqual({});
  });

  it("given a handler returning nothing, when invoked, then the payload is null", async () => {
    const { lambda } = givenFunction(async () => undefined);
    expect(new TextDecoder().decode((await invoke(lambda, { FunctionName: "worker" })).Payload)).toBe("null");
  });

  it("given a callback-style handler, when it calls back later, then its result is the response", async () => {
    const { sb, lambda } = givenFunction((event: { n: number }, _context, callback) => {
      void sb.clock.sleep(10).then(() => callback(null, { doubled: event.n * 2 }));
    });
    expect(decode((await invoke(lambda, { FunctionName: "worker", Payload: encode({ n: 21 }) })).Payload)).toEqual({ doubled: 42 });
  });

  it("given a callback-style handler, when it calls back with an error, then FunctionError Unhandled", async () => {
    const { lambda } = givenFunction((_event, _context, callback) => callback(new TypeError("bad order")));
    const out = await invoke(lambda, { FunctionName: "worker" });
    expect(out.FunctionError).toBe("Unhandled");
    expect(decode(out.Payload)).toMatchObject({ errorType: "TypeError", errorMessage: "bad order" });
  });

  it("given a non-async handler returning a plain value, when invoked, then null (the Node.js runtime ignores it)", async () => {
    const { lambda } = givenFunction(() => 42);
    expect(decode((await invoke(lambda, { FunctionName: "worker" })).Payload)).toBeNull();
  });

  it("given a handler that throws, when invoked, then 200 with FunctionError and the {errorType, errorMessage, trace} payload", async () => {
    const { lambda } = givenFunction(async () => {
      throw new RangeError("out of stock");
    });
    const out = await invoke(lambda, { FunctionName: "worker" });
    expect(out.StatusCode).toBe(200);
    expect(out.FunctionError).toBe("Unhandled");
    const payload = decode(out.Payload) as { errorType: string; errorMessage: string; trace: string[] };
    expect(payload.errorType).toBe("RangeError");
    expect(payload.errorMessage).toBe("out of stock");
    expect(payload.trace[0]).toBe("RangeError: out of stock");
  });

  it.each([
    ["a string", "boom", "string"],
    ["a number", 7, "number"],
    ["undefined (a rejection with no reason)", undefined, "Error"],
  ])("given a handler that throws %s, when invoked, then an error payload naming its type", async (_label, thrown, type) => {
    const { lambda } = givenFunction(async () => {
      throw thrown;
    });
    const out = await invoke(lambda, { FunctionName: "worker" });
    expect(out.FunctionError).toBe("Unhandled");
    expect((decode(out.Payload) as { errorType: string }).errorType).toBe(type);
  });

  it("given a circular or BigInt result, when invoked, then a marshal error, and the simulator keeps working", async () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    const { sb, lambda } = givenFunction(async (event: { big?: boolean }) => (event.big ? { n: 1n } : circular));
    for (const payload of [{}, { big: true }]) {
      const out = await invoke(lambda, { FunctionName: "worker", Payload: encode(payload) });
      expect(out.FunctionError).toBe("Unhandled");
      expect((decode(out.Payload) as { errorType: string }).errorType).toBe("Runtime.MarshalError");
    }
    sb.lambda.createFunction({ FunctionName: "ok", handler: async () => "fine" });
    expect(decode((await invoke(lambda, { FunctionName: "ok" })).Payload)).toBe("fine");
  });

  it("given a handler with a synchronous throw, when invoked, then an error payload (nothing escapes)", async () => {
    const { lambda } = givenFunction(() => {
      throw new Error("sync");
    });
    expect((await invoke(lambda, { FunctionName: "worker" })).FunctionError).toBe("Unhandled");
  });

  it("given invalid JSON, when invoked, then InvalidRequestContentException", async () => {
    const { lambda } = givenFunction(async () => 1);
    const error = await errorOf(invoke(lambda, { FunctionName: "worker", Payload: "{not json" }));
    expect(error.name).toBe("InvalidRequestContentException");
    expect(error.message).toContain("Could not parse request body into json");
  });

  it("given an object instead of bytes, when invoked, then the SDK sends no payload and the handler gets {}", async () => {
    const { sb, lambda } = givenFunction(async (event: unknown) => event);
    const out = await invoke(lambda, { FunctionName: "worker", Payload: { a: 1 } as never });
    expect(decode(out.Payload)).toEqual({});
    expect(sb.lambda.logText("worker")).not.toContain('"a"');
  });

  it("given a payload over 6 MB, when invoked synchronously, then RequestTooLargeException 413", async () => {
    const { lambda } = givenFunction(async () => 1);
    const big = JSON.stringify("x".repeat(6 * 1024 * 1024));
    const error = await errorOf(invoke(lambda, { FunctionName: "worker", Payload: big }));
    expect(error).toBeInstanceOf(RequestTooLargeException);
    expect((error.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(413);
  });

  it("given a payload over 1 MB but under 6 MB, when invoked, then async is refused and sync accepted", async () => {
    const { lambda } = givenFunction(async () => 1);
    const payload = JSON.stringify("x".repeat(1024 * 1024));
    expect((await errorOf(invoke(lambda, { FunctionName: "worker", InvocationType: "Event", Payload: payload }))).name).toBe("RequestTooLargeException");
    expect((await invoke(lambda, { FunctionName: "worker", Payload: payload })).StatusCode).toBe(200);
  });

  // AWS's limit is 6,291,556 bytes of JSON, with this text (recorded from AWS by aws-lambda-dotnet's integration
  // tests and moto's test_invoke_lambda_with_large_response).
  it("given a response over 6,291,556 bytes, when invoked, then Function.ResponseSizeTooLarge with AWS's text", async () => {
    const { lambda } = givenFunction(async () => "x".repeat(6_291_556 - 1)); // + 2 quotes = 6,291,557 bytes
    const out = await invoke(lambda, { FunctionName: "worker" });
    expect(out.FunctionError).toBe("Unhandled");
    expect(decode(out.Payload)).toEqual({
      errorType: "Function.ResponseSizeTooLarge",
      errorMessage: "Response payload size exceeded maximum allowed payload size (6291556 bytes).",
    });
  });

  it("given a response of exactly 6,291,556 bytes, when invoked, then it is returned", async () => {
    const { lambda } = givenFunction(async () => "x".repeat(6_291_556 - 2));
    const out = await invoke(lambda, { FunctionName: "worker" });
    expect(out.FunctionError).toBeUndefined();
    expect(out.Payload!.length).toBe(6_291_556);
  });

  it("given a bad InvocationType or LogType, when invoked, then InvalidParameterValueException", async () => {
    const { lambda } = givenFunction(async () => 1);
    expect((await errorOf(invoke(lambda, { FunctionName: "worker", InvocationType: "Sync" as never }))).message).toContain("invocationType");
    expect((await errorOf(invoke(lambda, { FunctionName: "worker", LogType: "All" as never }))).message).toContain("logType");
  });

  // Invoke names the version it looked for (LocalStack's AWS-validated test_invoke_exceptions snapshot).
  it("given an unknown function, when invoked, then ResourceNotFoundException with its $LATEST ARN", async () => {
    const { lambda } = givenFunction(async () => 1);
    const error = await errorOf(invoke(lambda, { FunctionName: "missing" }));
    expect(error.name).toBe("ResourceNotFoundException");
    expect(error.message).toBe(`Function not found: ${fnArn("missing")}:$LATEST`);
  });
});

describe("Invoke DryRun and Event", () => {
  it("given DryRun, when invoked, then 204 and the handler does not run", async () => {
    let runs = 0;
    const { lambda } = givenFunction(async () => void (runs += 1));
    const out = await invoke(lambda, { FunctionName: "worker", InvocationType: "DryRun" });
    expect(out.StatusCode).toBe(204);
    expect(out.$metadata.httpStatusCode).toBe(204);
    expect(runs).toBe(0);
  });

  it("given Event, when invoked, then 202 at once and the handler runs from the queue", async () => {
    const seen: unknown[] = [];
    const { sb, lambda } = givenFunction(async (event) => void seen.push(event));
    const out = await invoke(lambda, { FunctionName: "worker", InvocationType: "Event", Payload: encode({ id: 1 }) });
    expect(out.StatusCode).toBe(202);
    await sb.clock.advance(0);
    expect(seen).toEqual([{ id: 1 }]);
  });
});

describe("context and virtual time", () => {
  it("given a handler, when invoked, then its context is the Node.js runtime's", async () => {
    let seen: LambdaContext | undefined;
    const { lambda } = givenFunction(async (_event, context) => {
      seen = context;
    }, { MemorySize: 256, Timeout: 10 });
    await invoke(lambda, { FunctionName: "worker" });
    expect(seen).toMatchObject({
      functionName: "worker",
      functionVersion: "$LATEST",
      invokedFunctionArn: fnArn("worker"),
      memoryLimitInMB: "256",
      logGroupName: "/aws/lambda/worker",
      callbackWaitsForEmptyEventLoop: true,
    });
    expect(seen!.awsRequestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(seen!.logStreamName).toMatch(/^2026\/01\/01\/\[\$LATEST\][0-9a-f]{32}$/);
  });

  it("given a handler that sleeps 1.2 s, when invoked, then virtual time advances and the remaining time shrinks", async () => {
    const { sb, lambda } = givenFunction(async (_event, context) => {
      const before = context.getRemainingTimeInMillis();
      await sb.clock.sleep(1200);
      return [before, context.getRemainingTimeInMillis()];
    });
    const start = sb.clock.now();
    expect(decode((await invoke(lambda, { FunctionName: "worker" })).Payload)).toEqual([3000, 1800]);
    expect(sb.clock.now() - start).toBe(1200);
  });

  it("given a handler that outlives its timeout, when invoked, then it times out at 3.00 seconds and its late result is ignored", async () => {
    let finished = false;
    const { sb, lambda } = givenFunction(async () => {
      await sb.clock.sleep(5000);
      finished = true;
      return "too late";
    });
    const out = await invoke(lambda, { FunctionName: "worker" });
    expect(out.FunctionError).toBe("Unhandled");
    // AWS's payload names the request: {"errorType":"Sandbox.Timedout","errorMessage":"RequestId: <id> Error: Task timed out after 3.00 seconds"}.
    const requestId = sb.lambda.logs("worker")[0]!.requestId;
    expect(decode(out.Payload)).toEqual({ errorType: "Sandbox.Timedout", errorMessage: `RequestId: ${requestId} Error: Task timed out after 3.00 seconds` });
    expect(sb.lambda.logText("worker")).toContain(`${requestId} Task timed out after 3.00 seconds`);
    await sb.clock.advance(5000);
    expect(finished).toBe(true);
    const report = sb.lambda.logs("worker").map((line) => line.message).find((line) => line.startsWith("REPORT"));
    expect(report).toContain("Duration: 3000.00 ms");
    expect(report).toContain("Status: timeout");
  });

  it("given a handler that never settles, when invoked without advancing the clock, then it times out (no hang)", async () => {
    const { sb, lambda } = givenFunction(() => new Promise(() => {}), { Timeout: 7 });
    const out = await invoke(lambda, { FunctionName: "worker" });
    expect((decode(out.Payload) as { errorMessage: string }).errorMessage).toMatch(/^RequestId: [0-9a-f-]{36} Error: Task timed out after 7\.00 seconds$/);
    expect(sb.clock.now()).toBe(Date.UTC(2026, 0, 1) + 7000);
    expect(sb.lambda.concurrency().running).toBe(0);
  });
});

describe("logs and cold starts", () => {
  it("given two invocations, when logged, then START/END/REPORT lines, console output, and Init Duration only on the cold start", async () => {
    const { sb, lambda } = givenFunction(async (event: { n: number }) => {
      console.log("processing", event.n);
      console.error("careful");
      return event.n;
    });
    await invoke(lambda, { FunctionName: "worker", Payload: encode({ n: 1 }) });
    await invoke(lambda, { FunctionName: "worker", Payload: encode({ n: 2 }) });
    const lines = sb.lambda.logs("worker").map((line) => line.message);
    expect(lines.filter((line) => line.startsWith("START RequestId:"))).toHaveLength(2);
    expect(lines.filter((line) => line.startsWith("END RequestId:"))).toHaveLength(2);
    const reports = lines.filter((line) => line.startsWith("REPORT"));
    expect(reports[0]).toMatch(/Duration: 1\.00 ms\tBilled Duration: \d+ ms\tMemory Size: 128 MB\tMax Memory Used: \d+ MB\tInit Duration: \d+\.\d\d ms/);
    expect(reports[1]).not.toContain("Init Duration");
    expect(lines).toContainEqual(expect.stringMatching(/^2026-01-01T00:00:00\.000Z\t[0-9a-f-]{36}\tINFO\tprocessing 1$/));
    expect(lines).toContainEqual(expect.stringMatching(/\tERROR\tcareful$/));
    const streams = new Set(sb.lambda.logs("worker").map((line) => line.logStreamName));
    expect(streams.size).toBe(1);
  });

  it("given the same seed, when replayed, then the same init duration (deterministic)", async () => {
    const run = async () => {
      const { sb, lambda } = givenFunction(async () => 1, {}, { seed: 42 });
      await invoke(lambda, { FunctionName: "worker" });
      return sb.lambda.logText("worker").replace(/[0-9a-f-]{36}/g, "");
    };
    expect(await run()).toBe(await run());
  });

  it("given an environment idle for more than 10 minutes, when invoked again, then a new cold start", async () => {
    const { sb, lambda } = givenFunction(async () => 1);
    await invoke(lambda, { FunctionName: "worker" });
    await sb.clock.advance(5 * 60_000);
    await invoke(lambda, { FunctionName: "worker" });
    await sb.clock.advance(11 * 60_000);
    await invoke(lambda, { FunctionName: "worker" });
    const inits = sb.lambda.logs("worker").filter((line) => line.message.includes("Init Duration"));
    expect(inits).toHaveLength(2);
    expect(new Set(sb.lambda.logs("worker").map((line) => line.logStreamName)).size).toBe(2);
  });

  it("given LogType Tail, when invoked, then LogResult is the base64 of the invocation's last 4 KB of log", async () => {
    const { lambda } = givenFunction(async () => {
      for (let i = 0; i < 200; i++) console.log(`line ${i} ${"x".repeat(30)}`);
      return 1;
    });
    const out = await invoke(lambda, { FunctionName: "worker", LogType: "Tail" });
    const bytes = Uint8Array.from(atob(out.LogResult!), (c) => c.charCodeAt(0));
    expect(bytes.length).toBe(4096);
    expect(new TextDecoder().decode(bytes)).toMatch(/REPORT RequestId: .*\n$/);
  });
});

describe("throttling of synchronous calls", () => {
  it("given reserved concurrency 0, when invoked, then TooManyRequestsException 429 with the reserved reason", async () => {
    const { lambda } = givenFunction(async () => 1, { ReservedConcurrentExecutions: 0 });
    const error = await errorOf(invoke(lambda, { FunctionName: "worker" }));
    expect(error).toBeInstanceOf(TooManyRequestsException);
    expect(error.Reason).toBe("ReservedFunctionConcurrentInvocationLimitExceeded");
    expect((error.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(429);
  });

  it("given reserved concurrency 2, when 3 slow invocations overlap, then the third is throttled on each of the SDK's 3 attempts, with backoff in virtual time", async () => {
    const { sb, lambda } = givenFunction(async () => {
      await sb.clock.sleep(60_000);
      return "done";
    }, { ReservedConcurrentExecutions: 2 });
    const start = sb.clock.now();
    const results = await Promise.allSettled([1, 2, 3].map(() => invoke(lambda, { FunctionName: "worker" })));
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "fulfilled", "rejected"]);
    const error = (results[2] as PromiseRejectedResult).reason as TooManyRequestsException;
    expect(error.$metadata.attempts).toBe(3);
    expect(sb.lambda.metrics("worker")).toMatchObject({ Invocations: 2, Throttles: 3, ConcurrentExecutions: 2 });
    const retries = sb.trace.events.filter((event) => event.service === "sdk" && event.kind === "retry");
    expect(retries.map((event) => event.details.attempt)).toEqual([2, 3]);
    const waited = retries.reduce((sum, event) => sum + Number(event.details.delayMs), 0);
    expect(error.$metadata.totalRetryDelay).toBe(waited);
    const throttles = sb.trace.events.filter((event) => event.kind === "throttle").map((event) => event.time - start);
    expect(throttles).toEqual([0, Number(retries[0]!.details.delayMs), waited]);
  });

  it("given a client with maxAttempts 1, when throttled, then one attempt and no retry", async () => {
    const { sb } = givenFunction(async () => 1, { ReservedConcurrentExecutions: 0 });
    const error = await errorOf(invoke(new LambdaClient({ sandbox: sb, maxAttempts: 1 }), { FunctionName: "worker" }));
    expect(error.$metadata).toMatchObject({ httpStatusCode: 429, attempts: 1, totalRetryDelay: 0 });
    expect(sb.lambda.metrics("worker").Throttles).toBe(1);
  });

  it("given an account of 100 and one function using it all, when another unreserved function is invoked, then ConcurrentInvocationLimitExceeded", async () => {
    const { sb, lambda } = givenFunction(async () => {
      await sb.clock.sleep(1000);
    }, {}, { lambda: { accountConcurrency: 100 } });
    sb.lambda.createFunction({ FunctionName: "other", handler: async () => 1 });
    const running = Array.from({ length: 100 }, () => invoke(lambda, { FunctionName: "worker" }));
    await Promise.resolve();
    const error = await errorOf(invoke(lambda, { FunctionName: "other" }));
    expect(error.Reason).toBe("ConcurrentInvocationLimitExceeded");
    await Promise.all(running);
    await expect(invoke(lambda, { FunctionName: "other" })).resolves.toMatchObject({ StatusCode: 200 });
  });
});
