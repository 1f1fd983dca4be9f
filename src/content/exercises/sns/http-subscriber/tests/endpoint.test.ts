import { beforeEach, describe, expect, it } from "vitest";
import { createSandbox } from "sandbox-engine";
import { CreateTopicCommand, ListSubscriptionsByTopicCommand, PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import { handleRequest, inbox, subscribeEndpoint } from "./endpoint";

const url = "https://partner.example.com/sns";
let sb: ReturnType<typeof createSandbox>;
let sns: SNSClient;
let topicArn: string;

beforeEach(async () => {
  sb = createSandbox({ seed: 4 });
  sns = new SNSClient({});
  inbox.length = 0;
  topicArn = (await sns.send(new CreateTopicCommand({ Name: "shipments" }))).TopicArn!;
  sb.world.http.endpoint(url, handleRequest);
  await subscribeEndpoint(topicArn, url);
  await sb.clock.advance(1_000);
});

async function subscriptionArn(): Promise<string | undefined> {
  const { Subscriptions = [] } = await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn }));
  return Subscriptions.find((subscription) => subscription.Endpoint === url)?.SubscriptionArn;
}

describe("an HTTPS subscriber", () => {
  it("confirms its subscription when SNS sends the SubscriptionConfirmation", async () => {
    const confirmations = sb.world.http.requests(url).filter((r) => r.request.headers["x-amz-sns-message-type"] === "SubscriptionConfirmation");
    expect(confirmations.length, "SNS should have POSTed one SubscriptionConfirmation to the endpoint").toBe(1);
    expect(
      await subscriptionArn(),
      "the subscription is still pending: answering the SubscriptionConfirmation with 200 is not enough, the endpoint " +
        "must call ConfirmSubscription with the Token from the body (or visit its SubscribeURL)",
    ).not.toBe("PendingConfirmation");
  });

  it("stores the message and subject of each notification and answers 200", async () => {
    await sns.send(new PublishCommand({ TopicArn: topicArn, Subject: "Shipment ready", Message: '{"orderId":"o-1"}' }));
    await sns.send(new PublishCommand({ TopicArn: topicArn, Message: '{"orderId":"o-2"}' }));
    await sb.clock.advance(1_000);

    const notifications = sb.world.http.requests(url).filter((r) => r.request.headers["x-amz-sns-message-type"] === "Notification");
    expect(
      notifications.length,
      "SNS sent no notification: until the subscription is confirmed, an HTTPS endpoint receives nothing but the confirmation",
    ).toBe(2);
    expect(notifications.map((r) => r.status), "the endpoint should answer each notification with 200").toEqual([200, 200]);
    expect(
      inbox.map((entry) => entry.message),
      "store what the publisher sent, the envelope's Message field, not the whole request body",
    ).toEqual(['{"orderId":"o-1"}', '{"orderId":"o-2"}']);
    expect(inbox.map((entry) => entry.subject), "the Subject of each notification (undefined when there is none)").toEqual(["Shipment ready", undefined]);
  });

  it("stores a notification delivered twice only once", async () => {
    await sns.send(new PublishCommand({ TopicArn: topicArn, Message: '{"orderId":"o-3"}' }));
    await sb.clock.advance(1_000);
    const notification = sb.world.http.requests(url).find((r) => r.request.headers["x-amz-sns-message-type"] === "Notification");
    expect(notification, "SNS sent no notification: confirm the subscription first").toBeDefined();

    // At-least-once delivery: the very same POST arrives again.
    const status = await handleRequest(notification!.request);

    expect(status, "answer a repeated notification with 200 too, or SNS retries it").toBe(200);
    expect(inbox.length, `the same notification (same MessageId) was stored ${inbox.length} times`).toBe(1);
  });
});
