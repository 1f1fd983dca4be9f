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

export function sqsRequestsPerOrder(eventKb: number): number {
  const chunks = Math.max(1, Math.ceil(eventKb / SQS_CHUNK_KB));
  return 2 * chunks + 1; // send + receive carry the event; delete does not
}

export interface ServerlessBill {
  lambdaRequestsUsd: number;
  lambdaComputeUsd: number;
  sqsUsd: number;
  totalUsd: number;
}

export function serverlessMonthlyCost(profile: TrafficProfile): ServerlessBill {
  const orders = profile.ordersPerMonth;
  const gbSecondsPerOrder = (profile.fn.memoryMb / 1024) * (profile.fn.durationMs / 1000);
  const lambdaRequestsUsd = orders * LAMBDA_USD_PER_REQUEST;
  const lambdaComputeUsd = orders * gbSecondsPerOrder * LAMBDA_USD_PER_GB_SECOND;
  const sqsUsd = orders * sqsRequestsPerOrder(profile.eventKb) * SQS_USD_PER_REQUEST;
  return { lambdaRequestsUsd, lambdaComputeUsd, sqsUsd, totalUsd: lambdaRequestsUsd + lambdaComputeUsd + sqsUsd };
}

export interface AlwaysOnBill {
  instances: number;
  totalUsd: number;
}

export function alwaysOnMonthlyCost(profile: TrafficProfile, instance: Instance): AlwaysOnBill {
  // Sized for the busiest second, paid for every hour.
  const instances = Math.max(MIN_INSTANCES, Math.ceil(profile.peakOrdersPerSecond / instance.ordersPerSecond));
  return { instances, totalUsd: instances * instance.hourlyUsd * HOURS_PER_MONTH };
}

export function breakEvenOrdersPerMonth(profile: TrafficProfile, instance: Instance): number {
  const perOrderUsd = serverlessMonthlyCost({ ...profile, ordersPerMonth: 1 }).totalUsd;
  return alwaysOnMonthlyCost(profile, instance).totalUsd / perOrderUsd;
}

export function chooseHosting(profile: TrafficProfile, instance: Instance): Hosting {
  if (profile.fn.durationMs > LAMBDA_MAX_SECONDS * 1000) return "always-on"; // Lambda stops it at 15 minutes
  return serverlessMonthlyCost(profile).totalUsd <= alwaysOnMonthlyCost(profile, instance).totalUsd ? "serverless" : "always-on";
}
