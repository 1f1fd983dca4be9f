import { beforeEach, describe, expect, it } from "vitest";
import { createSandbox } from "sandbox-engine";
import { CreateTopicCommand, ListSubscriptionsByTopicCommand, PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import { handler, subscribeFunction } from "./shipping";
import { warehouse } from "./warehouse";

let sb: ReturnType<typeof createSandbox>;
let sns: SNSClient;
let topicArn: string;

beforeEach(async () => {
  sb = createSandbox({ seed: 9 });
  sns = new SNSClient({});
  warehouse.reset();
  sb.lambda.createFunction({ FunctionName: "ship-orders", Handler: "shipping.handler", handler: handler as never });
  topicArn = (await sns.send(new CreateTopicCommand({ Name: "orders" }))).TopicArn!;
  await subscribeFunction(topicArn, "ship-orders");
});

const invocations = () => sb.lambda.invocations().filter((record) => record.functionName === "ship-orders");

async function publish(orderId: string, priority?: string): Promise<void> {
  await sns.send(
    new PublishCommand({
      TopicArn: topicArn,
      Message: JSON.stringify({ orderId }),
      MessageAttributes: priority === undefined ? undefined : { priority: { DataType: "String", StringValue: priority } },
    }),
  );
}

/** Why SNS could not deliver, if it tried and failed (e.g. the function does not allow SNS to invoke it). */
function deliveryProblem(): string {
  const failed = sb.trace.events.filter((event) => event.kind === "delivery-failed").at(-1);
  return failed?.kind === "delivery-failed" ? ` SNS could not deliver: ${failed.details.reason}` : "";
}

/** The last error the function's log shows, if any. */
function lastError(): string {
  const line = sb.lambda.logs("ship-orders").filter((entry) => /ERROR/.test(entry.message)).at(-1);
  return line === undefined ? "" : ` The function's log says: ${line.message.split("\t").slice(3).join(" ").slice(0, 200)}`;
}

describe("SNS invoking Lambda", () => {
  it("subscribes the function: one publish invokes it once, asynchronously", async () => {
    const { Subscriptions = [] } = await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn }));
    expect(Subscriptions.map((s) => s.Protocol), "the topic should have one subscription, with protocol lambda").toEqual(["lambda"]);

    await publish("o-1");
    await sb.clock.advance(1_000);

    expect(invocations().length, `one publish should invoke the function once.${deliveryProblem()}`).toBe(1);
    expect(invocations()[0]!.trigger, "SNS invokes functions asynchronously (InvocationType Event)").toBe("async");
  });

  it("books a shipment from the SNS record: the order in Sns.Message, the priority attribute", async () => {
    await publish("o-2", "express");
    await publish("o-3");
    await sb.clock.advance(1_000);

    expect(
      warehouse.shipments,
      `the warehouse has ${JSON.stringify(warehouse.shipments)}. Read the order from JSON.parse(record.Sns.Message) and ` +
        `the priority from record.Sns.MessageAttributes.priority?.Value.${lastError()}`,
    ).toEqual([
      { orderId: "o-2", priority: "express" },
      { orderId: "o-3", priority: "normal" },
    ]);
  });

  it("a failed booking fails the invocation, and Lambda's retry a minute later books it", async () => {
    warehouse.failuresLeft = 1;
    await publish("o-4", "normal");

    await sb.clock.advance(1_000);
    expect(warehouse.shipments.length, "the first attempt failed: the warehouse was down").toBe(0);
    expect(invocations().length, "the function was never invoked: subscribe it to the topic first").toBeGreaterThan(0);
    expect(
      invocations()[0]!.status,
      "the first invocation reported success although the booking failed: a catch that only logs hides the error " +
        "from Lambda, which then never retries",
    ).toBe("error");
    await sb.clock.advance(60_000);
    expect(invocations().length, "Lambda retries a failed asynchronous event about a minute later").toBe(2);
    expect(warehouse.shipments, `the retry should book the shipment.${lastError()}`).toEqual([{ orderId: "o-4", priority: "normal" }]);
  });
});
