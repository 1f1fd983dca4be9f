import {
  HOURS_PER_MONTH,
  LAMBDA_MAX_SECONDS,
  LAMBDA_USD_PER_GB_SECOND,
  LAMBDA_USD_PER_REQUEST,
  MIN_INSTANCES,
  SQS_CHUNK_KB,
  SQS_USD_PER_REQUEST,
  type Hosting,
  type Instance,
  type TrafficProfile,
} from "./pricing";

/**
 * The SQS requests one order costs: the shop sends the event
 * (SendMessage), Lambda receives it (ReceiveMessage) and deletes
 * it (DeleteMessage). The send and the receive carry the event,
 * and each 64 KB chunk of it counts as one request; the delete
 * carries only a receipt handle: 1 request.
 */
export function sqsRequestsPerOrder(eventKb: number): number {
  // TODO 1: 2 x the number of 64 KB chunks (round up), + 1.
  return 3;
}

export interface ServerlessBill {
  lambdaRequestsUsd: number;
  lambdaComputeUsd: number;
  sqsUsd: number;
  totalUsd: number;
}

/** A month on Lambda + SQS: every line grows with the orders, none is paid while idle. */
export function serverlessMonthlyCost(profile: TrafficProfile): ServerlessBill {
  // TODO 2:
  //   lambdaRequestsUsd = orders x LAMBDA_USD_PER_REQUEST
  //   lambdaComputeUsd  = orders x GB x seconds x LAMBDA_USD_PER_GB_SECOND
  //                       (GB = memoryMb / 1024, seconds = durationMs / 1000)
  //   sqsUsd            = orders x sqsRequestsPerOrder x SQS_USD_PER_REQUEST
  return { lambdaRequestsUsd: 0, lambdaComputeUsd: 0, sqsUsd: 0, totalUsd: 0 };
}

export interface AlwaysOnBill {
  instances: number;
  totalUsd: number;
}

/**
 * A month on always-on servers: enough instances for the peak
 * (round up), never fewer than MIN_INSTANCES, each paid every
 * hour of the month, busy or idle.
 */
export function alwaysOnMonthlyCost(profile: TrafficProfile, instance: Instance): AlwaysOnBill {
  // TODO 3
  return { instances: 1, totalUsd: instance.hourlyUsd * HOURS_PER_MONTH };
}

/**
 * The orders per month at which Lambda + SQS costs as much as the
 * fleet this profile needs. Same kind of order (size, memory,
 * duration), so the serverless cost per order stays the same.
 */
export function breakEvenOrdersPerMonth(profile: TrafficProfile, instance: Instance): number {
  // TODO 4: the fleet's monthly cost / the serverless cost per order.
  return 0;
}

/**
 * Where should this workload run? Work that runs longer than
 * Lambda allows cannot run there at any price; otherwise pick the
 * cheaper one (serverless when they cost the same).
 */
export function chooseHosting(profile: TrafficProfile, instance: Instance): Hosting {
  // TODO 5
  return "serverless";
}
