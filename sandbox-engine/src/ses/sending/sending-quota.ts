/**
 * Sending quotas on the virtual clock. Quotas count recipients, not messages: in the sandbox 200 per 24
 * hours and 1 per second (https://docs.aws.amazon.com/ses/latest/dg/request-production-access.html,
 * https://docs.aws.amazon.com/ses/latest/dg/quotas.html). Production access starts at 50,000 per day and
 * 14 per second in us-east-1; those figures vary by account and Region (we rely on the quotas page's
 * "starting" values).
 */
const DAY_MS = 24 * 60 * 60 * 1000;

export const SANDBOX_QUOTA = { max24HourSend: 200, maxSendRate: 1 } as const;
export const PRODUCTION_QUOTA = { max24HourSend: 50_000, maxSendRate: 14 } as const;

export type QuotaVerdict = "ok" | "rate" | "daily";

export interface SendingQuota {
  inSandbox: boolean;
  limits(): { readonly max24HourSend: number; readonly maxSendRate: number };
  sentLast24Hours(now: number): number;
  /** Checks and, when allowed, counts `recipients` sent at `now`. */
  take(now: number, recipients: number): QuotaVerdict;
}

export function createSendingQuota(): SendingQuota {
  /** [time, recipients], oldest first; entries older than a day are dropped as time passes. */
  const sends: Array<readonly [number, number]> = [];
  let head = 0;
  let inDay = 0;
  const prune = (now: number) => {
    while (head < sends.length && sends[head]![0] <= now - DAY_MS) inDay -= sends[head++]![1];
    if (head > 1024 && head * 2 > sends.length) sends.splice(0, head), (head = 0);
  };
  /** Recipients sent in the last second: the newest entries, read backwards. */
  const inLastSecond = (now: number) => {
    let sum = 0;
    for (let i = sends.length - 1; i >= head && sends[i]![0] > now - 1000; i--) sum += sends[i]![1];
    return sum;
  };
  const quota: SendingQuota = {
    inSandbox: true,
    limits: () => (quota.inSandbox ? SANDBOX_QUOTA : PRODUCTION_QUOTA),
    sentLast24Hours(now) {
      prune(now);
      return inDay;
    },
    take(now, recipients) {
      prune(now);
      const { max24HourSend, maxSendRate } = quota.limits();
      if (inDay + recipients > max24HourSend) return "daily";
      // The rate is per second: recipients sent in the last 1,000 ms plus these may not exceed it.
      if (inLastSecond(now) + recipients > maxSendRate) return "rate";
      sends.push([now, recipients]);
      inDay += recipients;
      return "ok";
    },
  };
  return quota;
}
