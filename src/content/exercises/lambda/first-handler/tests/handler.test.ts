import { beforeEach, describe, expect, it } from "vitest";
import { createSandbox } from "sandbox-engine";
import { InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import * as code from "./handler";

let sb: ReturnType<typeof createSandbox>;
let lambda: LambdaClient;

const order = {
  orderId: "o-1042",
  items: [
    { sku: "mug", quantity: 2, unitPrice: 12 },
    { sku: "tea", quantity: 3, unitPrice: 5 },
  ],
};

/** The exports of handler.ts, for a message that names them. */
const exportsOfFile = () => Object.keys(code).join(", ") || "nothing";

beforeEach(() => {
  sb = createSandbox({ seed: 1 });
  lambda = new LambdaClient({});
  // Deploys handler.ts as the function "place-order", with the handler
  // setting "handler.handler" (file handler.js, export handler).
  const handler = (code as Record<string, unknown>).handler;
  if (typeof handler === "function") {
    sb.lambda.createFunction({ FunctionName: "place-order", Handler: "handler.handler", handler: handler as never });
  }
});

/** Invokes place-order synchronously and decodes the answer. */
async function invoke(event: unknown) {
  const out = await lambda.send(
    new InvokeCommand({ FunctionName: "place-order", Payload: new TextEncoder().encode(JSON.stringify(event)) }),
  );
  return { ...out, body: JSON.parse(new TextDecoder().decode(out.Payload)) };
}

describe("the place-order handler", () => {
  it("is exported under the name in the Handler setting", () => {
    expect(
      typeof (code as Record<string, unknown>).handler,
      `the function's Handler setting is "handler.handler", so Lambda loads handler.js and calls its export ` +
        `named "handler"; handler.ts exports: ${exportsOfFile()}. Lambda would fail every invocation with ` +
        `Runtime.HandlerNotFound`,
    ).toBe("function");
  });

  it("reads the order from the event and returns its total", async () => {
    expect(typeof (code as Record<string, unknown>).handler, "export the handler as `handler` first").toBe("function");
    const out = await invoke(order);
    expect(out.FunctionError, `the invocation failed: ${JSON.stringify(out.body)}`).toBeUndefined();
    expect(out.StatusCode, "a synchronous (RequestResponse) invocation answers 200").toBe(200);
    expect(out.body.orderId, "return the event's orderId").toBe("o-1042");
    expect(out.body.itemCount, "2 mugs and 3 packets of tea: 5 items").toBe(5);
    expect(out.body.total, "2 x 12 + 3 x 5 = 39").toBe(39);
  });

  it("answers with the request id and the function name from the context", async () => {
    expect(typeof (code as Record<string, unknown>).handler, "export the handler as `handler` first").toBe("function");
    const out = await invoke(order);
    const requestId = sb.lambda.invocations()[0]?.requestId;
    expect(
      out.body.requestId,
      `Lambda gave this invocation the request id ${requestId} (it is in the START line of the log): ` +
        "it is context.awsRequestId",
    ).toBe(requestId);
    expect(out.body.handledBy, "the function is called place-order: context.functionName").toBe("place-order");
  });

  it("logs a line with the order id, which lands in the function's log stream", async () => {
    expect(typeof (code as Record<string, unknown>).handler, "export the handler as `handler` first").toBe("function");
    await invoke(order);
    const lines = sb.lambda.logs("place-order").map((line) => line.message);
    const logged = lines.filter((line) => line.includes("\tINFO\t"));
    expect(
      logged.some((line) => line.includes("o-1042") && line.includes("39")),
      "the log group /aws/lambda/place-order has these lines:\n" +
        lines.join("\n") +
        "\nconsole.log a line with the order id and its total: it appears between START and END",
    ).toBe(true);
  });

  it("fails the invocation for an order without items", async () => {
    expect(typeof (code as Record<string, unknown>).handler, "export the handler as `handler` first").toBe("function");
    const out = await invoke({ orderId: "o-7", items: [] });
    expect(
      out.FunctionError,
      `the handler returned ${JSON.stringify(out.body)} for an empty order; throw an Error instead, so the caller ` +
        'gets FunctionError "Unhandled" and can tell a failure from a result',
    ).toBe("Unhandled");
    expect(out.StatusCode, "a function error still answers 200: the Invoke request itself worked").toBe(200);
    expect(out.body.errorMessage, "the error payload carries your message").toMatch(/no items/);
  });
});
