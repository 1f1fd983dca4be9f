// Provided: what the tests use to look into the simulated cloud. A
// client that POSTs orders, and queues that show what a topic published.
import type { Sandbox } from "sandbox-engine";
import { SubscribeCommand, SNSClient } from "@aws-sdk/client-sns";
import {
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SetQueueAttributesCommand,
  SQSClient,
} from "@aws-sdk/client-sqs";

const sqs = new SQSClient({});

/** POSTs JSON (or a raw string) to the API, as the shop's web client does. */
export async function postOrder(sb: Sandbox, url: string, order: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await sb.apigateway.fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof order === "string" ? order : JSON.stringify(order),
  });
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = { text };
  }
  return { status: response.status, body };
}

export async function queueArnOf(queueUrl: string): Promise<string> {
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ["QueueArn"] }));
  return Attributes!.QueueArn!;
}

/** A queue that receives every message of the topic, raw: a window onto what was published. */
export async function auditQueue(topicArn: string, name = "audit"): Promise<string> {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name }));
  const queueArn = await queueArnOf(QueueUrl!);
  const policy = {
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
  };
  await sqs.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { Policy: JSON.stringify(policy) } }));
  await new SNSClient({}).send(
    new SubscribeCommand({ TopicArn: topicArn, Protocol: "sqs", Endpoint: queueArn, Attributes: { RawMessageDelivery: "true" } }),
  );
  return QueueUrl!;
}

/** Every message waiting in a queue (received and deleted), oldest first. */
export async function drain(queueUrl: string): Promise<{ body: string; attributes: Record<string, string> }[]> {
  const messages: { body: string; attributes: Record<string, string> }[] = [];
  for (;;) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, MessageAttributeNames: ["All"] }),
    );
    if (Messages.length === 0) return messages;
    for (const message of Messages) {
      const attributes = Object.fromEntries(Object.entries(message.MessageAttributes ?? {}).map(([name, value]) => [name, `${value.DataType}:${value.StringValue}`]));
      messages.push({ body: message.Body!, attributes });
      await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle! }));
    }
  }
}

/** How many messages a queue holds (visible and in flight). */
export async function depthOf(queueUrl: string): Promise<number> {
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"] }),
  );
  return Number(Attributes.ApproximateNumberOfMessages) + Number(Attributes.ApproximateNumberOfMessagesNotVisible);
}
