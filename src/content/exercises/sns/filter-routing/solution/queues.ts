// Subscribes a queue to a topic, with the queue policy SNS needs
// (see the fan-out lesson). Read-only: use it from routing.ts.
import { SNSClient, SubscribeCommand } from "@aws-sdk/client-sns";
import { SQSClient, GetQueueAttributesCommand, SetQueueAttributesCommand } from "@aws-sdk/client-sqs";

const sns = new SNSClient({});
const sqs = new SQSClient({});

/** `attributes`: subscription attributes, e.g. { FilterPolicy: "..." }. */
export async function subscribeQueue(
  topicArn: string,
  queueUrl: string,
  attributes?: Record<string, string>,
): Promise<string> {
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ["QueueArn"] }),
  );
  const queueArn = Attributes.QueueArn!;
  await sqs.send(
    new SetQueueAttributesCommand({
      QueueUrl: queueUrl,
      Attributes: {
        Policy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [{
            Effect: "Allow",
            Principal: { Service: "sns.amazonaws.com" },
            Action: "sqs:SendMessage",
            Resource: queueArn,
            Condition: { ArnEquals: { "aws:SourceArn": topicArn } },
          }],
        }),
      },
    }),
  );
  const { SubscriptionArn } = await sns.send(
    new SubscribeCommand({ TopicArn: topicArn, Protocol: "sqs", Endpoint: queueArn, Attributes: attributes }),
  );
  return SubscriptionArn!;
}
