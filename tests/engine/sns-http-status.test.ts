/**
 * What an HTTP/S subscriber's answer means to SNS (issue 15, item 2).
 * - "If the HTTP status code is outside the range of 200-4xx, or if the endpoint takes longer than 15 seconds
 *   to respond, Amazon SNS considers the message delivery attempt failed" (SendMessageToHttp.prepare.html): a
 *   4xx is no failed attempt, so it is neither retried nor dead-lettered.
 * - Client-side errors, which go to the DLQ without retries, are a deleted endpoint and a policy that no
 *   longer lets SNS deliver (sns-dead-letter-queues.html, "Why do message deliveries fail?").
 */
import { describe, expect, it } from "vitest";
import { ConfirmSubscriptionCommand, PublishCommand, SubscribeCommand } from "sandbox-engine/aws/client-sns";
import { DeleteQueueCommand } from "sandbox-engine/aws/client-sqs";
import type { WorldHttpResponse } from "sandbox-engine";
import { depth, givenQueue, givenTopic, subscribeQueue, type SnsFixture } from "./sns-helpers.ts";

const url = "https://hooks.example.com/orders";

const snsKinds = (f: SnsFixture) => f.sb.trace.events.filter((e) => e.service === "sns").map((e) => e.kind);

/** A confirmed HTTPS subscription with a DLQ; `answer` decides each notification's response. */
async function givenWebhook(answer: () => WorldHttpResponse | Promise<WorldHttpResponse>) {
  const f = await givenTopic();
  const dlq = await givenQueue(f, "hooks-dlq");
  const times: number[] = [];
  f.sb.world.http.endpoint(url, (request) => {
    if (request.headers["x-amz-sns-message-type"] !== "Notification") return 200;
    times.push(f.sb.clock.now());
    return answer();
  });
  await f.sns.send(new SubscribeCommand({ TopicArn: f.topicArn, Protocol: "https", Endpoint: url, Attributes: { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn }) } }));
  const token = JSON.parse(f.sb.world.http.requests(url)[0]!.request.body).Token;
  await f.sns.send(new ConfirmSubscriptionCommand({ TopicArn: f.topicArn, Token: token }));
  return { f, dlq, times };
}

describe("HTTP/S answers (SendMessageToHttp.prepare.html)", () => {
  it.each([400, 403, 404, 410, 429, 499])("a %i answer is not retried, not counted as failed and not dead-lettered", async (status) => {
    const { f, dlq, times } = await givenWebhook(() => status);
    await f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: "m" }));
    await f.sb.clock.advance(10 * 60_000);
    expect(times).toHaveLength(1);
    expect(await depth(f, dlq.url)).toBe(0);
    expect(snsKinds(f)).not.toContain("delivery-failed");
    const delivered = f.sb.trace.events.find((e) => e.service === "sns" && e.kind === "delivered")!;
    expect(String(delivered.details["detail"])).toContain(`HTTP ${status}`);
    expect(String(delivered.details["detail"])).toContain("answer 5xx to be retried");
  });

  it.each([500, 503, 302, 101])("a %i answer is a failed attempt: retried 3 times 20 s apart, then dead-lettered", async (status) => {
    const { f, dlq, times } = await givenWebhook(() => status);
    const start = f.sb.clock.now();
    await f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: "m" }));
    await f.sb.clock.advance(10 * 60_000);
    expect(times.map((t) => t - start)).toEqual([0, 20_000, 40_000, 60_000]);
    expect(await depth(f, dlq.url)).toBe(1);
  });

  it("an endpoint that takes longer than 15 s to answer has failed the attempt, even if it answers 200 later", async () => {
    const { f, dlq, times } = await givenWebhook(async () => {
      await f.sb.clock.sleep(16_000);
      return 200;
    });
    const start = f.sb.clock.now();
    await f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: "m" }));
    await f.sb.clock.advance(10 * 60_000);
    // Each attempt fails after 15 s; the next starts 20 s after that.
    expect(times.map((t) => t - start)).toEqual([0, 35_000, 70_000, 105_000]);
    const reasons = f.sb.trace.events.filter((e) => e.kind === "delivery-failed").map((e) => e.details["reason"]);
    expect(reasons).toEqual(Array(4).fill(`${url} did not answer within 15 seconds`));
    expect(await depth(f, dlq.url)).toBe(1);
  });

  it("an answer within 15 s is on time", async () => {
    const { f, dlq, times } = await givenWebhook(async () => {
      await f.sb.clock.sleep(14_999);
      return 204;
    });
    await f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: "m" }));
    await f.sb.clock.advance(10 * 60_000);
    expect(times).toHaveLength(1);
    expect(await depth(f, dlq.url)).toBe(0);
    expect(snsKinds(f)).toContain("delivered");
    expect(f.sb.clock.pendingTimers()).toBe(0);
  });
});

describe("client-side errors (sns-dead-letter-queues.html)", () => {
  it("a deleted queue endpoint goes to the DLQ at once, without retries", async () => {
    const f = await givenTopic();
    const target = await givenQueue(f, "billing");
    const dlq = await givenQueue(f, "billing-dlq");
    await subscribeQueue(f, target.arn, { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn }) });
    await f.sqs.send(new DeleteQueueCommand({ QueueUrl: target.url }));
    await f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: "m" }));
    await f.sb.clock.advance(60_000);
    expect(snsKinds(f).filter((k) => k === "deliver")).toHaveLength(1);
    expect(await depth(f, dlq.url)).toBe(1);
  });

  it("a queue policy that refuses SNS goes to the DLQ at once, without retries", async () => {
    const f = await givenTopic();
    const target = await givenQueue(f, "billing", false);
    const dlq = await givenQueue(f, "billing-dlq");
    await subscribeQueue(f, target.arn, { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn }) });
    await f.sns.send(new PublishCommand({ TopicArn: f.topicArn, Message: "m" }));
    await f.sb.clock.advance(60_000);
    const failed = f.sb.trace.events.filter((e) => e.kind === "delivery-failed");
    expect(failed.map((e) => e.details["retryable"])).toEqual([false]);
    expect(await depth(f, dlq.url)).toBe(1);
  });
});
