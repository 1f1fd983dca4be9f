import { describe, expect, it } from "vitest";
import { SendMessageCommand } from "sandbox-engine/aws/client-sqs";
import { runSeries } from "../../src/client/event-flow/run-series.ts";
import { poisonTrace } from "./poison-trace.ts";
import { encode, givenFunction, invoke } from "../engine/lambda-helpers.ts";
import { givenHttpApi } from "../engine/apigw-helpers.ts";

describe("charts over virtual time, from the trace", () => {
  it("follows a poison message: visible, in flight, visible again after each timeout, then in the dead-letter queue", async () => {
    const trace = await poisonTrace((sqs, queueUrl) => sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "later", DelaySeconds: 5 })));

    const series = runSeries(trace);
    const orders = series.find((entry) => entry.title === "queue orders")!;
    const [visible, inFlight, delayed] = orders.lines.map((line) => line.values);
    expect(orders.lines.map((line) => line.label)).toEqual(["visible", "in flight", "delayed"]);
    // sent and received in the first millisecond (one point per instant), back after the timeout, received again
    expect(visible!.slice(0, 4)).toEqual([0, 1, 0, 1]);
    expect(inFlight!.slice(0, 4)).toEqual([1, 0, 1, 0]);
    expect(orders.seconds.slice(0, 3)).toEqual([0, 30, 31]);
    expect(delayed!.at(-1), "the last send is delayed").toBe(1);
    expect(orders.seconds).toEqual([...orders.seconds].sort((a, b) => a - b));
    const dead = series.find((entry) => entry.title === "queue orders-dlq")!;
    expect(dead.lines[0]!.values.at(-1), "one message ends in the dead-letter queue").toBe(1);
    expect([visible!.at(-1), inFlight!.at(-1)], "the poison message left the source queue").toEqual([0, 0]);
  });

  it("counts a function's concurrent executions for their duration, and its errors", async () => {
    // given a handler that fails on "boom", and two invocations in flight at once
    const { sb, lambda, name } = givenFunction(async (event: { fail?: boolean }) => {
      if (event.fail) throw new Error("boom");
      return "ok";
    });
    await Promise.all([invoke(lambda, { FunctionName: name, Payload: encode({}) }), invoke(lambda, { FunctionName: name, Payload: encode({ fail: true }) })]);

    const fn = runSeries(sb.trace.events).find((entry) => entry.title === `function ${name}`)!;
    const [concurrent, throttles, errors] = fn.lines.map((line) => line.values);
    expect(Math.max(...concurrent!), "both invocations overlap").toBe(2);
    expect(concurrent!.at(-1), "and both end").toBe(0);
    expect(errors!.at(-1)).toBe(1);
    expect(throttles!.at(-1)).toBe(0);
  });

  it("counts an API's requests and its 4xx and 5xx answers over virtual time", async () => {
    // given an HTTP API whose function fails on /boom, and a route that does not exist
    const f = givenHttpApi(async (event: { rawPath: string }) => {
      if (event.rawPath === "/boom") throw new Error("boom");
      return { statusCode: 200, body: "ok" };
    });
    f.route("GET /orders");
    f.route("GET /boom");
    expect((await f.sb.apigateway.fetch(`${f.base}/orders`)).status).toBe(200);
    await f.sb.clock.advance(1000);
    expect((await f.sb.apigateway.fetch(`${f.base}/nowhere`)).status).toBe(404);
    await f.sb.clock.advance(1000);
    expect((await f.sb.apigateway.fetch(`${f.base}/boom`)).status).toBe(500);

    const api = runSeries(f.sb.trace.events).find((entry) => entry.title === "API shop")!;
    expect(api.lines.map((line) => line.label)).toEqual(["requests", "4xx", "5xx"]);
    const [requests, clientErrors, serverErrors] = api.lines.map((line) => line.values);
    expect(requests!.at(-1)).toBe(3);
    expect(clientErrors!.at(-1)).toBe(1);
    expect(serverErrors!.at(-1)).toBe(1);
    // the 404 came a second after the first answer, the 500 a second later
    expect(api.seconds.slice(-3).map((second) => second - api.seconds.at(-3)!)).toEqual([0, 1, 2]);
  });
});
