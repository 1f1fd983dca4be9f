import { sandboxBill, type Sandbox } from "sandbox-engine";
import { GetQueueAttributesCommand, SQSClient } from "@aws-sdk/client-sqs";
import { FULFIL_FUNCTION } from "./consumers";
import type { ShopStack } from "./shop-stack";

const sqs = new SQSClient({});

/** What the run tells you, as numbers. */
export interface RunReport {
  costPer1000OrdersUsd: number;
  deadLetterDepth: number;
  fulfilErrors: number;
}

export async function runReport(sb: Sandbox, stack: ShopStack, acceptedOrders: number): Promise<RunReport> {
  const billUsd = sandboxBill(sb).totalUsd; // API Gateway, Lambda, SNS, SQS and SES, at list prices
  const deadLetterQueues = [stack.deadLetters.express, stack.deadLetters.standard, stack.deadLetters.fraudReview, stack.mail.deadLetters];
  let deadLetterDepth = 0;
  for (const queueUrl of deadLetterQueues) {
    const { Attributes = {} } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ["ApproximateNumberOfMessages"] }));
    deadLetterDepth += Number(Attributes.ApproximateNumberOfMessages);
  }
  return {
    costPer1000OrdersUsd: (billUsd / acceptedOrders) * 1000,
    deadLetterDepth,
    fulfilErrors: sb.lambda.metrics(FULFIL_FUNCTION).Errors,
  };
}
