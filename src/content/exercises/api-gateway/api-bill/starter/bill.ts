import { HTTP_METERING_STEP_KB, requestTiers, type ApiType } from "./prices";

/**
 * How many requests AWS bills for `requests` requests of `payloadKb` KB each: an HTTP API
 * meters each request in 512 KB steps (513 KB counts twice); a REST API counts each once.
 */
export function meteredRequests(type: ApiType, requests: number, payloadKb: number): number {
  // TODO 1
  return requests;
}

/** The month's request charge in USD, with the volume tiers of `requestTiers`. */
export function monthlyCost(type: ApiType, requestsPerMonth: number, payloadKb: number): number {
  // TODO 2: walk the tiers.
  return (meteredRequests(type, requestsPerMonth, payloadKb) / 1_000_000) * 3.5;
}
