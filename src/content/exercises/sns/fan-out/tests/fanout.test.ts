import { beforeEach, describe, expect, it } from "vitest";
import { createSandbox } from "sandbox-engine";
import { CreateTopicCommand, PublishCommand, SNSClient, SubscribeCommand } from "@aws-sdk/client-sns";
import {
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from "@aws-sdk/client-sqs";
import { publishOrder, subscribeQueue, wireOrderFanOut, type OrderEvent } from "./fanout";

let sb: ReturnType<typeof createSandbox>;
let sns: SNSClient;
let sqs: SQSClient;

beforeEach(() => {
  sb = createSandbox({ seed: 5 });
  sns = new SNSClient({});
  sqs = new SQSClient({});
});

const order: OrderEvent = { orderId: "o-1042", customerId: "c-7", status: "placed", total: 59.9 };

async function createQueue(name: string): Promise<string> {
  const attributes = name.endsWith(".fifo") ? { FifoQueue: "true" } : undefined;
  return (await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }))).QueueUrl!;
}

async function receiveAll(queueUrl: string): Promise<string[]> {
  const bodies: string[] = [];
  for (;;) {
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10 }));
    if (Messages.length === 0) return bodies;
    for (const message of Messages) {
      bodies.push(message.Body!);
      await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle! }));
    }
  }
}

/** Why SNS could not deliver, in the simulator's words (from the trace). */
function refusals(queue?: string): string {
  const reasons = sb.trace.events
    .filter((event) => event.service === "sns" && event.kind === "delivery-failed")
    .map((event) => String(event.details["reason"]))
    .filter((reason) => queue === undefined || reason.startsWith(`queue ${queue}`));
  return reasons.length === 0 ? "" : ` SNS said: ${[...new Set(reasons)].join("; ")}.`;
}

async function ordersTopic(): Promise<{ topicArn: string; billing: string; shipping: string; email: string }> {
  const topicArn = (await sns.send(new CreateTopicCommand({ Name: "orders" }))).TopicArn!;
  const queues = { billing: await createQueue("billing"), shipping: await createQueue("shipping"), email: await createQueue("email") };
  await wireOrderFanOut(topicArn, queues);
  return { topicArn, ...queues };
}

describe("fan-out to queues", () => {
  it("one published order reaches the billing, shipping and email queues", async () => {
    const { topicArn, billing, shipping, email } = await ordersTopic();

    await publishOrder(topicArn, order);

    for (const [name, url] of [["billing", billing], ["shipping", shipping], ["email", email]] as const) {
      const bodies = await receiveAll(url);
      expect(bodies.length, `the ${name} queue received ${bodies.length} messages for one publish.${refusals(name)}`).toBe(1);
    }
  });

  it("billing and shipping get the SNS envelope; the email queue gets the raw order", async () => {
    const { topicArn, billing, email } = await ordersTopic();

    await publishOrder(topicArn, order);
    const [envelope] = await receiveAll(billing);
    const [raw] = await receiveAll(email);

    expect(envelope, `nothing reached the billing queue.${refusals("billing")}`).toBeDefined();
    const parsed = JSON.parse(envelope!);
    expect(parsed.Type, "a queue without raw delivery gets SNS's JSON envelope, Type \"Notification\"").toBe("Notification");
    expect(parsed.TopicArn, "the envelope names the topic the message came from").toBe(topicArn);
    expect(JSON.parse(parsed.Message), "the order itself is the envelope's Message field, a string").toEqual(order);
    expect(raw, `nothing reached the email queue.${refusals("email")}`).toBeDefined();
    expect(
      JSON.parse(raw!),
      "the email queue got the envelope instead of the order: subscribe it with RawMessageDelivery \"true\"",
    ).toEqual(order);
  });

  it("each queue's policy lets in the orders topic and no other topic", async () => {
    const { billing } = await ordersTopic();
    // Another topic subscribes the billing queue, as a misconfigured (or malicious) team might.
    const spamArn = (await sns.send(new CreateTopicCommand({ Name: "marketing" }))).TopicArn!;
    const { Attributes = {} } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: billing, AttributeNames: ["QueueArn", "Policy"] }));
    expect(Attributes.Policy, "the billing queue has no access policy: set its Policy attribute with SetQueueAttributes").toBeDefined();
    await sns.send(new SubscribeCommand({ TopicArn: spamArn, Protocol: "sqs", Endpoint: Attributes.QueueArn! }));

    await sns.send(new PublishCommand({ TopicArn: spamArn, Message: "50% off everything!" }));

    const bodies = await receiveAll(billing);
    expect(
      bodies.length,
      "the billing queue accepted a message from topic marketing: allow SendMessage only when aws:SourceArn is the " +
        "orders topic (Condition: { ArnEquals: { \"aws:SourceArn\": topicArn } })",
    ).toBe(0);
  });

  it("through a FIFO topic, each customer's events arrive in order, and a retried publish arrives once", async () => {
    const topicArn = (await sns.send(new CreateTopicCommand({ Name: "orders.fifo", Attributes: { FifoTopic: "true" } }))).TopicArn!;
    const ledger = await createQueue("ledger.fifo");
    await subscribeQueue(topicArn, ledger);
    const events: OrderEvent[] = [
      { orderId: "o-1", customerId: "ana", status: "placed", total: 20 },
      { orderId: "o-2", customerId: "ben", status: "placed", total: 35 },
      { orderId: "o-1", customerId: "ana", status: "paid", total: 20 },
      { orderId: "o-1", customerId: "ana", status: "paid", total: 20 }, // the publisher retried after a timeout
      { orderId: "o-2", customerId: "ben", status: "paid", total: 35 },
      { orderId: "o-1", customerId: "ana", status: "shipped", total: 20 },
    ];

    for (const event of events) {
      try {
        await publishOrder(topicArn, event);
      } catch (error) {
        throw new Error(`Publish to the FIFO topic failed: ${(error as Error).message}`);
      }
    }
    const received = (await receiveAll(ledger)).map((body) => JSON.parse(JSON.parse(body).Message) as OrderEvent);
    const of = (customer: string) => received.filter((event) => event.customerId === customer).map((event) => event.status);

    expect(
      of("ana"),
      "ana's events should arrive placed, paid, shipped, each once: the retried \"paid\" needs the same " +
        "MessageDeduplicationId as the first, so SNS drops it",
    ).toEqual(["placed", "paid", "shipped"]);
    expect(of("ben"), "ben's events, in order").toEqual(["placed", "paid"]);
  });
});
