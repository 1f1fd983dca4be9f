import { LambdaClient, CreateEventSourceMappingCommand } from "@aws-sdk/client-lambda";
import { payments, type Order } from "./payments";

const lambda = new LambdaClient({});

/** The event Lambda passes for a batch of SQS messages (as in @types/aws-lambda). */
export interface SQSEvent {
  Records: { messageId: string; receiptHandle: string; body: string; eventSourceARN: string }[];
}

/** The partial batch response Lambda reads with ReportBatchItemFailures. */
export interface SQSBatchResponse {
  batchItemFailures: { itemIdentifier: string }[];
}

/**
 * Creates the event source mapping that lets Lambda poll the
 * queue and invoke the function with batches of up to 10
 * messages. Returns the mapping's UUID.
 */
export async function connectQueue(queueArn: string, functionName: string): Promise<string> {
  const mapping = await lambda.send(
    new CreateEventSourceMappingCommand({
      EventSourceArn: queueArn,
      FunctionName: functionName,
      BatchSize: 10,
      // TODO 1: ask Lambda to read partial batch responses.
    }),
  );
  return mapping.UUID!;
}

/**
 * Handler "worker.handler": charges every order of the batch.
 * Right now one failed charge throws, so Lambda treats the whole
 * batch as failed and every message comes back, including the
 * orders already charged.
 */
export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  const batchItemFailures: SQSBatchResponse["batchItemFailures"] = [];
  for (const record of event.Records) {
    const order = JSON.parse(record.body) as Order;
    // TODO 2: catch a failure of this one record and report it
    //   as { itemIdentifier: record.messageId } instead of
    //   failing the whole batch.
    await payments.charge(order);
  }
  return { batchItemFailures };
}
