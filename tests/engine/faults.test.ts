import { describe, expect, it } from "vitest";
import { createSandbox, type Sandbox, type SandboxOptions } from "sandbox-engine";
import { CreateEventSourceMappingCommand, LambdaClient, TooManyRequestsException } from "sandbox-engine/aws/client-lambda";
import { CreateQueueCommand, ReceiveMessageCommand, DeleteMessageCommand, SendMessageCommand, SQSClient } from "sandbox-engine/aws/client-sqs";
import { decode, encode, invoke } from "./lambda-helpers.ts";
import { simple, value } from "./ses-helpers.ts";

const kinds = (sb: Sandbox, service: string, kind: string) => sb.trace.events.filter((event) => event.service === service && event.kind === kind);

/** A sandbox with one function "fn" that counts the times its handler really ran. */
function givenCountingFunction(options: SandboxOptions) {
  // maxAttempts 1: the SDK would retry a throttle itself, and this counts what each single request met.
  const sb = createSandbox(options);
  const ran = { count: 0 };
  sb.lambda.createFunction({ FunctionName: "fn", handler: async () => ({ run: ++ran.count }) });
  sb.lambda.createFunction({ FunctionName: "other", handler: async () => "ok" });
  return { sb, ran, lambda: new LambdaClient({ sandbox: sb, maxAttempts: 1 }) };
}

async function invokeMany(lambda: LambdaClient, name: string, times: number) {
  const answers: Array<{ functionError: string | undefined; payload: unknown } | "throttled"> = [];
  for (let i = 0; i < times; i++) {
    try {
      const out = await invoke(lambda, { FunctionName: name, Payload: encode({ i }) });
      answers.push({ functionError: out.FunctionError, payload: decode(out.Payload) });
    } catch (error) {
      if (!(error instanceof TooManyRequestsException)) throw error;
      answers.push("throttled");
    }
  }
  return answers;
}

describe("faults.lambda.errorRate", () => {
  it("fails about that share of the function's invocations without running its handler, and traces each", async () => {
    const { sb, ran, lambda } = givenCountingFunction({ seed: 7, faults: { lambda: { errorRate: { fn: 0.2 } } } });

    const answers = await invokeMany(lambda, "fn", 200);

    const failed = answers.filter((answer) => answer !== "throttled" && answer.functionError === "Unhandled");
    expect(failed.length).toBeGreaterThan(20);
    expect(failed.length).toBeLessThan(60);
    expect(failed[0]).toMatchObject({ payload: { errorType: "FaultInjection", errorMessage: expect.stringContaining('errorRate["fn"]') } });
    expect(ran.count, "an injected error prevents the handler from running").toBe(200 - failed.length);
    const faults = kinds(sb, "lambda", "fault");
    expect(faults).toHaveLength(failed.length);
    expect(faults[0]!.details).toMatchObject({ fault: "invocation-error", rate: 0.2 });
    expect(sb.lambda.metrics("fn").Errors).toBe(failed.length);
  });

  it("leaves other functions alone", async () => {
    const { lambda } = givenCountingFunction({ seed: 7, faults: { lambda: { errorRate: { fn: 1 } } } });
    const answers = await invokeMany(lambda, "other", 20);
    expect(answers.every((answer) => answer !== "throttled" && answer.functionError === undefined)).toBe(true);
  });

  it("is reproducible: the same seed fails the same invocations, and request ids do not move", async () => {
    const run = async (faults: SandboxOptions["faults"]) => {
      const { sb, lambda } = givenCountingFunction({ seed: 11, faults });
      const answers = await invokeMany(lambda, "fn", 50);
      const ids = sb.trace.events.filter((event) => event.kind === "invoke").map((event) => (event.details as { requestId: string }).requestId);
      return { failedAt: answers.flatMap((answer, i) => (answer !== "throttled" && answer.functionError ? [i] : [])), ids };
    };
    const first = await run({ lambda: { errorRate: { fn: 0.3 } } });
    const again = await run({ lambda: { errorRate: { fn: 0.3 } } });
    const withoutFaults = await run(undefined);
    expect(again.failedAt).toEqual(first.failedAt);
    expect(first.failedAt.length).toBeGreaterThan(0);
    expect(first.ids, "fault draws use their own random stream").toEqual(withoutFaults.ids);
  });
});

describe("faults.lambda.throttle", () => {
  it("throttles about that share of invocations: 429 to a caller, not billed, a Throttles metric, fault then throttle in the trace", async () => {
    const { sb, ran, lambda } = givenCountingFunction({ seed: 3, faults: { lambda: { throttle: { fn: 0.25 } } } });

    const answers = await invokeMany(lambda, "fn", 100);

    const throttled = answers.filter((answer) => answer === "throttled").length;
    expect(throttled).toBeGreaterThan(10);
    expect(throttled).toBeLessThan(45);
    expect(ran.count).toBe(100 - throttled);
    expect(sb.lambda.metrics("fn").Throttles).toBe(throttled);
    expect(sb.lambda.bill().requests).toBe(100 - throttled);
    const faultAndThrottle = sb.trace.events.filter((event) => event.kind === "fault" || event.kind === "throttle");
    expect(faultAndThrottle.slice(0, 2).map((event) => event.kind)).toEqual(["fault", "throttle"]);
    expect(faultAndThrottle[0]!.details).toMatchObject({ fault: "throttle", rate: 0.25 });
  });

  it("makes an event source mapping's batch come back after the visibility timeout, so the message is processed later", async () => {
    const sb = createSandbox({ seed: 5, faults: { lambda: { throttle: { consumer: 0.5 } } } });
    const sqs = new SQSClient({ sandbox: sb });
    const seen: string[] = [];
    sb.lambda.createFunction({
      FunctionName: "consumer",
      handler: async (event: { Records: { body: string }[] }) => void seen.push(...event.Records.map((record) => record.body)),
    });
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: "work", Attributes: { VisibilityTimeout: "10" } }));
    await new LambdaClient({ sandbox: sb }).send(
      new CreateEventSourceMappingCommand({ EventSourceArn: "arn:aws:sqs:us-east-1:123456789012:work", FunctionName: "consumer", BatchSize: 1 }),
    );
    for (let i = 0; i < 10; i++) await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: `m${i}` }));

    await sb.clock.advance(5 * 60_000);

    expect(kinds(sb, "lambda", "throttle").length).toBeGreaterThan(0);
    expect(new Set(seen)).toEqual(new Set(Array.from({ length: 10 }, (_, i) => `m${i}`)));
  });
});

describe("faults.sqs.duplicates", () => {
  async function receiveAll(sb: Sandbox): Promise<string[]> {
    const sqs = new SQSClient({ sandbox: sb });
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: "q" }));
    for (let i = 0; i < 40; i++) await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: `m${i}` }));
    const bodies: string[] = [];
    for (let round = 0; round < 30; round++) {
      const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10 }));
      for (const message of Messages) {
        bodies.push(message.Body!);
        await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: message.ReceiptHandle! }));
      }
    }
    return bodies;
  }

  it("delivers some messages twice (at-least-once delivery), each copy traced as a duplicate, the same for the same seed", async () => {
    const sb = createSandbox({ seed: 9, faults: { sqs: { duplicates: 0.3 } } });
    const bodies = await receiveAll(sb);
    const extra = bodies.length - new Set(bodies).size;
    expect(new Set(bodies).size).toBe(40);
    expect(extra).toBeGreaterThan(3);
    expect(kinds(sb, "sqs", "duplicate")).toHaveLength(extra);
    expect(await receiveAll(createSandbox({ seed: 9, faults: { sqs: { duplicates: 0.3 } } }))).toEqual(bodies);
  });

  it("delivers each message once without the fault", async () => {
    const bodies = await receiveAll(createSandbox({ seed: 9 }));
    expect(bodies).toHaveLength(40);
  });
});

describe("faults.ses.bounce", () => {
  it("hard-bounces the listed address (traced as a fault, then a bounce) and delivers to the others", () => {
    const sb = createSandbox({ faults: { ses: { bounce: ["Gone@Example.com"] } } });
    sb.ses.leaveSandbox();
    value(sb.ses.verifyEmailIdentity({ EmailAddress: "shop@example.com" }));
    sb.ses.verify("shop@example.com");

    value(sb.ses.sendEmail(simple("shop@example.com", ["gone@example.com", "ann@example.com"])));

    expect(sb.world.mailbox("gone@example.com")).toHaveLength(0);
    expect(sb.world.mailbox("ann@example.com")).toHaveLength(1);
    const sequence = sb.trace.events.filter((event) => event.service === "ses" && ["fault", "bounce", "delivery"].includes(event.kind));
    expect(sequence.map((event) => `${event.kind} ${event.resource}`)).toEqual(["fault gone@example.com", "delivery ann@example.com", "bounce gone@example.com"]);
    expect(value(sb.ses.getSuppressedDestination({ EmailAddress: "gone@example.com" }))).toMatchObject({
      SuppressedDestination: { Reason: "BOUNCE" },
    });
  });
});

describe("bad faults", () => {
  it("names only services that have faults, in its type and at run time", () => {
    // @ts-expect-error API Gateway injects no faults: `faults` has no apigateway member.
    const options: SandboxOptions = { faults: { apigateway: {} } };
    expect(() => createSandbox(options)).toThrow("faults: no faults for apigateway (services with faults: sqs, lambda, ses)");
  });

  it.each([
    [{ lambda: { errorRate: { fn: 1.5 } } }, "faults.lambda.errorRate.fn must be a number from 0 to 1"],
    [{ lambda: { errorrate: { fn: 0.1 } } }, "faults.lambda has no fault errorrate"],
    [{ sqs: { duplicates: -1 } }, "faults.sqs.duplicates must be a number from 0 to 1"],
    [{ ses: { bounce: ["not an address"] } }, "faults.ses.bounce[0] is not an address"],
    [{ dynamodb: {} }, "faults: no faults for dynamodb"],
  ])("%j is refused: %s", (faults, message) => {
    expect(() => createSandbox({ faults: faults as never })).toThrow(
      expect.objectContaining({ name: "InvalidParameterValue", message: expect.stringContaining(message) }),
    );
  });
});
