/**
 * The SDK's standard retry strategy, with its waits on the sandbox's virtual clock and its jitter from the
 * sandbox's seeded random, so a retried call takes no real time, is the same on every run, and shows in the
 * trace. The rules are the SDK's (@smithy/core util-retry StandardRetryStrategy, 2026 configuration), the
 * "standard" mode of https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html:
 * - only throttling and transient errors are retried (the SDK classifies the error before asking);
 * - at most `maxAttempts` attempts in all (default 3);
 * - backoff with full jitter: random(0, 1) * min(base * 2^retries, 20 s), base 1 s for throttling, else 50 ms;
 * - a retry quota: 500 tokens per client, a throttling retry costs 5, another 14; a success gives back what its
 *   retry cost, or 1.
 */
import type { RetryErrorInfo, RetryStrategyV2, RetryToken, StandardRetryToken } from "@smithy/types";
import type { SeededRandom } from "../random/seeded-random.ts";
import type { Sandbox } from "../sandbox.ts";

const INITIAL_RETRY_TOKENS = 500;
const THROTTLING_COST = 5;
const RETRY_COST = 14;
const NO_RETRY_INCREMENT = 1;
const MAXIMUM_RETRY_DELAY_MS = 20_000;
const THROTTLING_DELAY_BASE_MS = 1_000;
const DELAY_BASE_MS = 50;
export const DEFAULT_MAX_ATTEMPTS = 3;

/** The service a client's SDK retries are traced under (the trace's `sdk` / `retry` resource). */
export type SandboxClientService = "sqs" | "sns" | "lambda" | "ses" | "apigateway";

class VirtualRetryToken implements StandardRetryToken {
  readonly $retryLog: { acquisitionDelay: number };
  private readonly retryCount: number;
  private readonly retryCost: number | undefined;
  constructor(retryCount: number, retryCost: number | undefined, acquisitionDelay: number) {
    this.retryCount = retryCount;
    this.retryCost = retryCost;
    this.$retryLog = { acquisitionDelay };
  }
  getRetryCount(): number {
    return this.retryCount;
  }
  /** The wait already happened inside refreshRetryTokenForRetry (as in the SDK's strategy). */
  getRetryDelay(): number {
    return 0;
  }
  getRetryCost(): number | undefined {
    return this.retryCost;
  }
}

export class VirtualClockRetryStrategy implements RetryStrategyV2 {
  readonly mode = "standard";
  private capacity = INITIAL_RETRY_TOKENS;
  private readonly jitter = new WeakMap<Sandbox, SeededRandom>();

  private readonly maxAttempts: () => Promise<number>;
  private readonly sandbox: () => Sandbox;
  private readonly service: SandboxClientService;

  constructor(maxAttempts: () => Promise<number>, sandbox: () => Sandbox, service: SandboxClientService) {
    this.maxAttempts = maxAttempts;
    this.sandbox = sandbox;
    this.service = service;
  }

  async acquireInitialRetryToken(_scope: string): Promise<RetryToken> {
    return new VirtualRetryToken(0, undefined, 0);
  }

  async refreshRetryTokenForRetry(token: RetryToken, errorInfo: RetryErrorInfo): Promise<RetryToken> {
    const maxAttempts = await this.maxAttempts();
    const retryable = errorInfo.errorType === "THROTTLING" || errorInfo.errorType === "TRANSIENT";
    const cost = errorInfo.errorType === "THROTTLING" ? THROTTLING_COST : RETRY_COST;
    const retries = token.getRetryCount();
    if (!retryable || retries + 1 >= maxAttempts || this.capacity < cost) throw new Error("No retry token available");
    this.capacity -= cost;
    const sandbox = this.sandbox();
    const base = errorInfo.errorType === "THROTTLING" ? THROTTLING_DELAY_BASE_MS : DELAY_BASE_MS;
    const delayMs = Math.floor(this.random(sandbox).next() * Math.min(base * 2 ** retries, MAXIMUM_RETRY_DELAY_MS));
    const error = errorInfo.error as { name?: string; $metadata?: { httpStatusCode?: number } } | undefined;
    sandbox.trace.record("sdk", "retry", this.service, {
      error: error?.name ?? "Error",
      status: error?.$metadata?.httpStatusCode ?? null,
      attempt: retries + 2,
      maxAttempts,
      delayMs,
    });
    // A clock waiter: the clock moves on by itself when nothing else is running, so a retry needs no advance().
    if (delayMs > 0) await sandbox.clock.sleep(delayMs);
    return new VirtualRetryToken(retries + 1, cost, delayMs);
  }

  recordSuccess(token: RetryToken): void {
    const cost = (token as StandardRetryToken).getRetryCost?.();
    this.capacity = Math.min(INITIAL_RETRY_TOKENS, this.capacity + (cost ?? NO_RETRY_INCREMENT));
  }

  private random(sandbox: Sandbox): SeededRandom {
    let random = this.jitter.get(sandbox);
    if (random === undefined) this.jitter.set(sandbox, (random = sandbox.random.fork("sdk-retry-jitter")));
    return random;
  }
}
