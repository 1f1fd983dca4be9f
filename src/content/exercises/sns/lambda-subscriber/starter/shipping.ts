import { SNSClient, SubscribeCommand } from "@aws-sdk/client-sns";
import { LambdaClient, GetFunctionCommand } from "@aws-sdk/client-lambda";
import { warehouse } from "./warehouse";

const sns = new SNSClient({});
const lambda = new LambdaClient({});

/** The event SNS invokes a function with (the fields used here). */
export interface SnsEvent {
  Records: {
    EventSource: string;
    Sns: {
      MessageId: string;
      TopicArn: string;
      Subject: string | null;
      Message: string;
      MessageAttributes: Record<string, { Type: string; Value: string }>;
    };
  }[];
}

/** Lets the topic invoke the function `functionName`, and subscribes the function to it. */
export async function subscribeFunction(topicArn: string, functionName: string): Promise<void> {
  // TODO 1: allow sns.amazonaws.com to invoke the function from this
  //   topic (AddPermissionCommand), find the function's ARN
  //   (GetFunctionCommand) and subscribe it with the "lambda" protocol.
}

/**
 * Handler "shipping.handler": books one shipment per order, with
 * the order's id and its "priority" message attribute ("normal"
 * when the attribute is missing).
 */
export async function handler(event: any): Promise<void> {
  for (const record of event.Records) {
    try {
      // TODO 2: this reads an SQS event. Read the SNS record instead.
      const order = JSON.parse(record.body);
      await warehouse.book({ orderId: order.orderId, priority: "normal" });
    } catch (error) {
      // TODO 3: logging is not handling: Lambda only retries when
      //   the handler fails.
      console.error("could not book shipment", error);
    }
  }
}
