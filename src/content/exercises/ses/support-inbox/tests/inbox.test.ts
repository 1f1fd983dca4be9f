import { beforeEach, describe, expect, it } from "vitest";
import { createSandbox } from "sandbox-engine";
import { CreateTopicCommand, SNSClient, SubscribeCommand } from "@aws-sdk/client-sns";
import { CreateQueueCommand, ReceiveMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import { ARCHIVE_BUCKET, setUpInbox } from "./inbox";
import { handler, tickets } from "./tickets";

let sb: ReturnType<typeof createSandbox>;
let billingQueueUrl: string;

beforeEach(async () => {
  sb = createSandbox({ seed: 6 });
  tickets.length = 0;
  const fn = sb.lambda.createFunction({ FunctionName: "open-ticket", Handler: "tickets.handler", handler: handler as never });
  const sns = new SNSClient({});
  const sqs = new SQSClient({});
  const topicArn = (await sns.send(new CreateTopicCommand({ Name: "billing-mail" }))).TopicArn!;
  const queueArn = `arn:aws:sqs:us-east-1:${sb.accountId}:billing-mail`;
  const Policy = JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: "sns.amazonaws.com" }, Action: "sqs:SendMessage", Resource: queueArn, Condition: { ArnEquals: { "aws:SourceArn": topicArn } } }],
  });
  billingQueueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: "billing-mail", Attributes: { Policy } }))).QueueUrl!;
  await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: "sqs", Endpoint: queueArn, Attributes: { RawMessageDelivery: "true" } }));
  await setUpInbox(fn.FunctionArn!, topicArn);
});

type Received = Awaited<ReturnType<typeof sb.ses.receiveEmail>>;

/** What SES did with a mail, in words. */
function story(to: string, result: Received): string {
  if (!result.accepted) return `the mail to ${to} matched no rule, so SES rejected it with ${result.smtp.code} ${result.smtp.enhancedCode}`;
  const actions = result.actions.map((action) => `${action.rule}: ${action.type} ${action.outcome}${action.detail ? ` (${action.detail})` : ""}`);
  return `SES accepted the mail to ${to}; rules in order: ${result.matchedRules.join(", ")}; actions: ${actions.join("; ") || "none"}`;
}

async function mail(to: string, subject: string): Promise<Received> {
  const result = await sb.ses.receiveEmail({ from: "ana@example.com", to, subject, text: `About: ${subject}` });
  await sb.clock.advance(1_000);
  return result;
}

describe("support inbox", () => {
  it("mail to support@shop.example opens one ticket through the function", async () => {
    const result = await mail("support@shop.example", "My parcel is late");
    expect(result.accepted, story("support@shop.example", result)).toBe(true);
    expect(tickets, `the ticket function should have opened one ticket: ${story("support@shop.example", result)}`).toEqual([
      { from: "ana@example.com", subject: "My parcel is late" },
    ]);
  });

  it("mail to billing@shop.example reaches the billing topic with its content", async () => {
    const result = await mail("billing@shop.example", "Invoice 17 is wrong");
    expect(result.accepted, story("billing@shop.example", result)).toBe(true);
    const { Messages = [] } = await new SQSClient({}).send(new ReceiveMessageCommand({ QueueUrl: billingQueueUrl, MaxNumberOfMessages: 10 }));
    expect(Messages.length, `the billing topic should get one notification: ${story("billing@shop.example", result)}`).toBe(1);
    const notification = JSON.parse(Messages[0]!.Body!);
    expect(notification.notificationType, "SES publishes a Received notification").toBe("Received");
    expect(notification.content, "the SNS action carries the whole mail (UTF-8) as content").toContain("About: Invoice 17 is wrong");
    expect(tickets, "mail to billing@ must not open a ticket").toEqual([]);
  });

  it("every mail to the domain is archived first, then routed; mail for another domain is rejected", async () => {
    const support = await mail("support@shop.example", "Hello");
    expect(support.matchedRules, `the archive rule should run before the routing rule: ${story("support@shop.example", support)}`).toEqual(["archive", "tickets"]);
    const sales = await mail("sales@shop.example", "Big order");
    expect(sales.matchedRules, `mail to any other shop.example address is only archived: ${story("sales@shop.example", sales)}`).toEqual(["archive"]);
    expect(sb.world.bucket(ARCHIVE_BUCKET).keys(), `both mails should be stored in ${ARCHIVE_BUCKET}, keyed by message id`).toEqual([support.messageId, sales.messageId]);
    const other = await mail("jobs@other.example", "CV");
    expect(other.accepted, `other.example is not the shop's domain: ${story("jobs@other.example", other)}`).toBe(false);
  });
});
