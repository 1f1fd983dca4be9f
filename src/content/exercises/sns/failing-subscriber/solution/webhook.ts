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
  messageId: string;
  topicArn: string;
  message: string;
}

export async function queueArn(queueUrl: string): Promise<string> {
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ["QueueArn"] }),
  );
  return Attributes.QueueArn!;
}

export async function subscribeWebhook(topicArn: string, url: string, dlqUrl: string): Promise<void> {
  const dlqArn = await queueArn(dlqUrl);
  // Without this, SNS cannot move a failed message into the DLQ and
  // the message is lost.
  await sqs.send(
    new SetQueueAttributesCommand({
      QueueUrl: dlqUrl,
      Attributes: {
        Policy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [{
            Effect: "Allow",
            Principal: { Service: "sns.amazonaws.com" },
            Action: "sqs:SendMessage",
            Resource: dlqArn,
            Condition: { ArnEquals: { "aws:SourceArn": topicArn } },
          }],
        }),
      },
    }),
  );
  await sns.send(
    new SubscribeCommand({
      TopicArn: topicArn,
      Protocol: "https",
      Endpoint: url,
      Attributes: {
        DeliveryPolicy: JSON.stringify({
          healthyRetryPolicy: {
            numRetries: 4,
            minDelayTarget: 5,
            maxDelayTarget: 40,
            backoffFunction: "exponential",
          },
        }),
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn }),
      },
    }),
  );
}

export async function inspectDeadLetters(dlqUrl: string): Promise<DeadLetter[]> {
  const { Messages = [] } = await sqs.send(
    new ReceiveMessageCommand({ QueueUrl: dlqUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 0 }),
  );
  return Messages.map((message) => {
    const envelope = JSON.parse(message.Body!);
    return { messageId: envelope.MessageId, topicArn: envelope.TopicArn, message: envelope.Message };
  });
}
