import { describe, expect, it } from "vitest";
import { createSandbox } from "sandbox-engine";
import {
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  paginateListQueues,
  QueueAttributeName,
  QueueDoesNotExist,
  ReceiptHandleIsInvalid,
  SendMessageCommand,
  SQS,
  SQSClient,
  SQSServiceException,
} from "sandbox-engine/aws/client-sqs";
import { CreateTopicCommand, NotFoundException, paginateListTopics, PublishCommand, SNSClient } from "sandbox-engine/aws/client-sns";
import {
  CreateFunctionCommand,
  InvocationType,
  InvokeCommand,
  LambdaClient,
  LogType,
  paginateListFunctions,
  TooManyRequestsException,
  waitUntilFunctionActiveV2,
  waitUntilFunctionExists,
} from "sandbox-engine/aws/client-lambda";
import { errorOf } from "./lambda-helpers.ts";

const start = Date.UTC(2026, 0, 1);

describe("the real SDK clients, bound to the sandbox", () => {
  it("given a client created before any sandbox, when it sends, then it talks to the newest sandbox in its region", async () => {
    const sqs = new SQSClient({});
    createSandbox({ seed: 1 });
    const sb = createSandbox({ seed: 2, region: "eu-west-1" });
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: "orders" }));
    expect(QueueUrl).toBe("https://sqs.eu-west-1.amazonaws.com/123456789012/orders");
    expect(sb.trace.events.map((event) => event.kind)).toEqual(["create-queue"]);
  });

  it("given a client with another region, when it sends, then a clear error names the sandbox's region", async () => {
    createSandbox();
    const error = await errorOf(new SNSClient({ region: "eu-west-1" }).send(new CreateTopicCommand({ Name: "t" })));
    expect(error.message).toMatch(/simulates region us-east-1/);
  });

  it("given the aggregated client, when a method is called, then it works like send", async () => {
    createSandbox();
    const sqs = new SQS({});
    expect([sqs.constructor.name, new SQSClient({}).constructor.name]).toEqual(["SQS", "SQSClient"]);
    const { QueueUrl } = await sqs.createQueue({ QueueName: "orders" });
    await expect(sqs.sendMessage({ QueueUrl, MessageBody: "hi" })).resolves.toMatchObject({ $metadata: { httpStatusCode: 200 } });
  });
});

describe("paginators, enums, waiters and blobs", () => {
  it("given 5 queues, when paginateListQueues reads 2 per page, then 3 pages list them all in order", async () => {
    createSandbox();
    const sqs = new SQSClient({});
    for (const name of ["e", "d", "c", "b", "a"]) await sqs.send(new CreateQueueCommand({ QueueName: name }));
    const pages: string[][] = [];
    for await (const page of paginateListQueues({ client: sqs, pageSize: 2 }, {})) pages.push((page.QueueUrls ?? []).map((url) => url.split("/").pop()!));
    expect(pages).toEqual([["a", "b"], ["c", "d"], ["e"]]);
  });

  it("given 101 topics, when paginateListTopics runs, then two pages of 100 and 1", async () => {
    createSandbox();
    const sns = new SNSClient({});
    for (let i = 0; i < 101; i++) await sns.send(new CreateTopicCommand({ Name: `t${String(i).padStart(3, "0")}` }));
    const sizes: number[] = [];
    for await (const page of paginateListTopics({ client: sns }, {})) sizes.push(page.Topics?.length ?? 0);
    expect(sizes).toEqual([100, 1]);
  });

  it("given functions, when paginateListFunctions runs, then it lists each once", async () => {
    const sb = createSandbox();
    for (const name of ["a", "b", "c"]) sb.lambda.createFunction({ FunctionName: name, handler: async () => 1 });
    const names: string[] = [];
    for await (const page of paginateListFunctions({ client: new LambdaClient({}), pageSize: 2 }, {})) names.push(...(page.Functions ?? []).map((f) => f.FunctionName!));
    expect(names.sort()).toEqual(["a", "b", "c"]);
  });

  it("given the SDK's enum objects, when used as values, then the sandbox understands them", async () => {
    const sb = createSandbox();
    sb.lambda.createFunction({ FunctionName: "f", handler: async () => "ok" });
    const sqs = new SQSClient({});
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: "q" }));
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: [QueueAttributeName.All] }));
    expect(Attributes?.VisibilityTimeout).toBe("30");
    const out = await new LambdaClient({}).send(new InvokeCommand({ FunctionName: "f", InvocationType: InvocationType.Event }));
    expect(out.StatusCode).toBe(202);
    const tail = await new LambdaClient({}).send(new InvokeCommand({ FunctionName: "f", LogType: LogType.Tail }));
    expect(atob(tail.LogResult!)).toMatch(/REPORT RequestId/);
    expect(tail.ExecutedVersion).toBe("$LATEST");
  });

  it("given an invocation, when its Payload is read, then transformToString gives the function's JSON", async () => {
    const sb = createSandbox();
    sb.lambda.createFunction({ FunctionName: "f", handler: async (event: { n: number }) => ({ doubled: event.n * 2 }) });
    const out = await new LambdaClient({}).send(new InvokeCommand({ FunctionName: "f", Payload: JSON.stringify({ n: 21 }) }));
    expect(JSON.parse(out.Payload!.transformToString())).toEqual({ doubled: 42 });
  });

  it("given a function error, when invoked, then 200 with X-Amz-Function-Error surfaced as FunctionError", async () => {
    const sb = createSandbox();
    sb.lambda.createFunction({ FunctionName: "f", handler: async () => { throw new Error("boom"); } });
    const out = await new LambdaClient({}).send(new InvokeCommand({ FunctionName: "f" }));
    expect(out).toMatchObject({ StatusCode: 200, FunctionError: "Unhandled" });
    expect(JSON.parse(out.Payload!.transformToString())).toMatchObject({ errorType: "Error", errorMessage: "boom" });
  });

  it("given a deployed function, when waitUntilFunctionActiveV2 runs, then it succeeds at once", async () => {
    const sb = createSandbox();
    sb.lambda.createFunction({ FunctionName: "f", handler: async () => 1 });
    const result = await waitUntilFunctionActiveV2({ client: new LambdaClient({}), maxWaitTime: 60 }, { FunctionName: "f" });
    expect(result.state).toBe("SUCCESS");
    expect(sb.clock.now()).toBe(start);
  });

  it("given a function deployed 5 virtual seconds later, when waitUntilFunctionExists polls, then it succeeds on the virtual clock", async () => {
    const sb = createSandbox();
    sb.clock.setTimer(() => sb.lambda.createFunction({ FunctionName: "late", handler: async () => 1 }), 5_000);
    const result = await waitUntilFunctionExists({ client: new LambdaClient({}), maxWaitTime: 60 }, { FunctionName: "late" });
    expect(result.state).toBe("SUCCESS");
    expect(sb.clock.now() - start).toBeGreaterThanOrEqual(5_000);
    expect(sb.clock.now() - start).toBeLessThan(60_000);
  });

  it("given a function that never comes, when waitUntilFunctionExists gives up, then TimeoutError after maxWaitTime of virtual time", async () => {
    const sb = createSandbox();
    const error = await errorOf(waitUntilFunctionExists({ client: new LambdaClient({}), maxWaitTime: 30 }, { FunctionName: "never" }));
    expect(error.name).toBe("TimeoutError");
    expect(sb.clock.now() - start).toBeLessThanOrEqual(30_000);
    expect(sb.clock.now() - start).toBeGreaterThan(20_000);
  });
});

describe("errors, as the SDK builds them from AWS's wire answers", () => {
  it("given a missing queue, then QueueDoesNotExist with AWS's code, type, message and status", async () => {
    createSandbox();
    const error = await errorOf(new SQSClient({}).send(new SendMessageCommand({ QueueUrl: "https://sqs.us-east-1.amazonaws.com/123456789012/nope", MessageBody: "x" })));
    expect(error).toBeInstanceOf(QueueDoesNotExist);
    expect(error).toBeInstanceOf(SQSServiceException);
    expect(error).toMatchObject({
      name: "QueueDoesNotExist",
      message: "The specified queue does not exist.",
      $fault: "client",
      $metadata: { httpStatusCode: 400, attempts: 1 },
      Code: "AWS.SimpleQueueService.NonExistentQueue",
      Type: "Sender",
    });
  });

  it("given a bad receipt handle, then ReceiptHandleIsInvalid with AWS's text", async () => {
    createSandbox();
    const sqs = new SQSClient({});
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: "q" }));
    const error = await errorOf(sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: "not-a-handle" })));
    expect(error).toBeInstanceOf(ReceiptHandleIsInvalid);
    expect(error).toMatchObject({ $fault: "client", $metadata: { httpStatusCode: 400 } });
    expect(error.message).toMatch(/not a valid receipt handle/);
  });

  it("given a missing topic, then NotFoundException 404 from the query protocol's NotFound code", async () => {
    createSandbox();
    const error = await errorOf(new SNSClient({}).send(new PublishCommand({ TopicArn: "arn:aws:sns:us-east-1:123456789012:nope", Message: "x" })));
    expect(error).toBeInstanceOf(NotFoundException);
    expect(error).toMatchObject({ name: "NotFoundException", message: "Topic does not exist", $fault: "client", $metadata: { httpStatusCode: 404 } });
  });

  it("given a function with reserved concurrency 0, then TooManyRequestsException 429 after the SDK's 3 attempts, each in the trace", async () => {
    const sb = createSandbox();
    sb.lambda.createFunction({ FunctionName: "f", handler: async () => 1, ReservedConcurrentExecutions: 0 });
    const error = await errorOf(new LambdaClient({}).send(new InvokeCommand({ FunctionName: "f" })));
    expect(error).toBeInstanceOf(TooManyRequestsException);
    expect(error).toMatchObject({ $fault: "client", $metadata: { httpStatusCode: 429, attempts: 3 }, Reason: "ReservedFunctionConcurrentInvocationLimitExceeded" });
    expect(error.message).toBe("Rate Exceeded.");
    const retries = sb.trace.events.filter((event) => event.service === "sdk");
    expect(retries.map((event) => [event.kind, event.resource, event.details.attempt, event.details.error])).toEqual([
      ["retry", "lambda", 2, "TooManyRequestsException"],
      ["retry", "lambda", 3, "TooManyRequestsException"],
    ]);
    expect(sb.trace.events.filter((event) => event.kind === "throttle")).toHaveLength(3);
    expect(sb.clock.now() - start, "the backoff waited in virtual time").toBe((error.$metadata as { totalRetryDelay: number }).totalRetryDelay);
  });

  it("given the same seed, when a throttled call retries, then the backoff is the same on every run", async () => {
    const delays = async () => {
      const sb = createSandbox({ seed: 7 });
      sb.lambda.createFunction({ FunctionName: "f", handler: async () => 1, ReservedConcurrentExecutions: 0 });
      await new LambdaClient({}).send(new InvokeCommand({ FunctionName: "f" })).catch(() => undefined);
      return sb.trace.events.filter((event) => event.service === "sdk").map((event) => event.details.delayMs);
    };
    expect(await delays()).toEqual(await delays());
  });

  it("given a throttle whose answer says Retry-After: 3, then each retry waits 3 s of virtual time, as the SDK does", async () => {
    const sb = createSandbox();
    sb.lambda.createFunction({ FunctionName: "f", handler: async () => 1, ReservedConcurrentExecutions: 0 });
    const error = await errorOf(withAnswerHeader(new LambdaClient({}), "Retry-After", "3").send(new InvokeCommand({ FunctionName: "f" })));
    const retries = sb.trace.events.filter((event) => event.service === "sdk");
    expect(retries.map((event) => [event.details.retryAfterMs, event.details.delayMs])).toEqual([[3_000, 3_000], [3_000, 3_000]]);
    expect(error.$metadata).toMatchObject({ attempts: 3, totalRetryDelay: 6_000 });
    expect(sb.clock.now() - start).toBe(6_000);
  });

  it("given a Retry-After of a minute, then the SDK waits at most 5 s longer than its own backoff", async () => {
    const sb = createSandbox();
    sb.lambda.createFunction({ FunctionName: "f", handler: async () => 1, ReservedConcurrentExecutions: 0 });
    await errorOf(withAnswerHeader(new LambdaClient({ maxAttempts: 2 }), "Retry-After", "60").send(new InvokeCommand({ FunctionName: "f" })));
    const [retry] = sb.trace.events.filter((event) => event.service === "sdk");
    // First retry of a throttle: backoff random(0, 1) * 1 s, so the wait is in [5 s, 6 s).
    expect(retry?.details).toMatchObject({ retryAfterMs: 60_000 });
    expect(retry?.details.delayMs).toBeGreaterThanOrEqual(5_000);
    expect(retry?.details.delayMs).toBeLessThan(6_000);
  });

  it("given retryMode adaptive, when a call is throttled, then the SDK's rate limiter waits on the virtual clock, and later calls wait their turn", async () => {
    const sb = createSandbox();
    sb.lambda.createFunction({ FunctionName: "busy", handler: async () => 1, ReservedConcurrentExecutions: 0 });
    sb.lambda.createFunction({ FunctionName: "free", handler: async () => 1 });
    const lambda = new LambdaClient({ retryMode: "adaptive" });
    expect((await lambda.send(new InvokeCommand({ FunctionName: "free" }))).StatusCode, "no throttle yet: no wait").toBe(200);
    expect(sb.clock.now() - start).toBe(0);
    const error = await errorOf(lambda.send(new InvokeCommand({ FunctionName: "busy" })));
    expect(error.$metadata).toMatchObject({ attempts: 3 });
    const throttled = sb.clock.now() - start;
    expect(throttled, "the backoff plus the limiter's waits for a token").toBeGreaterThan((error.$metadata as { totalRetryDelay: number }).totalRetryDelay);
    await lambda.send(new InvokeCommand({ FunctionName: "free" }));
    expect(sb.clock.now() - start, "after throttles, a first attempt waits for a token too").toBeGreaterThan(throttled);
  });

  it("given CreateFunction with a .zip in memory, then InvalidParameterValueException says to deploy the function in code", async () => {
    createSandbox();
    const error = await errorOf(
      new LambdaClient({}).send(new CreateFunctionCommand({ FunctionName: "f", Runtime: "nodejs22.x", Role: "arn:aws:iam::123456789012:role/r", Handler: "index.handler", Code: { ZipFile: new Uint8Array([1]) } })),
    );
    expect(error).toMatchObject({ name: "InvalidParameterValueException", $metadata: { httpStatusCode: 400 } });
    expect(error.message).toMatch(/npm run endpoint/);
    expect((error as { hint?: string }).hint).toMatch(/sb\.lambda\.createFunction/);
  });

  it("given an SNS client calling as another account, then the topic policy refuses it (AuthorizationErrorException 403)", async () => {
    createSandbox();
    const { TopicArn } = await new SNSClient({}).send(new CreateTopicCommand({ Name: "t" }));
    const error = await errorOf(new SNSClient({ caller: "111122223333" }).send(new PublishCommand({ TopicArn, Message: "x" })));
    expect(error).toMatchObject({ name: "AuthorizationErrorException", $metadata: { httpStatusCode: 403 } });
    expect(error.message).toMatch(/111122223333/);
  });

  it("given a malformed caller, then creating the client works and each request says what a caller looks like", async () => {
    createSandbox();
    const client = new SNSClient({ caller: "ana" });
    const error = await errorOf(client.send(new CreateTopicCommand({ Name: "t" })));
    expect(error.message).toMatch(/account id \("111122223333"\) or an IAM ARN/);
  });
});

/** The client, with `name: value` added to every answer it receives (as a service could send it). */
function withAnswerHeader<Client extends LambdaClient>(client: Client, name: string, value: string): Client {
  client.middlewareStack.add(
    (next) => async (args) => {
      const out = await next(args);
      (out.response as { headers: Record<string, string> }).headers[name] = value;
      return out;
    },
    // Inside the deserializer, so the header is there when the SDK reads the answer and classifies the error.
    { step: "deserialize", priority: "low", name: "answerHeader" },
  );
  return client;
}
