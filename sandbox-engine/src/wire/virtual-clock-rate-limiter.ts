/**
 * The SDK's adaptive-mode rate limiter (@smithy/core retry DefaultRateLimiter: a token bucket whose fill rate
 * follows CUBIC, cut by `beta` on each throttle and growing back between them) with the sandbox's virtual clock as
 * its time: the rate is measured in virtual seconds and a request that finds the bucket empty waits on the clock,
 * so `retryMode: "adaptive"` takes no real time. Only the two members that read the time or wait are replaced; the
 * rate maths stays the SDK's. Their names are the SDK class's private members (pinned by the dependency's
 * version; tests/engine/sdk-clients.test.ts fails if they move, as the wait would then be real).
 * https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html
 */
import { DefaultRateLimiter, type RateLimiter } from "@smithy/core/retry";
import type { Clock } from "../clock/virtual-clock.ts";

/** The SDK rate limiter's state that its time-related members read and write. */
interface RateLimiterState {
  enabled: boolean;
  availableTokens: number;
  fillRate: number;
  lastThrottleTime: number;
  lastTxRateBucket: number;
  refillTokenBucket(): void;
}

const SdkRateLimiter = DefaultRateLimiter as unknown as new () => RateLimiter & RateLimiterState;

export class VirtualClockRateLimiter extends SdkRateLimiter {
  private readonly clock: Clock;

  constructor(clock: Clock) {
    super();
    this.clock = clock;
    // The SDK's constructor read the time before the clock was set: start its clocks again at virtual now.
    this.lastThrottleTime = this.getCurrentTimeInSeconds();
    this.lastTxRateBucket = Math.floor(this.getCurrentTimeInSeconds());
  }

  getCurrentTimeInSeconds(): number {
    // Undefined only while the SDK's constructor runs (see above).
    return this.clock === undefined ? 0 : this.clock.now() / 1000;
  }

  /** The SDK's token-bucket wait, on the virtual clock (a waiter: the clock moves on by itself). */
  async acquireTokenBucket(amount: number): Promise<void> {
    if (!this.enabled) return;
    this.refillTokenBucket();
    while (amount > this.availableTokens) {
      await this.clock.sleep(Math.ceil(((amount - this.availableTokens) / this.fillRate) * 1000));
      this.refillTokenBucket();
    }
    this.availableTokens -= amount;
  }
}
