import { beforeEach, describe, expect, it } from "vitest";
import { createSandbox } from "sandbox-engine";
import { auditQueue, drain, postOrder } from "./inspect";
import { deployOrderApi } from "./order-api";
import type { Order } from "./shop";

let sb: ReturnType<typeof createSandbox>;
let url: string;
let published: string;

const order: Order = { orderId: "o-1", email: "ann@example.com", delivery: "express", total: 42.5, items: [{ sku: "book-7", quantity: 2 }] };

beforeEach(async () => {
  sb = createSandbox({ seed: 1 });
  const api = await deployOrderApi(sb);
  url = api.url;
  published = await auditQueue(api.topicArn);
});

describe("POST /orders", () => {
  it("accepts a valid order with 202 and its orderId", async () => {
    const response = await postOrder(sb, url, order);
    expect(response.status, `the API answered ${response.status} ${JSON.stringify(response.body)}`).toBe(202);
    expect(response.body, "the answer tells the client which order was accepted: { orderId }").toMatchObject({ orderId: "o-1" });
  });

  it("publishes the accepted order to the orders topic, as JSON", async () => {
    await postOrder(sb, url, order);
    const messages = await drain(published);
    expect(messages.length, "the orders topic should carry one message per accepted order").toBe(1);
    expect(JSON.parse(messages[0]!.body), "the message is the order itself, as JSON").toEqual(order);
  });

  it("publishes the attributes the filter policies need: delivery (String) and total (Number)", async () => {
    await postOrder(sb, url, { ...order, delivery: "standard", total: 1200 });
    const [message] = await drain(published);
    expect(message?.attributes, "MessageAttributes: { delivery: { DataType: \"String\", ... }, total: { DataType: \"Number\", ... } }").toEqual({
      delivery: "String:standard",
      total: "Number:1200",
    });
  });

  it.each<[string, unknown]>([
    ["no orderId", { ...order, orderId: undefined }],
    ["an email that is not an address", { ...order, email: "ann" }],
    ["an unknown delivery", { ...order, delivery: "drone" }],
    ["a negative total", { ...order, total: -5 }],
    ["no items", { ...order, items: [] }],
    ["a body that is not JSON", "{ orderId: o-1"],
  ])("refuses an order with %s: 400 with a message, and publishes nothing", async (_case, body) => {
    const response = await postOrder(sb, url, body);
    expect(response.status, `a bad request is the client's mistake: 400, not ${response.status}`).toBe(400);
    expect(typeof response.body.message, "the answer says what is wrong: { message }").toBe("string");
    expect((await drain(published)).length, "a refused order must not reach the topic").toBe(0);
  });
});
