import { beforeEach, describe, expect, it } from "vitest";
import { createSandbox } from "sandbox-engine";
import {
  CreateTopicCommand,
  GetTopicAttributesCommand,
  PublishCommand,
  SNSClient,
  SubscribeCommand,
} from "@aws-sdk/client-sns";
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from "@aws-sdk/client-sqs";
import { lockTopic } from "./policy";

// The topic lives in account 123456789012 (the sandbox's). The checkout service runs in a partner account.
const checkout = "arn:aws:iam::111122223333:role/checkout";
let sb: ReturnType<typeof createSandbox>;
let topicArn: string;

beforeEach(async () => {
  sb = createSandbox({ seed: 2 });
  topicArn = (await new SNSClient({}).send(new CreateTopicCommand({ Name: "payments" }))).TopicArn!;
  await lockTopic(topicArn, checkout);
});

/** Publishes as `caller`; "published" or the error's name and message. */
async function publishAs(caller: string): Promise<string> {
  try {
    await new SNSClient({ caller }).send(new PublishCommand({ TopicArn: topicArn, Message: '{"paymentId":"p-1"}' }));
    return "published";
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
}

describe("a topic policy with one publisher", () => {
  it("the checkout role of the partner account can publish", async () => {
    const result = await publishAs(checkout);
    expect(
      result,
      "the checkout role was refused. A principal from another account needs an Allow in the topic policy: " +
        "Principal { AWS: <the role's ARN> }, Action SNS:Publish",
    ).toBe("published");
  });

  it("a principal of an unrelated account is refused", async () => {
    const result = await publishAs("arn:aws:iam::444455556666:user/mallory");
    expect(result, "mallory, from an account the policy does not mention, could publish").toMatch(/^AuthorizationErrorException/);
  });

  it("another role in the partner account is refused", async () => {
    const result = await publishAs("arn:aws:iam::111122223333:role/analytics");
    expect(
      result,
      "the analytics role of the partner account could publish: name the checkout role's ARN as the principal, not " +
        "the account (an account id lets in every principal of that account)",
    ).toMatch(/^AuthorizationErrorException/);
  });

  it("a user in the topic's own account is refused too", async () => {
    const result = await publishAs("arn:aws:iam::123456789012:user/intern");
    expect(
      result,
      "the intern, in the topic's own account, could publish: an identity of the owner account is allowed by its own " +
        "IAM policies unless the topic policy explicitly denies it. Add a Deny of SNS:Publish for every principal " +
        "except the checkout role",
    ).toMatch(/^AuthorizationErrorException/);
  });

  it("the owner can still read the policy and subscribe a queue", async () => {
    const owner = new SNSClient({});
    let result = "ok";
    try {
      await owner.send(new GetTopicAttributesCommand({ TopicArn: topicArn }));
      const sqs = new SQSClient({});
      const queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: "ledger" }))).QueueUrl!;
      const { Attributes = {} } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ["QueueArn"] }));
      await owner.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: "sqs", Endpoint: Attributes.QueueArn! }));
    } catch (error) {
      result = `${(error as Error).name}: ${(error as Error).message}`;
    }
    expect(result, "the owner lost control of the topic: deny only SNS:Publish, and keep the owner's Allow for the rest").toBe("ok");
  });
});
