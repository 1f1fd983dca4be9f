import {
  SNSClient,
  PublishCommand,
  SubscribeCommand,
} from "@aws-sdk/client-sns";
import {
  SQSClient,
  GetQueueAttributesCommand,
  SetQueueAttributesCommand,
} from "@aws-sdk/client-sqs";

const sns = new SNSClient({});
const sqs = new SQSClient({});

export interface OrderEvent {
  orderId: string;
  customerId: string;
  status: "placed" | "paid" | "shipped";
  total: number;
}

export async function queueArn(queueUrl: string): Promise<string> {
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ["QueueArn"] }),
  );
  return Attributes.QueueArn!;
}

export async function subscribeQueue(
  topicArn: string,
  queueUrl: string,
  options: { raw?: boolean } = {},
): Promise<string> {
  const arn = await queueArn(queueUrl);
  // Only this topic may send: without the condition, any topic in
  // any account could fill the queue.
  const policy = {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "AllowTopic",
        Effect: "Allow",
        Principal: { Service: "sns.amazonaws.com" },
        Action: "sqs:SendMessage",
        Resource: arn,
        Condition: { ArnEquals: { "aws:SourceArn": topicArn } },
      },
    ],
  };
  await sqs.send(
    new SetQueueAttributesCommand({
      QueueUrl: queueUrl,
      Attributes: { Policy: JSON.stringify(policy) },
    }),
  );
  const { SubscriptionArn } = await sns.send(
    new SubscribeCommand({
      TopicArn: topicArn,
      Protocol: "sqs",
      Endpoint: arn,
      Attributes: options.raw ? { RawMessageDelivery: "true" } : undefined,
    }),
  );
  return SubscriptionArn!;
}

export async function wireOrderFanOut(
  topicArn: string,
  queues: { billing: string; shipping: string; email: string },
): Promise<void> {
  await subscribeQueue(topicArn, queues.billing);
  await subscribeQueue(topicArn, queues.shipping);
  await subscribeQueue(topicArn, queues.email, { raw: true });
}

export async function publishOrder(topicArn: string, event: OrderEvent): Promise<string> {
  const fifo = topicArn.endsWith(".fifo");
  const { MessageId } = await sns.send(
    new PublishCommand({
      TopicArn: topicArn,
      Message: JSON.stringify(event),
      // One group per customer: their events stay in order, other
      // customers' events are not held up behind them.
      MessageGroupId: fifo ? event.customerId : undefined,
      // The same event published twice (a retry) has the same id,
      // so SNS delivers it once.
      MessageDeduplicationId: fifo ? `${event.orderId}:${event.status}` : undefined,
    }),
  );
  return MessageId!;
}
