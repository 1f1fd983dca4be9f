// The shop's shared vocabulary: the order every stage of the capstone
// passes along, and the slices of the AWS events the handlers read.

export type Delivery = "express" | "standard";

/** An order as the shop's web client posts it to POST /orders. */
export interface Order {
  /** Chosen by the client, so a retried POST carries the same id: the idempotency key of every later stage. */
  orderId: string;
  email: string;
  delivery: Delivery;
  /** In US dollars. */
  total: number;
  items: { sku: string; quantity: number }[];
}

export const TOPIC_NAME = "orders";

/**
 * `process.env[name]` inside a Lambda handler: the function's Environment.Variables. (The editor's typings have no
 * Node.js types, hence this helper.) Read variables at the start of the handler, before any await.
 */
export function envVar(name: string): string {
  const value = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env[name];
  if (value === undefined || value === "") throw new Error(`environment variable ${name} is not set on this function`);
  return value;
}
/** Orders of this total or more wait for a fraud review instead of shipping at once (stage 2). */
export const FRAUD_REVIEW_FROM = 1000;

/** What API Gateway passes an HTTP API's Lambda proxy integration (payload 2.0; @types/aws-lambda APIGatewayProxyEventV2). */
export interface HttpApiEvent {
  body?: string;
  isBase64Encoded: boolean;
  requestContext: { http: { method: string; path: string } };
}

/** What the function answers; API Gateway turns it into the HTTP response. */
export interface HttpApiResult {
  statusCode: number;
  headers?: Record<string, string>;
  body: string;
}

/** A batch of SQS messages, as an event source mapping passes it (@types/aws-lambda SQSEvent). */
export interface SQSEvent {
  Records: { messageId: string; body: string; eventSourceARN: string }[];
}

/** The answer that reports only the failed messages of a batch (ReportBatchItemFailures). */
export interface SQSBatchResponse {
  batchItemFailures: { itemIdentifier: string }[];
}

/** An SNS notification, as SNS invokes a subscribed function (@types/aws-lambda SNSEvent). */
export interface SNSEvent {
  Records: { Sns: { Message: string; TopicArn: string } }[];
}
