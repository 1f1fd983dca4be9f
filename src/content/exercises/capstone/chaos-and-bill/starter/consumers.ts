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

/** Deploys the consumer, gives each order queue a dead-letter queue, and maps each queue to the consumer. */
export async function deployConsumers(sb: Sandbox, queues: OrderQueues): Promise<OrderQueues> {
  sb.lambda.createFunction({ FunctionName: FULFIL_FUNCTION, handler: fulfilOrder as never, Timeout: 10 });
  return {
    express: await consume(queues.express),
    standard: await consume(queues.standard),
    fraudReview: await consume(queues.fraudReview),
  };
}

/** Wires one queue to a function: its DLQ and redrive policy, then the mapping. Returns the DLQ's URL. */
export async function consume(queueUrl: string, functionName = FULFIL_FUNCTION): Promise<string> {
  const name = queueUrl.slice(queueUrl.lastIndexOf("/") + 1);
  const { QueueUrl: deadLetterUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `${name}-dlq` }));
  const redrive = { deadLetterTargetArn: await arnOf(deadLetterUrl!), maxReceiveCount: MAX_RECEIVES };
  await sqs.send(new SetQueueAttributesCommand({ QueueUrl: queueUrl, Attributes: { RedrivePolicy: JSON.stringify(redrive) } }));
  await lambda.send(
    new CreateEventSourceMappingCommand({
      EventSourceArn: await arnOf(queueUrl),
      FunctionName: functionName,
      BatchSize: 10,
      FunctionResponseTypes: ["ReportBatchItemFailures"],
    }),
  );
  return deadLetterUrl!;
}

async function arnOf(queueUrl: string): Promise<string> {
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ["QueueArn"] }));
  return Attributes!.QueueArn!;
}
