/**
 * The SQS event a mapping passes to a function (AWS-FACTS C.2 item 8; @types/aws-lambda SQSEvent;
 * https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html), and the reading of a
 * ReportBatchItemFailures response (AWS-FACTS C.2 item 12).
 */
import type { Message } from "../sqs/sqs-types.ts";
import { base64 } from "./logs.ts";
import { isRecord } from "./params.ts";

export interface SqsEventRecord {
  messageId: string;
  receiptHandle: string;
  body: string;
  attributes: Record<string, string>;
  messageAttributes: Record<string, { stringValue?: string; binaryValue?: string; stringListValues: string[]; binaryListValues: string[]; dataType: string }>;
  /** null when the message has no attributes (LocalStack-validated AWS behaviour). */
  md5OfMessageAttributes: string | null;
  md5OfBody: string;
  eventSource: "aws:sqs";
  eventSourceARN: string;
  awsRegion: string;
}

/** The system attributes Lambda passes, in AWS's order; all values are strings. */
const ATTRIBUTE_ORDER = [
  "ApproximateReceiveCount", "AWSTraceHeader", "SentTimestamp", "SequenceNumber", "MessageGroupId", "SenderId",
  "MessageDeduplicationId", "ApproximateFirstReceiveTimestamp", "DeadLetterQueueSourceArn",
] as const;

export function toEventRecord(message: Message, queueArn: string, region: string): SqsEventRecord {
  const attributes: Record<string, string> = {};
  for (const name of ATTRIBUTE_ORDER) {
    const value = message.Attributes?.[name];
    if (value !== undefined) attributes[name] = String(value);
  }
  const messageAttributes: SqsEventRecord["messageAttributes"] = {};
  for (const [name, value] of Object.entries(message.MessageAttributes ?? {})) {
    messageAttributes[name] = {
      ...(value.StringValue !== undefined ? { stringValue: value.StringValue } : {}),
      ...(value.BinaryValue !== undefined ? { binaryValue: base64(value.BinaryValue) } : {}),
      stringListValues: [],
      binaryListValues: [],
      dataType: value.DataType ?? "String",
    };
  }
  return {
    messageId: message.MessageId ?? "",
    receiptHandle: message.ReceiptHandle ?? "",
    body: message.Body ?? "",
    attributes,
    messageAttributes,
    md5OfMessageAttributes: message.MD5OfMessageAttributes ?? null,
    md5OfBody: message.MD5OfBody ?? "",
    eventSource: "aws:sqs",
    eventSourceARN: queueArn,
    awsRegion: region,
  };
}

/**
 * Which messages of a batch failed, per a ReportBatchItemFailures response (AWS-FACTS C.2 item 12):
 * - complete success ([]): a null response, `{}`, or `batchItemFailures` empty or null;
 * - complete failure ("all"): a response that is not a JSON object (the simulator's reading of
 *   "invalid JSON"), `batchItemFailures` not a list, an item that is not an object, an
 *   `itemIdentifier` missing ("a bad key name"), empty, null, or not a message id of the batch;
 * - otherwise the listed message ids (each once).
 */
export function failedItems(response: unknown, batchIds: ReadonlySet<string>): readonly string[] | "all" {
  if (response === null || response === undefined) return [];
  if (!isRecord(response)) return "all";
  const list = response.batchItemFailures;
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) return "all";
  const failed = new Set<string>();
  for (const item of list) {
    if (!isRecord(item)) return "all";
    const id = item.itemIdentifier;
    if (typeof id !== "string" || id === "" || !batchIds.has(id)) return "all";
    failed.add(id);
  }
  return [...failed];
}
