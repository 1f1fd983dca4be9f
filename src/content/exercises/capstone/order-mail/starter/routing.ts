import { SubscribeCommand, SNSClient } from "@aws-sdk/client-sns";
import { CreateQueueCommand, GetQueueAttributesCommand, SetQueueAttributesCommand, SQSClient } from "@aws-sdk/client-sqs";
import { FRAUD_REVIEW_FROM } from "./shop";

const sns = new SNSClient({});
const sqs = new SQSClient({});

/** Queue URLs, one queue per kind of work. */
export interface OrderQueues {
  express: string;
  standard: string;
  fraudReview: string;
}

/** Fans the orders topic out to three filtered queues (express, standard, fraud review). */
export async function createOrderQueues(topicArn: string): Promise<OrderQueues> {
  const belowReview = [{ numeric: ["<", FRAUD_REVIEW_FROM] }];
  return {
    express: await subscribedQueue(topicArn, "orders-express", { delivery: ["express"], total: belowReview }),
    standard: await subscribedQueue(topicArn, "orders-standard", { delivery: ["standard"], total: belowReview }),
    fraudReview: await subscribedQueue(topicArn, "orders-fraud-review", { total: [{ numeric: [">=", FRAUD_REVIEW_FROM] }] }),
  };
}

/** Creates a queue that the topic may deliver to, subscribed raw with a filter policy ({} = every message). */
export async function subscribedQueue(topicArn: string, name: string, filterPolicy: object): Promise<string> {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name }));
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ["QueueArn"] }));
  const queueArn = Attributes!.QueueArn!;
  // The queue decides who may send to it: SNS, for this topic only.
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
  await sns.send(
    new SubscribeCommand({
      TopicArn: topicArn,
      Protocol: "sqs",
      Endpoint: queueArn,
      Attributes: { RawMessageDelivery: "true", ...(Object.keys(filterPolicy).length > 0 ? { FilterPolicy: JSON.stringify(filterPolicy) } : {}) },
    }),
  );
  return QueueUrl!;
}
