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

/** Statuses a later attempt may not get: throttled, or briefly unavailable. */
const RETRYABLE = new Set([429, 503]);

export async function fetchWithRetry(url: string, init: RequestInit = {}, options: RetryOptions = {}): Promise<Response> {
  const { maxAttempts = 5, baseDelayMs = 100, maxDelayMs = 5000, sleep = wait, random = Math.random } = options;
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(url, init);
    if (!RETRYABLE.has(response.status) || attempt >= maxAttempts) return response;
    // Full jitter: a random point in a window that doubles per failure, up to the cap.
    await sleep(random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)));
  }
}
