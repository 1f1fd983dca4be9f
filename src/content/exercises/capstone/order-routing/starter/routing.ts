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

/**
 * Fan the orders topic out to three queues, each getting only its orders:
 * - "orders-express":      delivery "express" and total below FRAUD_REVIEW_FROM
 * - "orders-standard":     delivery "standard" and total below FRAUD_REVIEW_FROM
 * - "orders-fraud-review": total of FRAUD_REVIEW_FROM or more, whatever the delivery
 *
 * For each queue:
 * 1. create it;
 * 2. give it a queue policy that lets SNS (sns.amazonaws.com) SendMessage
 *    to it, for this topic only (aws:SourceArn): without it SNS cannot deliver;
 * 3. subscribe it to the topic with RawMessageDelivery "true" (the body is
 *    then the order JSON itself) and a FilterPolicy on the message
 *    attributes delivery and total.
 */
export async function createOrderQueues(topicArn: string): Promise<OrderQueues> {
  const express = await createQueue("orders-express");
  const standard = await createQueue("orders-standard");
  const fraudReview = await createQueue("orders-fraud-review");
  // TODO: queue policies and filtered subscriptions.
  return { express, standard, fraudReview };
}

async function createQueue(name: string): Promise<string> {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name }));
  return QueueUrl!;
}
