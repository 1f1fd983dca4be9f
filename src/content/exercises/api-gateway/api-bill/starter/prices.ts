// API Gateway request prices, us-east-1, without the free tier (https://aws.amazon.com/api-gateway/pricing/).
// Read-only.

export type ApiType = "REST" | "HTTP";

/** A price tier: requests of the month up to `upTo` (cumulative) cost `usdPerMillion` per million. */
export interface Tier {
  upTo: number;
  usdPerMillion: number;
}

export const requestTiers: Record<ApiType, Tier[]> = {
  REST: [
    { upTo: 333_000_000, usdPerMillion: 3.5 },
    { upTo: 1_000_000_000, usdPerMillion: 2.8 },
    { upTo: 20_000_000_000, usdPerMillion: 2.38 },
    { upTo: Infinity, usdPerMillion: 1.51 },
  ],
  HTTP: [
    { upTo: 300_000_000, usdPerMillion: 1.0 },
    { upTo: Infinity, usdPerMillion: 0.9 },
  ],
};

/** HTTP API requests are metered in steps of this many KB. */
export const HTTP_METERING_STEP_KB = 512;
