/**
 * A token bucket "where a token counts for a request"
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html):
 * it holds at most `burst` tokens, refills at `rate` tokens per second of virtual time, and starts full.
 * Over any span of T seconds it admits at most burst + rate * T requests.
 */
export interface TokenBucket {
  readonly rate: number;
  readonly burst: number;
  /** Takes a token at `now` (epoch ms) if one is left. */
  tryTake(now: number): boolean;
}

export function createTokenBucket(rate: number, burst: number, now: number): TokenBucket {
  let tokens = burst;
  let refilledAt = now;
  return {
    rate,
    burst,
    tryTake(at) {
      if (at > refilledAt) {
        tokens = Math.min(burst, tokens + ((at - refilledAt) / 1000) * rate);
        refilledAt = at;
      }
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
