import { SNSClient, PublishCommand, type MessageAttributeValue } from "@aws-sdk/client-sns";
import { subscribeQueue } from "./queues";

const sns = new SNSClient({});

export interface Order {
  orderId: string;
  shipping: "express" | "standard";
  total: number;
  items: { sku: string; category: string }[];
}

export function orderAttributes(order: Order): Record<string, MessageAttributeValue> {
  return {
    shipping: { DataType: "String", StringValue: order.shipping },
    // Number, so numeric filters can compare it.
    total: { DataType: "Number", StringValue: String(order.total) },
  };
}

export async function publishOrder(topicArn: string, order: Order): Promise<void> {
  await sns.send(
    new PublishCommand({
      TopicArn: topicArn,
      Message: JSON.stringify(order),
      MessageAttributes: orderAttributes(order),
    }),
  );
}

export async function subscribeRoutes(
  topicArn: string,
  queues: { express: string; fraudReview: string; fragile: string },
): Promise<void> {
  await subscribeQueue(topicArn, queues.express, {
    FilterPolicy: JSON.stringify({ shipping: ["express"] }),
  });
  await subscribeQueue(topicArn, queues.fraudReview, {
    FilterPolicy: JSON.stringify({ total: [{ numeric: [">=", 1000] }] }),
  });
  // Filters on the JSON body: SNS walks the items array and matches
  // when any item's category is listed.
  await subscribeQueue(topicArn, queues.fragile, {
    FilterPolicyScope: "MessageBody",
    FilterPolicy: JSON.stringify({ items: { category: ["glass", "ceramics"] } }),
  });
}
