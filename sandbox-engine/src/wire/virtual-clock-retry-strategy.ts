/**
 * The SDK's retry strategies, standard and adaptive, with their waits on the sandbox's virtual clock and their
 * jitter from the sandbox's seeded random, so a retried call takes no real time, is the same on every run, and
 * shows in the trace. The rules are the SDK's (@smithy/core util-retry StandardRetryStrategy and
 * AdaptiveRetryStrategy, 2026 configuration), the modes of
 * https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html:
 * - only throttling and transient errors are retried (the SDK classifies the error before asking);
 * - at most `maxAttempts` attempts in all (default 3);
 * - backoff with full jitter: random(0, 1) * min(base * 2^retries, 20 s), base 1 s for throttling, else 50 ms;
 * - a `Retry-After` answer header (seconds or an HTTP date; or `x-amz-retry-after`, milliseconds) can lengthen
 *   that wait, by at most 5 s: max(backoff, min(retry-after, backoff + 5 s)), as the SDK's strategy does;
 * - a retry quota: 500 tokens per client, a throttling retry costs 5, another 14; a success gives back what its
 *   retry cost, or 1;
 * - adaptive mode (`retryMode: "adaptive"`) adds the SDK's client-side rate limiter: after a throttle, every
 *   request (first attempts too) waits for a token from a bucket whose rate the throttles set (virtual-clock-rate-limiter.ts).
 */
import type { RetryErrorInfo, RetryStrategyV2, RetryToken, StandardRetryToken } from "@smithy/types";
import type { SeededRandom } from "../random/seeded-random.ts";
import type { Sandbox } from "../sandbox.ts";
import { VirtualClockRateLimiter } from "./virtual-clock-rate-limiter.ts";

const INITIAL_RETRY_TOKENS = 500;
const THROTTLING_COST = 5;
const RETRY_COST = 14;
const NO_RETRY_INCREMENT = 1;
const MAXIMUM_RETRY_DELAY_MS = 20_000;
const THROTTLING_DELAY_BASE_MS = 1_000;
const DELAY_BASE_MS = 50;
/** How much longer than its own backoff the SDK waits when the answer asks for more (Retry-After). */
const RETRY_AFTER_EXTRA_MS = 5_000;
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

export type RetryMode = "standard" | "adaptive";

export class VirtualClockRetryStrategy implements RetryStrategyV2 {
  /** "standard" until the client's retryMode is read (on its first request). */
  mode: RetryMode = "standard";
  private modeRead = false;
  private capacity = INITIAL_RETRY_TOKENS;
  private readonly jitter = new WeakMap<Sandbox, SeededRandom>();
  private readonly rateLimiters = new WeakMap<Sandbox, VirtualClockRateLimiter>();

  private readonly maxAttempts: () => Promise<number>;
  private readonly retryMode: () => Promise<RetryMode>;
  private readonly sandbox: () => Sandbox;
  private readonly service: SandboxClientService;

  constructor(
    maxAttempts: () => Promise<number>,
    sandbox: () => Sandbox,
    service: SandboxClientService,
    retryMode: () => Promise<RetryMode> = async () => "standard",
  ) {
    this.maxAttempts = maxAttempts;
    this.sandbox = sandbox;
    this.service = service;
    this.retryMode = retryMode;
  }

  acquireInitialRetryToken(_scope: string): Promise<RetryToken> {
    // Every request asks: once the mode is known to be standard, there is no limiter to wait for.
    if (this.modeRead && this.mode === "standard") return Promise.resolve(new VirtualRetryToken(0, undefined, 0));
    return this.acquireAfterRateLimiter();
  }

  private async acquireAfterRateLimiter(): Promise<RetryToken> {
    await (await this.rateLimiter())?.getSendToken();
    return new VirtualRetryToken(0, undefined, 0);
  }

  async refreshRetryTokenForRetry(token: RetryToken, errorInfo: RetryErrorInfo): Promise<RetryToken> {
    const rateLimiter = await this.rateLimiter();
    rateLimiter?.updateClientSendingRate(errorInfo);
    const maxAttempts = await this.maxAttempts();
    const retryable = errorInfo.errorType === "THROTTLING" || errorInfo.errorType === "TRANSIENT";
    const cost = errorInfo.errorType === "THROTTLING" ? THROTTLING_COST : RETRY_COST;
    const retries = token.getRetryCount();
    if (!retryable || retries + 1 >= maxAttempts || this.capacity < cost) throw new Error("No retry token available");
    this.capacity -= cost;
    const sandbox = this.sandbox();
    const base = errorInfo.errorType === "THROTTLING" ? THROTTLING_DELAY_BASE_MS : DELAY_BASE_MS;
    const backoffMs = Math.floor(this.random(sandbox).next() * Math.min(base * 2 ** retries, MAXIMUM_RETRY_DELAY_MS));
    const error = errorInfo.error as { name?: string; $metadata?: { httpStatusCode?: number }; $response?: unknown } | undefined;
    const retryAfterMs = retryAfterOf(error?.$response, sandbox.clock.now());
    const delayMs = retryAfterMs === undefined ? backoffMs : Math.max(backoffMs, Math.min(retryAfterMs, backoffMs + RETRY_AFTER_EXTRA_MS));
    sandbox.trace.record("sdk", "retry", this.service, {
      error: error?.name ?? "Error",
      status: error?.$metadata?.httpStatusCode ?? null,
      attempt: retries + 2,
      maxAttempts,
      delayMs,
      retryAfterMs: retryAfterMs ?? null,
    });
    // A clock waiter: the clock moves on by itself when nothing else is running, so a retry needs no advance().
    if (delayMs > 0) await sandbox.clock.sleep(delayMs);
    await rateLimiter?.getSendToken();
    return new VirtualRetryToken(retries + 1, cost, delayMs);
  }

  recordSuccess(token: RetryToken): void {
    const cost = (token as StandardRetryToken).getRetryCost?.();
    this.capacity = Math.min(INITIAL_RETRY_TOKENS, this.capacity + (cost ?? NO_RETRY_INCREMENT));
    // The SDK's adaptive strategy measures successes too (the rate grows back); a standard client has no limiter.
    if (this.mode === "adaptive") this.rateLimiters.get(this.sandbox())?.updateClientSendingRate({});
  }

  /** Adaptive mode's rate limiter for the current sandbox (its clock), made on the first request. */
  private async rateLimiter(): Promise<VirtualClockRateLimiter | undefined> {
    if (!this.modeRead) {
      this.mode = await this.retryMode();
      this.modeRead = true;
    }
    if (this.mode !== "adaptive") return undefined;
    const sandbox = this.sandbox();
    let limiter = this.rateLimiters.get(sandbox);
    if (limiter === undefined) this.rateLimiters.set(sandbox, (limiter = new VirtualClockRateLimiter(sandbox.clock)));
    return limiter;
  }

  private random(sandbox: Sandbox): SeededRandom {
    let random = this.jitter.get(sandbox);
    if (random === undefined) this.jitter.set(sandbox, (random = sandbox.random.fork("sdk-retry-jitter")));
    return random;
  }
}

/**
 * The wait an answer asks for, in ms from `nowMs` (virtual): `Retry-After` in seconds or as an HTTP date, or
 * `x-amz-retry-after` in ms (the headers the SDK reads, in its order). Undefined when absent or unreadable.
 */
export function retryAfterOf(response: unknown, nowMs: number): number | undefined {
  const headers = (response as { headers?: Record<string, string> } | undefined)?.headers;
  if (headers === undefined) return undefined;
  for (const name in headers) {
    const lower = name.toLowerCase();
    const value = String(headers[name]).trim();
    if (lower === "retry-after") {
      if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
      const date = Date.parse(value);
      return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
    }
    if (lower === "x-amz-retry-after") {
      const ms = Number(value);
      return value === "" || Number.isNaN(ms) ? undefined : Math.max(0, ms);
    }
  }
  return undefined;
}
