import { SNSClient, SubscribeCommand } from "@aws-sdk/client-sns";
import {
  SQSClient,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SetQueueAttributesCommand,
} from "@aws-sdk/client-sqs";

const sns = new SNSClient({});
const sqs = new SQSClient({});

export interface DeadLetter {
  /** The SNS MessageId of the notification that could not be delivered. */
  messageId: string;
  /** The topic it was published to. */
  topicArn: string;
  /** What the publisher sent. */
  message: string;
}

export async function queueArn(queueUrl: string): Promise<string> {
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ["QueueArn"] }),
  );
  return Attributes.QueueArn!;
}

/**
 * Subscribes the partner's HTTPS endpoint. A failed delivery is
 * retried 4 times, backing off exponentially from 5 s to 40 s; a
 * message that still fails goes to the queue at `dlqUrl`.
 */
export async function subscribeWebhook(topicArn: string, url: string, dlqUrl: string): Promise<void> {
  // TODO 1: SNS writes to the DLQ like to any queue: give the DLQ a
  //   policy that lets sns.amazonaws.com SendMessage from this topic.
  await sns.send(
    new SubscribeCommand({
      TopicArn: topicArn,
      Protocol: "https",
      Endpoint: url,
      Attributes: {
        // TODO 2: DeliveryPolicy with a healthyRetryPolicy.
        // TODO 3: RedrivePolicy naming the DLQ's ARN.
      },
    }),
  );
}

/** Up to 10 dead letters, without hiding them from the next look. */
export async function inspectDeadLetters(dlqUrl: string): Promise<DeadLetter[]> {
  // TODO 4: receive (VisibilityTimeout 0) and read each body, SNS's
  //   JSON envelope.
  return [];
}
