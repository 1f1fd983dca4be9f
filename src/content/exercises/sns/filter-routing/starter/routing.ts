import { SNSClient, PublishCommand, type MessageAttributeValue } from "@aws-sdk/client-sns";
import { subscribeQueue } from "./queues";

const sns = new SNSClient({});

export interface Order {
  orderId: string;
  shipping: "express" | "standard";
  total: number;
  items: { sku: string; category: string }[];
}

/** The message attributes attribute-based filters can match. */
export function orderAttributes(order: Order): Record<string, MessageAttributeValue> {
  // TODO 1: a String attribute "shipping" and a Number attribute
  //   "total" (StringValue is always a string, also for numbers).
  return {};
}

/** Publishes the order as JSON, with its attributes. */
export async function publishOrder(topicArn: string, order: Order): Promise<void> {
  await sns.send(
    new PublishCommand({
      TopicArn: topicArn,
      Message: JSON.stringify(order),
      MessageAttributes: orderAttributes(order),
    }),
  );
}

/**
 * Subscribes the three queues, each with a filter policy:
 * - express: orders with express shipping;
 * - fraudReview: orders with a total of 1,000 or more;
 * - fragile: orders with at least one item in category "glass" or
 *   "ceramics" (filter on the message body).
 */
export async function subscribeRoutes(
  topicArn: string,
  queues: { express: string; fraudReview: string; fragile: string },
): Promise<void> {
  // TODO 2: give each subscription a FilterPolicy (a JSON string).
  // TODO 3: the fragile route filters on the body:
  //   FilterPolicyScope "MessageBody".
  await subscribeQueue(topicArn, queues.express);
  await subscribeQueue(topicArn, queues.fraudReview);
  await subscribeQueue(topicArn, queues.fragile);
}
