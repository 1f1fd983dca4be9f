import { describe, expect, it } from "vitest";
import {
  DeleteFunctionCommand,
  DeleteFunctionConcurrencyCommand,
  GetFunctionCommand,
  ListFunctionsCommand,
  PutFunctionConcurrencyCommand,
  PutFunctionEventInvokeConfigCommand,
  ResourceNotFoundException,
  UpdateFunctionConfigurationCommand,
} from "sandbox-engine/aws/client-lambda";
import { AwsError } from "sandbox-engine";
import { errorOf, fnArn, givenSandbox, invoke } from "./lambda-helpers.ts";

const handler = async () => "ok";

describe("createFunction", () => {
  it("given no settings, when deployed, then AWS defaults apply: 3 s, 128 MB, $LATEST", () => {
    const { sb } = givenSandbox();
    const config = sb.lambda.createFunction({ FunctionName: "orders", handler });
    expect(config).toMatchObject({
      FunctionName: "orders",
      FunctionArn: fnArn("orders"),
      Timeout: 3,
      MemorySize: 128,
      Version: "$LATEST",
      Handler: "index.handler",
      State: "Active",
    });
    expect(config.LastModified).toBe("2026-01-01T00:00:00.000+0000");
  });

  it("given a name already deployed, when deployed again, then ResourceConflictException", () => {
    const { sb } = givenSandbox();
    sb.lambda.createFunction({ FunctionName: "orders", handler });
    // sb.* setup calls throw an AwsError named after the code (DESIGN.md); the SDK's classes are for SDK calls.
    expect(() => sb.lambda.createFunction({ FunctionName: "orders", handler })).toThrow(
      expect.objectContaining({ name: "ResourceConflictException", message: expect.stringContaining("orders") }),
    );
  });

  it.each([
    [{ Timeout: 0 }, "Value '0' at 'timeout'"],
    [{ Timeout: 901 }, "less than or equal to 900"],
    [{ MemorySize: 127 }, "greater than or equal to 128"],
    [{ MemorySize: 10_241 }, "less than or equal to 10240"],
    [{ Timeout: 1.5 }, "whole number"],
    [{ FunctionName: "bad name!" }, "functionName"],
    [{ FunctionName: "x".repeat(65) }, "functionName"],
    [{ handler: "index.handler" }, "handler must be the handler function"],
    [{ Environment: { Variables: { AWS_REGION: "eu-west-1" } } }, "reserved keys"],
    [{ Environment: { Variables: { "1BAD": "x" } } }, "regular expression"],
    [{ DeadLetterConfig: { TargetArn: "orders-dlq" } }, "deadLetterConfig.targetArn"],
    [{ ReservedConcurrentExecutions: 901 }, "below its minimum value of [100]"],
  ])("given bad input %j, when deployed, then InvalidParameterValueException", (bad, text) => {
    const { sb } = givenSandbox();
    const error = (() => {
      try {
        sb.lambda.createFunction({ FunctionName: "orders", handler, ...bad } as never);
      } catch (thrown) {
        return thrown as Error;
      }
      throw new Error("expected a throw");
    })();
    // sb.* setup calls throw an AwsError named after the code (DESIGN.md); the SDK's classes are for SDK calls.
    expect(error).toBeInstanceOf(AwsError);
    expect(error.name).toBe("InvalidParameterValueException");
    expect(error.message).toContain(text);
  });

  it("given limits at the edges, when deployed, then accepted", () => {
    const { sb } = givenSandbox();
    expect(sb.lambda.createFunction({ FunctionName: "a", handler, Timeout: 1, MemorySize: 128 }).Timeout).toBe(1);
    expect(sb.lambda.createFunction({ FunctionName: "b", handler, Timeout: 900, MemorySize: 10_240 }).MemorySize).toBe(10_240);
  });
});

describe("GetFunction / ListFunctions / DeleteFunction / UpdateFunctionConfiguration", () => {
  it("given a function, when read by name or ARN, then its configuration and reserved concurrency", async () => {
    const { sb, lambda } = givenSandbox();
    sb.lambda.createFunction({ FunctionName: "orders", handler, ReservedConcurrentExecutions: 5, Environment: { Variables: { TABLE: "t" } } });
    const byName = await lambda.send(new GetFunctionCommand({ FunctionName: "orders" }));
    const byArn = await lambda.send(new GetFunctionCommand({ FunctionName: fnArn("orders") }));
    expect(byName.Configuration).toEqual(byArn.Configuration);
    expect(byName.Configuration?.Environment?.Variables).toEqual({ TABLE: "t" });
    expect(byName.Concurrency).toEqual({ ReservedConcurrentExecutions: 5 });
    expect(byName.$metadata.httpStatusCode).toBe(200);
  });

  it("given no such function, when read, then ResourceNotFoundException naming its ARN", async () => {
    const { lambda } = givenSandbox();
    const error = await errorOf(lambda.send(new GetFunctionCommand({ FunctionName: "nope" })));
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error.message).toBe("Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope");
    expect((error.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(404);
  });

  it("given three functions, when listed with MaxItems 2, then pages in name order", async () => {
    const { sb, lambda } = givenSandbox();
    for (const name of ["c", "a", "b"]) sb.lambda.createFunction({ FunctionName: name, handler });
    const first = await lambda.send(new ListFunctionsCommand({ MaxItems: 2 }));
    expect(first.Functions?.map((f) => f.FunctionName)).toEqual(["a", "b"]);
    const second = await lambda.send(new ListFunctionsCommand({ MaxItems: 2, Marker: first.NextMarker }));
    expect(second.Functions?.map((f) => f.FunctionName)).toEqual(["c"]);
    expect(second.NextMarker).toBeUndefined();
  });

  it("given a deleted function, when invoked, then ResourceNotFoundException, and the name is free again", async () => {
    const { sb, lambda } = givenSandbox();
    sb.lambda.createFunction({ FunctionName: "orders", handler });
    const deleted = await lambda.send(new DeleteFunctionCommand({ FunctionName: "orders" }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    expect((await errorOf(invoke(lambda, { FunctionName: "orders" }))).name).toBe("ResourceNotFoundException");
    expect(() => sb.lambda.createFunction({ FunctionName: "orders", handler })).not.toThrow();
  });

  it("given a function, when its timeout and memory are updated, then the configuration changes", async () => {
    const { sb, lambda } = givenSandbox();
    sb.lambda.createFunction({ FunctionName: "orders", handler });
    const updated = await lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: "orders", Timeout: 30, MemorySize: 1024 }));
    expect(updated).toMatchObject({ Timeout: 30, MemorySize: 1024 });
    const error = await errorOf(lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: "orders", Timeout: 1000 })));
    expect(error.name).toBe("InvalidParameterValueException");
  });
});

describe("reserved concurrency API", () => {
  it("given a function, when reserved concurrency is put and deleted, then GetFunction reflects it", async () => {
    const { sb, lambda } = givenSandbox();
    sb.lambda.createFunction({ FunctionName: "orders", handler });
    const put = await lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: "orders", ReservedConcurrentExecutions: 10 }));
    expect(put.ReservedConcurrentExecutions).toBe(10);
    expect(sb.lambda.concurrency()).toEqual({ account: 1000, unreserved: 990, running: 0 });
    await lambda.send(new DeleteFunctionConcurrencyCommand({ FunctionName: "orders" }));
    expect((await lambda.send(new GetFunctionCommand({ FunctionName: "orders" }))).Concurrency).toBeUndefined();
  });

  it("given 1,000 account concurrency, when a reservation would leave fewer than 100 unreserved, then refused", async () => {
    const { sb, lambda } = givenSandbox();
    sb.lambda.createFunction({ FunctionName: "a", handler, ReservedConcurrentExecutions: 800 });
    sb.lambda.createFunction({ FunctionName: "b", handler });
    const error = await errorOf(lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: "b", ReservedConcurrentExecutions: 101 })));
    expect(error.name).toBe("InvalidParameterValueException");
    expect(error.message).toContain("UnreservedConcurrentExecution below its minimum value of [100]");
    await expect(lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: "b", ReservedConcurrentExecutions: 100 }))).resolves.toBeDefined();
  });

  it("given an account concurrency option, when the sandbox is created, then it is the quota", () => {
    const { sb } = givenSandbox({ lambda: { accountConcurrency: 200 } });
    expect(sb.lambda.concurrency().account).toBe(200);
    expect(() => givenSandbox({ lambda: { accountConcurrency: 50 } })).toThrow(/accountConcurrency/);
  });
});

describe("PutFunctionEventInvokeConfig", () => {
  it("given valid settings, when put, then echoed with the $LATEST ARN", async () => {
    const { sb, lambda } = givenSandbox();
    sb.lambda.createFunction({ FunctionName: "orders", handler });
    const out = await lambda.send(new PutFunctionEventInvokeConfigCommand({
      FunctionName: "orders", MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 60,
      DestinationConfig: { OnFailure: { Destination: "arn:aws:sqs:us-east-1:123456789012:failed" } },
    }));
    expect(out).toMatchObject({
      FunctionArn: `${fnArn("orders")}:$LATEST`, MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 60,
      DestinationConfig: { OnFailure: { Destination: "arn:aws:sqs:us-east-1:123456789012:failed" } },
    });
  });

  it.each([
    [{ MaximumRetryAttempts: 3 }, "maximumRetryAttempts"],
    [{ MaximumRetryAttempts: -1 }, "maximumRetryAttempts"],
    [{ MaximumEventAgeInSeconds: 59 }, "maximumEventAgeInSeconds"],
    [{ MaximumEventAgeInSeconds: 21_601 }, "maximumEventAgeInSeconds"],
    // Texts and cases from LocalStack's AWS-validated test_lambda_eventinvokeconfig_exceptions snapshot.
    [{}, "You must specify at least one of error handling or destination setting."],
    [{ DestinationConfig: { OnSuccess: { Destination: "my-queue" } } }, "The provided destination config DestinationConfig(onSuccess=OnSuccess(destination=my-queue), onFailure=null) is invalid."],
    [{ DestinationConfig: { OnFailure: { Destination: "arn:aws:iam:us-east-1:123456789012:function:x" } } }, "The provided destination config DestinationConfig(onSuccess=null, onFailure=OnFailure(destination=arn:aws:iam:us-east-1:123456789012:function:x)) is invalid."],
    [{ DestinationConfig: { OnSuccess: { Destination: fnArn("doesnotexist") } } }, `The destination ARN ${fnArn("doesnotexist")} is invalid.`],
    // S3 buckets are on-failure destinations only; SQS and SNS destinations are standard, not FIFO
    // (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html; the texts are UNVERIFIED).
    [{ DestinationConfig: { OnSuccess: { Destination: "arn:aws:s3:::bucket" } } }, "is invalid."],
    [{ DestinationConfig: { OnFailure: { Destination: "arn:aws:sqs:us-east-1:123456789012:failed.fifo" } } }, "is invalid."],
    [{ DestinationConfig: { OnFailure: { Destination: "arn:aws:sns:us-east-1:123456789012:failed.fifo" } } }, "is invalid."],
  ])("given %j, when put, then InvalidParameterValueException", async (bad, text) => {
    const { sb, lambda } = givenSandbox();
    sb.lambda.createFunction({ FunctionName: "orders", handler });
    const error = await errorOf(lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: "orders", ...bad } as never)));
    expect(error.name).toBe("InvalidParameterValueException");
    expect(error.message).toContain(text);
  });
});

describe("PutFunctionEventInvokeConfig and PutFunctionConcurrency: AWS-recorded answers", () => {
  it("accepts an S3 bucket as the on-failure destination", async () => {
    const { sb, lambda } = givenSandbox();
    sb.lambda.createFunction({ FunctionName: "orders", handler });
    const out = await lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: "orders", DestinationConfig: { OnFailure: { Destination: "arn:aws:s3:::failed-orders" } } }));
    expect(out.DestinationConfig?.OnFailure?.Destination).toBe("arn:aws:s3:::failed-orders");
  });

  it("answers \"The function doesn't exist.\" for an unknown function", async () => {
    const { lambda } = givenSandbox();
    const error = await errorOf(lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: "nope", MaximumRetryAttempts: 1 })));
    expect([error.name, error.message]).toEqual(["ResourceNotFoundException", "The function doesn't exist."]);
  });

  it("refuses a qualified ARN for PutFunctionConcurrency, and names $LATEST for an unknown function", async () => {
    const { sb, lambda } = givenSandbox();
    sb.lambda.createFunction({ FunctionName: "orders", handler });
    const qualified = await errorOf(lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: `${fnArn("orders")}:1`, ReservedConcurrentExecutions: 1 })));
    expect([qualified.name, qualified.message]).toEqual([
      "InvalidParameterValueException",
      "This operation is permitted on Lambda functions only. Aliases and versions do not support this operation. Please specify either a function name or an unqualified function ARN.",
    ]);
    const missing = await errorOf(lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: "doesnotexist", ReservedConcurrentExecutions: 1 })));
    expect([missing.name, missing.message]).toEqual(["ResourceNotFoundException", `Function not found: ${fnArn("doesnotexist")}:$LATEST`]);
  });
});

describe("trace", () => {
  it("given a deployment and an invocation, then the trace records them with the function ARN", async () => {
    const { sb, lambda } = givenSandbox();
    sb.lambda.createFunction({ FunctionName: "orders", handler });
    await invoke(lambda, { FunctionName: "orders" });
    const kinds = sb.trace.events.filter((event) => event.service === "lambda").map((event) => event.kind);
    expect(kinds).toEqual(["create-function", "invoke", "invoke-end"]);
    expect(sb.trace.events.at(-1)?.resource).toBe(fnArn("orders"));
  });
});
