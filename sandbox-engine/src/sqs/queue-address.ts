/**
 * Queue names, URLs and ARNs. Formats follow AWS:
 * https://sqs.us-east-1.amazonaws.com/123456789012/orders and arn:aws:sqs:us-east-1:123456789012:orders.
 */
import { fail, ok, type Outcome } from "./sqs-outcome.ts";
import { QUEUE_NAME_MAX_LENGTH } from "./sqs-limits.ts";

export interface QueueLocation {
  readonly region: string;
  readonly accountId: string;
}

export function queueUrl(where: QueueLocation, name: string): string {
  return `https://sqs.${where.region}.amazonaws.com/${where.accountId}/${name}`;
}

export function queueArn(where: QueueLocation, name: string): string {
  return `arn:aws:sqs:${where.region}:${where.accountId}:${name}`;
}

const QUEUE_NAME = /^[A-Za-z0-9_-]+$/;

/**
 * 1 to 80 characters of alphanumerics, hyphens and underscores; a FIFO queue's name ends with
 * ".fifo", which counts toward the 80 (AWS-FACTS B.1 item 14;
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_CreateQueue.html).
 */
export function validateQueueName(name: string): Outcome<string> {
  const fifo = name.endsWith(".fifo");
  const base = fifo ? name.slice(0, -".fifo".length) : name;
  if (base.length < 1 || name.length > QUEUE_NAME_MAX_LENGTH || !QUEUE_NAME.test(base)) {
    return fail(
      "InvalidParameterValue",
      fifo
        ? "The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length."
        : "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length",
      { hint: `"${name}" is not a valid queue name.` },
    );
  }
  return ok(name);
}

export type QueueUrlParse =
  | { readonly kind: "url"; readonly region: string; readonly accountId: string; readonly name: string }
  | { readonly kind: "not-a-url" };

/**
 * Reads the region, account and name out of a queue URL. Accepts the current
 * sqs.<region>.amazonaws.com form and the legacy <region>.queue.amazonaws.com form.
 */
export function parseQueueUrl(url: string): QueueUrlParse {
  const match = /^https?:\/\/([^/]+)\/(\d{12})\/([^/?#]+)\/?$/.exec(url);
  if (match === null) return { kind: "not-a-url" };
  const [, host = "", accountId = "", name = ""] = match;
  const region =
    /^sqs\.([a-z0-9-]+)\.amazonaws\.com$/.exec(host)?.[1] ??
    /^([a-z0-9-]+)\.queue\.amazonaws\.com$/.exec(host)?.[1] ??
    // A local endpoint (LocalStack, ElasticMQ style): region unknown, trust the account/name.
    "";
  return { kind: "url", region, accountId, name };
}
