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

/** A queue's ARN: subscriptions and policies name queues by ARN, not URL. */
export async function queueArn(queueUrl: string): Promise<string> {
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ["QueueArn"] }),
  );
  return Attributes.QueueArn!;
}

/**
 * Subscribes the queue at `queueUrl` to the topic. With `raw`, the
 * queue receives the message itself instead of SNS's JSON envelope.
 * Returns the subscription ARN.
 */
export async function subscribeQueue(
  topicArn: string,
  queueUrl: string,
  options: { raw?: boolean } = {},
): Promise<string> {
  const arn = await queueArn(queueUrl);
  // TODO 1: a queue accepts messages from SNS only if its access
  //   policy allows it. Set the queue's Policy attribute: allow the
  //   service principal sns.amazonaws.com to sqs:SendMessage to this
  //   queue, only when aws:SourceArn is this topic.
  const { SubscriptionArn } = await sns.send(
    new SubscribeCommand({
      TopicArn: topicArn,
      Protocol: "sqs",
      Endpoint: arn,
      // TODO 2: RawMessageDelivery when options.raw is set.
    }),
  );
  return SubscriptionArn!;
}

/** Billing and shipping read the SNS envelope; the email service wants the raw order. */
export async function wireOrderFanOut(
  topicArn: string,
  queues: { billing: string; shipping: string; email: string },
): Promise<void> {
  await subscribeQueue(topicArn, queues.billing);
  await subscribeQueue(topicArn, queues.shipping);
  await subscribeQueue(topicArn, queues.email, { raw: true });
}

/** Publishes one order event as JSON. Returns the MessageId. */
export async function publishOrder(topicArn: string, event: OrderEvent): Promise<string> {
  // TODO 3: on a FIFO topic (its ARN ends in ".fifo"), add a
  //   MessageGroupId (events of one customer stay in order) and a
  //   MessageDeduplicationId that is the same when the same event
  //   is published twice.
  const { MessageId } = await sns.send(
    new PublishCommand({
      TopicArn: topicArn,
      Message: JSON.stringify(event),
    }),
  );
  return MessageId!;
}
