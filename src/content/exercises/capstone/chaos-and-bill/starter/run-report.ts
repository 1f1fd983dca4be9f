import { sandboxBill, type Sandbox } from "sandbox-engine";
import { GetQueueAttributesCommand, SQSClient } from "@aws-sdk/client-sqs";
import { FULFIL_FUNCTION } from "./consumers";
import type { ShopStack } from "./shop-stack";

const sqs = new SQSClient({});

/** What the run tells you, as numbers. */
export interface RunReport {
  /**
   * What 1,000 accepted orders cost: the run's bill, every service of
   * the sandbox at AWS list prices (sandboxBill(sb).totalUsd; each
   * service's own is sb.lambda.bill(), sb.sqs.bill(), ...), divided by
   * the accepted orders, times 1,000.
   */
  costPer1000OrdersUsd: number;
  /**
   * Messages waiting in ALL the dead-letter queues after the run: the
   * three order queues' (stack.deadLetters) and the mail queue's
   * (stack.mail.deadLetters). Ask SQS: GetQueueAttributesCommand,
   * attribute ApproximateNumberOfMessages.
   */
  deadLetterDepth: number;
  /** fulfil-order's failed invocations, from its metrics: sb.lambda.metrics(FULFIL_FUNCTION).Errors. */
  fulfilErrors: number;
}

export async function runReport(sb: Sandbox, stack: ShopStack, acceptedOrders: number): Promise<RunReport> {
  // TODO: read the bill, the dead-letter queues and the metrics.
  return { costPer1000OrdersUsd: 0, deadLetterDepth: 0, fulfilErrors: 0 };
}
