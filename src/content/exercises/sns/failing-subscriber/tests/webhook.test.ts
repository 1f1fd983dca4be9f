import { beforeEach, describe, expect, it } from "vitest";
import { createSandbox, type WorldHttpRequest } from "sandbox-engine";
import { CreateTopicCommand, PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from "@aws-sdk/client-sqs";
import { inspectDeadLetters, subscribeWebhook } from "./webhook";

const url = "https://partner.example.com/orders";
let sb: ReturnType<typeof createSandbox>;
let sns: SNSClient;
let sqs: SQSClient;
let topicArn: string;
let dlqUrl: string;
/** What the partner answers to notifications: 200 when up. */
let answers: number[];

beforeEach(async () => {
  sb = createSandbox({ seed: 6 });
  sns = new SNSClient({});
  sqs = new SQSClient({});
  answers = [];
  topicArn = (await sns.send(new CreateTopicCommand({ Name: "orders" }))).TopicArn!;
  dlqUrl = (await sqs.send(new CreateQueueCommand({ QueueName: "partner-dlq" }))).QueueUrl!;
  // The partner's endpoint: confirms its subscription, then answers with the next status in `answers`.
  sb.world.http.endpoint(url, (request: WorldHttpRequest) => {
    const doc = JSON.parse(request.body);
    if (doc.Type === "SubscriptionConfirmation") {
      sb.sns.visit(doc.SubscribeURL);
      return 200;
    }
    return answers.shift() ?? 503;
  });
  await subscribeWebhook(topicArn, url, dlqUrl);
});

const attempts = () => sb.world.http.requests(url).filter((r) => r.request.headers["x-amz-sns-message-type"] === "Notification");

async function dlqSize(): Promise<number> {
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: dlqUrl, AttributeNames: ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"] }),
  );
  return Number(Attributes.ApproximateNumberOfMessages) + Number(Attributes.ApproximateNumberOfMessagesNotVisible);
}

/** What SNS did with the message in the end, in the simulator's words. */
function fate(): string {
  const last = sb.trace.events.filter((e) => e.service === "sns" && (e.kind === "dead-letter" || e.kind === "discarded")).at(-1);
  if (last === undefined) return "";
  if (last.kind === "dead-letter") return " SNS moved it to the dead-letter queue.";
  const failure = last.details["deadLetterFailure"];
  return failure === undefined
    ? " SNS discarded it: the subscription has no dead-letter queue (RedrivePolicy)."
    : ` SNS tried the dead-letter queue but ${String(failure)}, so it discarded the message.`;
}

describe("a failing subscriber", () => {
  it("retries a failing endpoint 4 times, backing off from 5 s to 40 s", async () => {
    await sns.send(new PublishCommand({ TopicArn: topicArn, Message: '{"orderId":"o-1"}' }));
    await sb.clock.advance(10 * 60_000);

    const times = attempts().map((r) => r.time);
    const gaps = times.slice(1).map((time, i) => time - times[i]!);
    const seconds = gaps.map((gap) => `${gap / 1000} s`).join(", ");
    expect(times.length, `SNS made ${times.length} attempts (gaps: ${seconds || "none"}): set the subscription's DeliveryPolicy to 4 retries`).toBe(5);
    expect(gaps[0]!, `the first retry came ${seconds.split(",")[0]} after the first attempt; minDelayTarget is 5 s`).toBeGreaterThanOrEqual(5_000);
    expect(gaps, `each wait should be at least as long as the one before (backoff); gaps were ${seconds}`).toEqual([...gaps].sort((a, b) => a - b));
    expect(gaps.at(-1), `the last retry should wait maxDelayTarget, 40 s; it waited ${gaps.at(-1)! / 1000} s`).toBe(40_000);
  });

  it("moves the message to the subscription's dead-letter queue after the last retry", async () => {
    await sns.send(new PublishCommand({ TopicArn: topicArn, Message: '{"orderId":"o-2"}' }));
    await sb.clock.advance(10 * 60_000);

    expect(await dlqSize(), `the dead-letter queue holds nothing after the retries ran out.${fate()}`).toBe(1);
  });

  it("shows the dead letters' message id, topic and message, and leaves them in the queue", async () => {
    const { MessageId } = await sns.send(new PublishCommand({ TopicArn: topicArn, Message: '{"orderId":"o-3"}' }));
    await sb.clock.advance(10 * 60_000);

    const letters = await inspectDeadLetters(dlqUrl);

    expect(letters.length, `inspectDeadLetters returned ${letters.length} dead letters; the DLQ holds ${await dlqSize()}.${fate()}`).toBe(1);
    expect(letters[0], "each dead letter is SNS's envelope: read MessageId, TopicArn and Message from the JSON body").toEqual({
      messageId: MessageId,
      topicArn,
      message: '{"orderId":"o-3"}',
    });
    expect(await dlqSize(), "looking hid the dead letters: receive with VisibilityTimeout 0").toBe(1);
    expect((await inspectDeadLetters(dlqUrl)).length, "a second look should see the same dead letter").toBe(1);
  });

  it("an endpoint that recovers gets the message on a retry, and the DLQ stays empty", async () => {
    answers = [503, 503, 200]; // down for two attempts, then back
    await sns.send(new PublishCommand({ TopicArn: topicArn, Message: '{"orderId":"o-4"}' }));
    await sb.clock.advance(10 * 60_000);

    expect(attempts().length, "SNS stops retrying once the endpoint answers 2xx: 3 attempts").toBe(3);
    expect(await dlqSize(), "a message delivered on a retry does not go to the DLQ").toBe(0);
  });

  it("a 4xx answer is final: SNS neither retries it nor moves it to the DLQ", async () => {
    // "If the HTTP status code is outside the range of 200-4xx, or if the endpoint takes longer than 15 seconds
    // to respond, Amazon SNS considers the message delivery attempt failed"
    // (https://docs.aws.amazon.com/sns/latest/dg/SendMessageToHttp.prepare.html): a 4xx is not a failed attempt.
    answers = [410]; // Gone: the partner turns this message down
    await sns.send(new PublishCommand({ TopicArn: topicArn, Message: '{"orderId":"o-5"}' }));
    await sb.clock.advance(10 * 60_000);

    expect(attempts().length, "SNS does not retry a 4xx answer").toBe(1);
    expect(await dlqSize(), "a 4xx answer is not a failed delivery, so nothing goes to the DLQ: a webhook that wants a retry answers 5xx").toBe(0);
  });

  it("an endpoint that answers after more than 15 s has failed the attempt, and is retried", async () => {
    sb.world.http.endpoint(url, async (request: WorldHttpRequest) => {
      if (JSON.parse(request.body).Type === "SubscriptionConfirmation") return 200;
      await sb.clock.sleep(20_000); // too slow: SNS gives up on an attempt after 15 s
      return 200;
    });
    await sns.send(new PublishCommand({ TopicArn: topicArn, Message: '{"orderId":"o-6"}' }));
    await sb.clock.advance(10 * 60_000);

    expect(attempts().length, "each attempt timed out after 15 s: the first try and 4 retries").toBe(5);
    expect(await dlqSize(), `the message should be in the dead-letter queue after the last timeout.${fate()}`).toBe(1);
  });
});
