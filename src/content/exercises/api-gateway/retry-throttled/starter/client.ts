export interface RetryOptions {
  /** Requests in all, the first included (default 5). */
  maxAttempts?: number;
  /** The backoff window before the second attempt, in ms (default 100); it doubles for each further attempt. */
  baseDelayMs?: number;
  /** The largest backoff window, in ms (default 5000). */
  maxDelayMs?: number;
  /** Waits `ms` milliseconds. */
  sleep?: (ms: number) => Promise<void>;
  /** A number in [0, 1). */
  random?: () => number;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * `fetch`, retrying throttled requests. A 429 Too Many Requests (or a 503) is retried
 * up to `maxAttempts` requests in all; before attempt n + 1 it sleeps
 * `random() * min(maxDelayMs, baseDelayMs * 2 ** (n - 1))` ms (exponential backoff,
 * full jitter). Any other answer is returned at once; when the attempts run out, the
 * last response is returned.
 */
export async function fetchWithRetry(url: string, init: RequestInit = {}, options: RetryOptions = {}): Promise<Response> {
  const { maxAttempts = 5, baseDelayMs = 100, maxDelayMs = 5000, sleep = wait, random = Math.random } = options;
  // TODO: retry 429 and 503 with backoff and jitter.
  return fetch(url, init);
}
