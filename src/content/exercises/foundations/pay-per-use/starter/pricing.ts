// List prices in US East (N. Virginia), on demand, without the
// free tier, at the time of writing. Check the pages for today's.

/** AWS Lambda, x86: $0.20 per million requests (https://aws.amazon.com/lambda/pricing/). */
export const LAMBDA_USD_PER_REQUEST = 0.2 / 1_000_000;
/** AWS Lambda, x86: per GB-second of configured memory x billed duration (same page). */
export const LAMBDA_USD_PER_GB_SECOND = 0.0000166667;
/** The longest a Lambda function may run: a 900-second (15-minute) timeout. */
export const LAMBDA_MAX_SECONDS = 900;

/** Amazon SQS standard queues: $0.40 per million requests (https://aws.amazon.com/sqs/pricing/). */
export const SQS_USD_PER_REQUEST = 0.4 / 1_000_000;
/** SQS bills every 64 KB chunk of a request's payload as one request (same page). */
export const SQS_CHUNK_KB = 64;

/** AWS prices servers by the hour and counts 730 hours in a month (365 x 24 / 12). */
export const HOURS_PER_MONTH = 730;
/** One server is one failure away from an outage: run at least two, in two Availability Zones. */
export const MIN_INSTANCES = 2;

/** How one month of an order service's traffic looks. */
export interface TrafficProfile {
  /** Orders in the month. */
  ordersPerMonth: number;
  /** The busiest moment of the month, in orders per second: what a fleet of servers must be sized for. */
  peakOrdersPerSecond: number;
  /** The size of one OrderPlaced event, in KB. */
  eventKb: number;
  /** The function that handles one order: its configured memory and its billed duration per order. */
  fn: { memoryMb: number; durationMs: number };
}

/** An always-on server type: its price, and how many orders a second one of them can handle. */
export interface Instance {
  name: string;
  hourlyUsd: number;
  ordersPerSecond: number;
}

/**
 * A t3.small EC2 instance (2 vCPUs, 2 GiB), Linux, on demand:
 * $0.0208 an hour (https://aws.amazon.com/ec2/pricing/on-demand/).
 * 50 orders a second is this course's assumption for our order
 * service; measure your own.
 */
export const T3_SMALL: Instance = { name: "t3.small", hourlyUsd: 0.0208, ordersPerSecond: 50 };

export type Hosting = "serverless" | "always-on";
