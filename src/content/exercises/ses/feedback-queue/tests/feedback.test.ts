import { beforeEach, describe, expect, it } from "vitest";
import { createSandbox } from "sandbox-engine";
import { SendEmailCommand, SESClient } from "@aws-sdk/client-ses";
import { PutSuppressedDestinationCommand, SESv2Client } from "@aws-sdk/client-sesv2";
import { CreateTopicCommand, SNSClient, SubscribeCommand } from "@aws-sdk/client-sns";
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from "@aws-sdk/client-sqs";
import { customers } from "./customers";
import { processFeedback, routeFeedback, SENDER, sendNewsletter } from "./feedback";

let sb: ReturnType<typeof createSandbox>;
let topicArn: string;
let queueUrl: string;

beforeEach(async () => {
  sb = createSandbox({ seed: 4 });
  sb.ses.verifyDomainIdentity({ Domain: "shop.example" });
  sb.ses.verify("shop.example");
  sb.ses.leaveSandbox(); // production access: the newsletter may go to anyone
  sb.ses.simulateRecipient("cy@example.com", "bounce");
  sb.ses.simulateRecipient("dee@example.com", "complaint");
  customers.reset({ "ana@example.com": "subscribed", "cy@example.com": "subscribed", "dee@example.com": "subscribed" });
  // The feedback topic and the queue subscribed to it (with the queue policy that lets the topic deliver).
  const sns = new SNSClient({});
  const sqs = new SQSClient({});
  topicArn = (await sns.send(new CreateTopicCommand({ Name: "ses-feedback" }))).TopicArn!;
  const queueArn = `arn:aws:sqs:us-east-1:${sb.accountId}:ses-feedback`;
  const Policy = JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: "sns.amazonaws.com" }, Action: "sqs:SendMessage", Resource: queueArn, Condition: { ArnEquals: { "aws:SourceArn": topicArn } } }],
  });
  queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: "ses-feedback", Attributes: { Policy } }))).QueueUrl!;
  await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: "sqs", Endpoint: queueArn }));
});

async function mail(to: string): Promise<void> {
  await new SESClient({}).send(
    new SendEmailCommand({ Source: SENDER, Destination: { ToAddresses: [to] }, Message: { Subject: { Data: "Hello" }, Body: { Text: { Data: "Hi" } } } }),
  );
  await sb.clock.advance(1_000);
}

async function queued(): Promise<number> {
  const { Attributes = {} } = await new SQSClient({}).send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"] }),
  );
  return Number(Attributes["ApproximateNumberOfMessages"]) + Number(Attributes["ApproximateNumberOfMessagesNotVisible"]);
}

/** Where SES's feedback went instead of the topic (email feedback forwarding), if it did. */
function forwarded(): string {
  const mails = sb.world.mailbox(SENDER).map((entry) => `"${entry.subject}"`);
  return mails.length === 0 ? "" : ` SES mailed ${mails.join(" and ")} to ${SENDER} instead: no topic is set for that kind of feedback.`;
}


describe("bounces and complaints", () => {
  it("routes the bounce and the complaint of a mail to the feedback topic, and so to its queue", async () => {
    await routeFeedback("shop.example", topicArn);
    await mail("cy@example.com");
    await mail("dee@example.com");
    expect(await queued(), `cy@example.com bounced and dee@example.com complained, so the queue should hold 2 notifications.${forwarded()}`).toBe(2);
  });

  it("stops mailing an address that bounced for good or complained, and empties the queue", async () => {
    await routeFeedback("shop.example", topicArn);
    await mail("cy@example.com");
    await mail("dee@example.com");
    await mail("ana@example.com");
    await processFeedback(queueUrl);
    expect(
      Object.fromEntries(customers.byEmail),
      `cy@example.com bounced (Permanent) and dee@example.com complained; ana@example.com got her mail. The mailing list says: ${JSON.stringify(Object.fromEntries(customers.byEmail))}`,
    ).toEqual({
      "ana@example.com": "subscribed",
      "cy@example.com": "bounced",
      "dee@example.com": "complained",
    });
    expect(await queued(), "every handled notification should be deleted from the queue, or it comes back after the visibility timeout").toBe(0);
  });

  it("the newsletter skips addresses on the account suppression list: SES would accept and drop them, and bill you", async () => {
    customers.reset({ "ana@example.com": "subscribed", "old@example.com": "subscribed", "cy@example.com": "bounced" });
    await new SESv2Client({}).send(new PutSuppressedDestinationCommand({ EmailAddress: "old@example.com", Reason: "BOUNCE" }));
    await sendNewsletter();
    const accepted = sb.trace.events.filter((event) => event.service === "ses" && event.kind === "suppressed").map((event) => event.resource);
    expect(accepted, `SES accepted a newsletter for ${accepted.join(", ")}, on the account suppression list: it dropped it, but the send counts toward your quota and bill`).toEqual([]);
    expect(sb.world.mailbox("ana@example.com").length, "ana@example.com is subscribed and should get the newsletter").toBe(1);
  });
});
