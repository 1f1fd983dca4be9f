import { createSandbox, type Sandbox, type SandboxOptions } from "sandbox-engine";
import { CreateTopicCommand, SNSClient, SubscribeCommand } from "sandbox-engine/aws/client-sns";
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from "sandbox-engine/aws/client-sqs";

export interface SnsFixture {
  sb: Sandbox;
  sns: SNSClient;
  sqs: SQSClient;
  topicArn: string;
}

/** A fresh sandbox with one topic ("orders", or FIFO when the name ends in .fifo). */
export async function givenTopic(name = "orders", attributes: Record<string, string> = {}, options?: SandboxOptions): Promise<SnsFixture> {
  const sb = createSandbox(options);
  const sns = new SNSClient({ sandbox: sb });
  const sqs = new SQSClient({ sandbox: sb });
  const fifo: Record<string, string> = name.endsWith(".fifo") ? { FifoTopic: "true" } : {};
  const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: name, Attributes: { ...fifo, ...attributes } }));
  return { sb, sns, sqs, topicArn: TopicArn! };
}

/** The queue policy that lets `topicArn` deliver (the documented one). */
export function allowTopic(queueArn: string, topicArn: string): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Service: "sns.amazonaws.com" },
        Action: "sqs:SendMessage",
        Resource: queueArn,
        Condition: { ArnEquals: { "aws:SourceArn": topicArn } },
      },
    ],
  });
}

/** A queue, with a policy letting the fixture's topic deliver unless `policy` is false or a string. */
export async function givenQueue(
  f: SnsFixture,
  name: string,
  policy: boolean | string = true,
  extra: Record<string, string> = {},
): Promise<{ url: string; arn: string }> {
  const arn = `arn:aws:sqs:${f.sb.region}:${f.sb.accountId}:${name}`;
  const attributes: Record<string, string> = { ...extra };
  if (name.endsWith(".fifo")) attributes["FifoQueue"] = "true";
  if (policy === true) attributes["Policy"] = allowTopic(arn, f.topicArn);
  else if (typeof policy === "string") attributes["Policy"] = policy;
  const { QueueUrl } = await f.sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
  return { url: QueueUrl!, arn };
}

export async function subscribeQueue(f: SnsFixture, queueArn: string, attributes?: Record<string, string>): Promise<string> {
  const { SubscriptionArn } = await f.sns.send(new SubscribeCommand({ TopicArn: f.topicArn, Protocol: "sqs", Endpoint: queueArn, Attributes: attributes }));
  return SubscriptionArn!;
}

export async function bodies(f: SnsFixture, url: string): Promise<string[]> {
  const out: string[] = [];
  for (;;) {
    const { Messages = [] } = await f.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, MessageAttributeNames: ["All"] }));
    if (Messages.length === 0) return out;
    out.push(...Messages.map((m) => m.Body!));
  }
}

export async function depth(f: SnsFixture, url: string): Promise<number> {
  const { Attributes } = await f.sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ["ApproximateNumberOfMessages"] }));
  return Number(Attributes!.ApproximateNumberOfMessages);
}

export async function errorOf(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error("expected the request to fail, but it succeeded");
}
