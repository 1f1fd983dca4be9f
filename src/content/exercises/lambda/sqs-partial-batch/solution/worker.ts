import { LambdaClient, CreateEventSourceMappingCommand } from "@aws-sdk/client-lambda";
import { payments, type Order } from "./payments";

const lambda = new LambdaClient({});

export interface SQSEvent {
  Records: { messageId: string; receiptHandle: string; body: string; eventSourceARN: string }[];
}

export interface SQSBatchResponse {
  batchItemFailures: { itemIdentifier: string }[];
}

export async function connectQueue(queueArn: string, functionName: string): Promise<string> {
  const mapping = await lambda.send(
    new CreateEventSourceMappingCommand({
      EventSourceArn: queueArn,
      FunctionName: functionName,
      BatchSize: 10,
      // Without this, Lambda ignores the handler's answer: all or nothing.
      FunctionResponseTypes: ["ReportBatchItemFailures"],
    }),
  );
  return mapping.UUID!;
}

export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  const batchItemFailures: SQSBatchResponse["batchItemFailures"] = [];
  for (const record of event.Records) {
    try {
      await payments.charge(JSON.parse(record.body) as Order);
    } catch (error) {
      console.error(`order in message ${record.messageId} failed: ${String(error)}`);
      // Only this message comes back; Lambda deletes the others.
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}
