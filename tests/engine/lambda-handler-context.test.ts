/**
 * What a handler sees besides its event (issue 15, item 13):
 * - Invoke's ClientContext (base64 JSON) as context.clientContext, parsed (API_Invoke.html; LocalStack's AWS-recorded
 *   test_lambda snapshot shows the Node.js runtime's { custom, client, env } object);
 * - Environment.Variables, and the runtime's AWS_REGION, AWS_LAMBDA_FUNCTION_NAME, ..., as process.env during its
 *   invocation (https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html), and nothing of it after.
 */
import { describe, expect, it } from "vitest";
import { UpdateFunctionConfigurationCommand } from "sandbox-engine/aws/client-lambda";
import { decode, encode, errorOf, givenFunction, invoke } from "./lambda-helpers.ts";

const base64 = (value: unknown) => btoa(JSON.stringify(value));
const env = () => (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env;

describe("one request id per invocation (https://docs.aws.amazon.com/lambda/latest/dg/nodejs-context.html)", () => {
  it("is the same in the Invoke response, context.awsRequestId and the logs", async () => {
    const fixture = givenFunction(async (_event, context) => context.awsRequestId);
    const out = await invoke(fixture.lambda, { FunctionName: "worker" });
    const id = decode(out.Payload) as string;
    expect(out.$metadata.requestId).toBe(id);
    expect(fixture.sb.lambda.logs("worker").map((line) => line.requestId)).toEqual(Array(fixture.sb.lambda.logs("worker").length).fill(id));
    expect(Object.keys(out)).not.toContain("requestId");
  });

  it("an asynchronous Invoke answers with the request id its attempts run under", async () => {
    const ids: string[] = [];
    const fixture = givenFunction(async (_event, context) => void ids.push(context.awsRequestId));
    const out = await invoke(fixture.lambda, { FunctionName: "worker", InvocationType: "Event" });
    await fixture.sb.clock.advance(0);
    expect(ids).toEqual([out.$metadata.requestId]);
  });
});

describe("context.clientContext", () => {
  it("is the decoded ClientContext", async () => {
    const fixture = givenFunction(async (_event, context) => context.clientContext ?? "none");
    const clientContext = { custom: { foo: "bar" }, client: { snap: ["crackle", "pop"] }, env: { fizz: "buzz" } };
    const out = await invoke(fixture.lambda, { FunctionName: "worker", ClientContext: base64(clientContext) });
    expect(decode(out.Payload)).toEqual(clientContext);
    expect(decode((await invoke(fixture.lambda, { FunctionName: "worker" })).Payload)).toBe("none");
  });

  it("refuses a ClientContext that is not base64 JSON, and changes nothing", async () => {
    let runs = 0;
    const fixture = givenFunction(async () => void (runs += 1));
    const error = await errorOf(invoke(fixture.lambda, { FunctionName: "worker", ClientContext: "not json" }));
    expect(error.name).toBe("InvalidRequestContentException");
    expect(runs).toBe(0);
  });
});

describe("process.env", () => {
  it("holds the function's variables and the runtime's during the invocation, and they are gone after", async () => {
    const fixture = givenFunction(async () => ({
      table: process.env.TABLE,
      name: process.env.AWS_LAMBDA_FUNCTION_NAME,
      region: process.env.AWS_REGION,
      memory: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    }));
    await fixture.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: "worker", Environment: { Variables: { TABLE: "orders" } } }));
    const out = await invoke(fixture.lambda, { FunctionName: "worker" });
    expect(decode(out.Payload)).toEqual({ table: "orders", name: "worker", region: "us-east-1", memory: "128" });
    expect(env()?.TABLE).toBeUndefined();
  });

  it("keeps two functions' variables apart when they run at the same time", async () => {
    const fixture = givenFunction(async (event: { wait: number }) => {
      const before = process.env.TABLE; // read before any await: always this invocation's
      await fixture.sb.clock.sleep(event.wait);
      return before;
    }, { FunctionName: "orders", Timeout: 10 });
    fixture.sb.lambda.createFunction({
      FunctionName: "billing",
      Environment: { Variables: { TABLE: "invoices" } },
      handler: async () => process.env.TABLE,
    });
    await fixture.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: "orders", Environment: { Variables: { TABLE: "orders" } } }));
    const slow = invoke(fixture.lambda, { FunctionName: "orders", Payload: encode({ wait: 1000 }) });
    const other = invoke(fixture.lambda, { FunctionName: "billing" });
    expect(decode((await other).Payload)).toBe("invoices");
    expect(decode((await slow).Payload)).toBe("orders");
  });

  it("a handler's writes stay in its own invocation", async () => {
    const fixture = givenFunction(async (event: { write?: boolean }) => {
      if (event.write) process.env.TABLE = "changed";
      return process.env.TABLE ?? null;
    });
    await fixture.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: "worker", Environment: { Variables: { TABLE: "orders" } } }));
    expect(decode((await invoke(fixture.lambda, { FunctionName: "worker", Payload: encode({ write: true }) })).Payload)).toBe("changed");
    expect(decode((await invoke(fixture.lambda, { FunctionName: "worker" })).Payload)).toBe("orders");
  });
});
