import type { Sandbox } from "sandbox-engine";
import { CreateEventSourceMappingCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { CreateQueueCommand, GetQueueAttributesCommand, SetQueueAttributesCommand, SQSClient } from "@aws-sdk/client-sqs";
import { handler as fulfilOrder } from "./fulfil-order";
import type { OrderQueues } from "./routing";

const lambda = new LambdaClient({});
const sqs = new SQSClient({});

export const FULFIL_FUNCTION = "fulfil-order";
/** A message that failed this many receives moves to its dead-letter queue. */
export const MAX_RECEIVES = 3;

/**
 * Deploys the consumer and wires each order queue to it. For each of
 * the three queues:
 * 1. create a dead-letter queue named after it: "<queue name>-dlq";
 * 2. give the queue a RedrivePolicy: { deadLetterTargetArn, maxReceiveCount: MAX_RECEIVES };
 * 3. create an event source mapping from the queue to FULFIL_FUNCTION,
 *    BatchSize 10, FunctionResponseTypes ["ReportBatchItemFailures"].
 * Returns the dead-letter queues' URLs.
 */
export async function deployConsumers(sb: Sandbox, queues: OrderQueues): Promise<OrderQueues> {
  sb.lambda.createFunction({ FunctionName: FULFIL_FUNCTION, handler: fulfilOrder as never, Timeout: 10 });
  // TODO: dead-letter queues, redrive policies, event source mappings.
  return { express: "", standard: "", fraudReview: "" };
}
