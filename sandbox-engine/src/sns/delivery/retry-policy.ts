/**
 * Delivery retry policies (https://docs.aws.amazon.com/sns/latest/dg/sns-message-delivery-retries.html).
 * A policy has four phases: immediate retries (no delay), pre-backoff (at the minimum delay),
 * backoff (from the minimum to the maximum delay), post-backoff (at the maximum delay).
 *
 * - AWS-managed endpoints (SQS, Lambda): 3 immediate, 2 at 1 s, 10 backoff from 1 s to 20 s,
 *   100,000 at 20 s: 100,015 attempts over 23 days.
 * - Customer-managed endpoints (SMTP = email, email-json): 0 immediate, 2 at 10 s, 10 backoff from
 *   10 s to 600 s, 38 at 600 s: 50 attempts over 6 hours.
 * - HTTP/HTTPS: the subscription's (or topic's) DeliveryPolicy, by default "up to three retries with
 *   a delay between failed attempts set at 20 seconds" (SendMessageToHttp.retry.html); the total
 *   retry time may not exceed 3,600 s.
 * AWS adds jitter; the sandbox does not, so runs are reproducible. The shape of the backoff curves
 * is not documented exactly (UNVERIFIED: sns-message-delivery-retries.html names the
 * functions but gives no formula, and no AWS-recorded retry timings were found to fit one): linear/arithmetic interpolate linearly, geometric and
 * exponential geometrically, from the minimum to the maximum delay.
 */
import { ok } from "../../core/outcome.ts";
import { invalidParameter } from "../sns-context.ts";
import type { SnsOutcome } from "../sns-faults.ts";

export type BackoffFunction = "linear" | "arithmetic" | "geometric" | "exponential";

export interface RetryPolicy {
  readonly numNoDelayRetries: number;
  readonly numMinDelayRetries: number;
  readonly numBackoffRetries: number;
  readonly numMaxDelayRetries: number;
  /** Seconds. */
  readonly minDelayTarget: number;
  readonly maxDelayTarget: number;
  readonly backoffFunction: BackoffFunction;
}

export const MANAGED_RETRY_POLICY: RetryPolicy = {
  numNoDelayRetries: 3, numMinDelayRetries: 2, numBackoffRetries: 10, numMaxDelayRetries: 100_000,
  minDelayTarget: 1, maxDelayTarget: 20, backoffFunction: "exponential",
};

export const EMAIL_RETRY_POLICY: RetryPolicy = {
  numNoDelayRetries: 0, numMinDelayRetries: 2, numBackoffRetries: 10, numMaxDelayRetries: 38,
  minDelayTarget: 10, maxDelayTarget: 600, backoffFunction: "exponential",
};

export const DEFAULT_HTTP_RETRY_POLICY: RetryPolicy = {
  numNoDelayRetries: 0, numMinDelayRetries: 0, numBackoffRetries: 3, numMaxDelayRetries: 0,
  minDelayTarget: 20, maxDelayTarget: 20, backoffFunction: "linear",
};

export function totalRetries(policy: RetryPolicy): number {
  return policy.numNoDelayRetries + policy.numMinDelayRetries + policy.numBackoffRetries + policy.numMaxDelayRetries;
}

/** Delay in ms before retry number `retry` (1-based), or undefined when the policy is exhausted. */
export function retryDelayMs(policy: RetryPolicy, retry: number): number | undefined {
  let n = retry;
  if (n <= policy.numNoDelayRetries) return 0;
  n -= policy.numNoDelayRetries;
  if (n <= policy.numMinDelayRetries) return policy.minDelayTarget * 1000;
  n -= policy.numMinDelayRetries;
  if (n <= policy.numBackoffRetries) {
    const t = n / policy.numBackoffRetries;
    const { minDelayTarget: min, maxDelayTarget: max } = policy;
    const seconds =
      policy.backoffFunction === "linear" || policy.backoffFunction === "arithmetic" || min <= 0
        ? min + (max - min) * t
        : min * Math.pow(max / min, t);
    return Math.round(seconds * 1000);
  }
  n -= policy.numBackoffRetries;
  if (n <= policy.numMaxDelayRetries) return policy.maxDelayTarget * 1000;
  return undefined;
}

function int(value: unknown, fallback: number): number | undefined {
  if (value === undefined) return fallback;
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/**
 * Parses a DeliveryPolicy (subscription: { healthyRetryPolicy }, topic: { http: { defaultHealthyRetryPolicy } })
 * into the HTTP retry policy. Limits from the delivery policy page: numRetries 0-100, delays
 * 1-3600 s with min <= max, and at most 3,600 s of retrying in all. Texts are ours (UNVERIFIED: the
 * page gives the limits, not the error texts, and LocalStack's AWS-recorded snapshots hold none).
 */
export function parseDeliveryPolicy(text: string, level: "topic" | "subscription"): SnsOutcome<RetryPolicy | undefined> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return invalidParameter("DeliveryPolicy: failed to parse JSON.");
  }
  if (typeof doc !== "object" || doc === null) return invalidParameter("DeliveryPolicy: must be a JSON object.");
  const record = doc as Record<string, unknown>;
  const http = level === "topic" ? (record["http"] as Record<string, unknown> | undefined)?.["defaultHealthyRetryPolicy"] : record["healthyRetryPolicy"];
  if (http === undefined) return ok(undefined);
  if (typeof http !== "object" || http === null) return invalidParameter("DeliveryPolicy: healthyRetryPolicy must be an object.");
  const p = http as Record<string, unknown>;
  const min = int(p["minDelayTarget"], 20);
  const max = int(p["maxDelayTarget"], 20);
  const retries = int(p["numRetries"], 3);
  const noDelay = int(p["numNoDelayRetries"], 0);
  const minDelay = int(p["numMinDelayRetries"], 0);
  const maxDelay = int(p["numMaxDelayRetries"], 0);
  const backoff = p["backoffFunction"] ?? "linear";
  if ([min, max, retries, noDelay, minDelay, maxDelay].includes(undefined)) {
    return invalidParameter("DeliveryPolicy: delays and retry counts must be whole numbers >= 0.");
  }
  if (!["linear", "arithmetic", "geometric", "exponential"].includes(backoff as string)) {
    return invalidParameter("DeliveryPolicy: backoffFunction must be linear, arithmetic, geometric or exponential.");
  }
  if (retries! > 100 || min! < 1 || max! > 3600 || min! > max!) {
    return invalidParameter("DeliveryPolicy: numRetries is at most 100, and 1 <= minDelayTarget <= maxDelayTarget <= 3600.");
  }
  const backoffRetries = retries! - noDelay! - minDelay! - maxDelay!;
  if (backoffRetries < 0) return invalidParameter("DeliveryPolicy: numNoDelayRetries + numMinDelayRetries + numMaxDelayRetries must not exceed numRetries.");
  const policy: RetryPolicy = {
    numNoDelayRetries: noDelay!, numMinDelayRetries: minDelay!, numBackoffRetries: backoffRetries, numMaxDelayRetries: maxDelay!,
    minDelayTarget: min!, maxDelayTarget: max!, backoffFunction: backoff as BackoffFunction,
  };
  let total = 0;
  for (let retry = 1; retry <= retries!; retry++) total += retryDelayMs(policy, retry)!;
  if (total > 3_600_000) return invalidParameter("DeliveryPolicy: the total retry time may not exceed 3,600 seconds.");
  return ok(policy);
}
