import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CreateQueueCommand, DeleteMessageCommand, QueueDoesNotExist, ReceiveMessageCommand, SendMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import { CreateTopicCommand, PublishCommand, SNSClient, SubscribeCommand } from "@aws-sdk/client-sns";
import { CreateFunctionCommand, InvalidParameterValueException, InvokeCommand, LambdaClient, ListFunctionsCommand } from "@aws-sdk/client-lambda";
import { strToU8, zipSync } from "fflate";
import { startEndpoint, type Endpoint } from "../../scripts/endpoint/http-endpoint.ts";
import { childEnvironment } from "../support/child-environment.ts";

/** `npm run endpoint`: the real SDK (not the sandbox's modules) over real HTTP on loopback. */
let endpoint: Endpoint;
const config = () => ({ endpoint: endpoint.url, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } });

beforeAll(async () => {
  endpoint = await startEndpoint({ port: 0 });
});
afterAll(async () => {
  await endpoint.close();
});

describe("the sandbox over HTTP, with the real SDK", () => {
  it("given a queue, when a delayed message is long-polled, then it arrives as the clock follows real time, and is deleted", async () => {
    const sqs = new SQSClient(config());
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: "orders" }));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: "order-1", DelaySeconds: 1 }));
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 10 }));
    expect(Messages?.map((message) => message.Body)).toEqual(["order-1"]);
    await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: Messages![0]!.ReceiptHandle }));
    expect(endpoint.sandbox.trace.events.filter((event) => event.service === "sqs").map((event) => event.kind)).toEqual([
      "create-queue",
      "send",
      "delay-ended",
      "receive",
      "delete",
    ]);
  });

  it("given a missing queue, then QueueDoesNotExist over HTTP too", async () => {
    const error = await new SQSClient(config())
      .send(new SendMessageCommand({ QueueUrl: "https://sqs.us-east-1.amazonaws.com/123456789012/nope", MessageBody: "x" }))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(QueueDoesNotExist);
    expect(error).toMatchObject({ $metadata: { httpStatusCode: 400 }, Code: "AWS.SimpleQueueService.NonExistentQueue" });
  });

  it("given a topic with a queue subscribed, when a message is published, then the queue gets the notification", async () => {
    const sqs = new SQSClient(config());
    const sns = new SNSClient(config());
    const policy = { Statement: [{ Effect: "Allow", Principal: { Service: "sns.amazonaws.com" }, Action: "sqs:SendMessage", Resource: "*" }] };
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: "inbox", Attributes: { Policy: JSON.stringify(policy) } }));
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: "events" }));
    await sns.send(new SubscribeCommand({ TopicArn, Protocol: "sqs", Endpoint: "arn:aws:sqs:us-east-1:123456789012:inbox" }));
    await sns.send(new PublishCommand({ TopicArn, Message: "hello" }));
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl }));
    expect(JSON.parse(Messages![0]!.Body!)).toMatchObject({ Type: "Notification", TopicArn, Message: "hello" });
  });

  it("given a function deployed in the sandbox, when invoked over HTTP, then its answer comes back", async () => {
    endpoint.sandbox.lambda.createFunction({ FunctionName: "echo", handler: async (event: unknown) => ({ echoed: event }) });
    const lambda = new LambdaClient(config());
    const { Functions } = await lambda.send(new ListFunctionsCommand({}));
    expect(Functions?.map((fn) => fn.FunctionName)).toContain("echo");
    const out = await lambda.send(new InvokeCommand({ FunctionName: "echo", Payload: JSON.stringify({ n: 1 }) }));
    expect(JSON.parse(out.Payload!.transformToString())).toEqual({ echoed: { n: 1 } });
  });
});

describe("CreateFunction over HTTP, from a .zip file's bytes", () => {
  const deploy = (FunctionName: string, files: Record<string, string>, Handler = "index.handler") =>
    new LambdaClient(config()).send(
      new CreateFunctionCommand({
        FunctionName,
        Runtime: "nodejs22.x",
        Role: "arn:aws:iam::123456789012:role/lambda-role",
        Handler,
        Code: { ZipFile: zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)]))) },
      }),
    );
  const invoke = async (FunctionName: string, event: unknown) => {
    const out = await new LambdaClient(config()).send(new InvokeCommand({ FunctionName, Payload: JSON.stringify(event) }));
    return { error: out.FunctionError, payload: JSON.parse(out.Payload!.transformToString()) as unknown };
  };

  it("given an ES module and a CommonJS one in folders, when deployed and invoked, then each handler runs", async () => {
    const created = await deploy("doubler", { "index.mjs": "export const handler = async (event) => ({ doubled: event.n * 2 });" });
    expect(created).toMatchObject({ FunctionName: "doubler", Runtime: "nodejs22.x", Handler: "index.handler", $metadata: { httpStatusCode: 201 } });
    expect(await invoke("doubler", { n: 21 })).toEqual({ error: undefined, payload: { doubled: 42 } });
    await deploy("greeter", { "src/app.js": "exports.greet = async (event) => `hello ${event.name}`;" }, "src/app.greet");
    expect(await invoke("greeter", { name: "Ana" })).toEqual({ error: undefined, payload: "hello Ana" });
  });

  it("given a package without the handler's file, then the deployment works and each invocation fails as the runtime does", async () => {
    await deploy("empty", { "README.md": "no code" });
    expect(await invoke("empty", {})).toMatchObject({ error: "Unhandled", payload: { errorType: "Runtime.ImportModuleError", errorMessage: "Error: Cannot find module 'index'" } });
  });

  it("given bytes that are not a .zip file, then InvalidParameterValueException with AWS's message", async () => {
    const error = await new LambdaClient(config())
      .send(new CreateFunctionCommand({ FunctionName: "broken", Runtime: "nodejs22.x", Role: "arn:aws:iam::123456789012:role/r", Handler: "index.handler", Code: { ZipFile: strToU8("not a zip") } }))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidParameterValueException);
    expect(error).toMatchObject({ message: "Could not unzip uploaded file. Please check your file, then try to upload again." });
  });
});

const awsCli = await promisify(execFile)("aws", ["--version"]).then(
  () => true,
  (error: unknown) => {
    console.log(`AWS CLI tests not run: no \`aws\` command here (${String(error)}). On Debian: apt-get install awscli.`);
    return false;
  },
);

if (awsCli) {
  describe("the sandbox over HTTP, with the AWS CLI", () => {
    const aws = async (...args: string[]) => {
      const env = { ...childEnvironment(), AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test", AWS_DEFAULT_REGION: "us-east-1", AWS_PAGER: "" };
      const { stdout } = await promisify(execFile)("aws", ["--endpoint-url", endpoint.url, "--output", "json", ...args], { env, timeout: 30_000 });
      return stdout.trim() === "" ? {} : (JSON.parse(stdout) as Record<string, unknown>);
    };

    // Each CLI command starts a Python process: seconds on a busy machine.
    it("given the CLI, when it creates a queue, sends and receives, then it gets the message", { timeout: 120_000 }, async () => {
      const { QueueUrl } = (await aws("sqs", "create-queue", "--queue-name", "cli-jobs")) as { QueueUrl: string };
      expect(QueueUrl).toBe("https://sqs.us-east-1.amazonaws.com/123456789012/cli-jobs");
      await aws("sqs", "send-message", "--queue-url", QueueUrl, "--message-body", "from the CLI");
      const received = (await aws("sqs", "receive-message", "--queue-url", QueueUrl)) as { Messages: { Body: string }[] };
      expect(received.Messages.map((message) => message.Body)).toEqual(["from the CLI"]);
    });

    it("given the CLI, when it creates a topic and lists functions, then SNS and Lambda answer", { timeout: 120_000 }, async () => {
      const { TopicArn } = (await aws("sns", "create-topic", "--name", "cli-topic")) as { TopicArn: string };
      expect(TopicArn).toBe("arn:aws:sns:us-east-1:123456789012:cli-topic");
      const { Functions } = (await aws("lambda", "list-functions")) as { Functions: unknown[] };
      expect(Array.isArray(Functions)).toBe(true);
    });
  });
}
