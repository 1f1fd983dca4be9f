/**
 * Lambda quotas, defaults and the simulator's own timing choices, in one place.
 * AWS sources: AWS-FACTS C.1-C.4, https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html,
 * https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html,
 * https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html.
 */

/** Timeout in seconds: default 3, 1-900 (AWS-FACTS C.1 item 2). */
export const TIMEOUT = { min: 1, max: 900, default: 3 } as const;
/** MemorySize in MB: default 128, 128-10,240 in 1-MB steps (AWS-FACTS C.1 item 3). */
export const MEMORY_SIZE = { min: 128, max: 10_240, default: 128 } as const;
/** Request payload limits (AWS-FACTS C.1 item 4): 6 MB synchronous, 1 MB asynchronous (current Invoke page). */
export const SYNC_PAYLOAD_LIMIT_BYTES = 6 * 1024 * 1024;
export const ASYNC_PAYLOAD_LIMIT_BYTES = 1024 * 1024;
/**
 * Synchronous response limit: 6 MB, enforced as 6,291,556 bytes (6 MiB + 100), the figure of AWS's
 * "Response payload size exceeded maximum allowed payload size (6291556 bytes)." (recorded from AWS by
 * aws-lambda-dotnet's integration tests and moto's test_invoke_lambda_with_large_response).
 */
export const RESPONSE_LIMIT_BYTES = 6_291_556;
/** Account concurrency quota per Region (AWS-FACTS C.1 item 7); a sandbox option. */
export const DEFAULT_ACCOUNT_CONCURRENCY = 1000;
/** Reserved concurrency may leave no less than this unreserved (AWS-FACTS C.1 item 7). */
export const MIN_UNRESERVED_CONCURRENCY = 100;

/** Asynchronous invocation (AWS-FACTS C.4 items 17-18). */
export const MAXIMUM_RETRY_ATTEMPTS = { min: 0, max: 2, default: 2 } as const;
export const MAXIMUM_EVENT_AGE_SECONDS = { min: 60, max: 21_600, default: 21_600 } as const;
/** Waits before the 2nd and 3rd attempts after a function error: 1 minute, then 2 minutes. */
export const ASYNC_RETRY_DELAYS_MS = [60_000, 120_000] as const;
/** Throttled async events: backoff from 1 s doubling up to 5 minutes (AWS-FACTS C.4 item 17). */
export const THROTTLE_BACKOFF_MS = { first: 1_000, max: 300_000 } as const;

/** SQS event source mappings (AWS-FACTS C.2 items 10, 13). */
export const BATCH_SIZE = { min: 1, max: 10_000, maxFifo: 10, default: 10 } as const;
export const BATCHING_WINDOW_SECONDS = { min: 0, max: 300, default: 0 } as const;
export const MAXIMUM_CONCURRENCY = { min: 2, max: 1000 } as const;
/** Standard queues: start with 5 concurrent batches, add up to 300 per minute (services-sqs-scaling.html). */
export const ESM_INITIAL_CONCURRENCY = 5;
export const ESM_CONCURRENCY_STEP_PER_MINUTE = 300;
/** One ReceiveMessage returns at most 10 messages; a larger batch takes several receives. */
export const SQS_RECEIVE_MAX = 10;

// ---- Simulator choices (not AWS facts; documented in README "Lambda") ----

/** Virtual ms an event source mapping stays "Creating"/"Updating"/"Deleting" before the change applies. */
export const ESM_STATE_TRANSITION_MS = 1_000;
/** Duration of a handler that did not wait on virtual time: it still took some time, 1 ms. */
export const BASE_DURATION_MS = 1;
/** Cold-start Init Duration, seeded per execution environment, in ms (two decimals). */
export const INIT_DURATION_MS = { min: 100, max: 300 } as const;
/** An idle execution environment is reused for this long, then discarded (UNVERIFIED: the Lambda docs searched give no figure; AWS does not publish it). */
export const ENVIRONMENT_IDLE_EXPIRY_MS = 10 * 60_000;
/** "Max Memory Used" of the Node.js runtime, seeded per environment, capped at MemorySize. */
export const MAX_MEMORY_USED_MB = { min: 64, max: 80 } as const;
/** LogType Tail returns the last 4 KB of the invocation's log (Invoke API). */
export const LOG_TAIL_BYTES = 4 * 1024;
/** Log lines kept per function (oldest dropped first), so a long run cannot grow memory without end. */
export const MAX_LOG_LINES_PER_FUNCTION = 10_000;
