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
  /** [time, recipients], oldest first; entries older than a day are dropped. */
  const sends: Array<readonly [number, number]> = [];
  const prune = (now: number) => {
    while (sends.length > 0 && sends[0]![0] <= now - DAY_MS) sends.shift();
  };
  const within = (now: number, ms: number) => sends.reduce((sum, [time, count]) => (time > now - ms ? sum + count : sum), 0);
  const quota: SendingQuota = {
    inSandbox: true,
    limits: () => (quota.inSandbox ? SANDBOX_QUOTA : PRODUCTION_QUOTA),
    sentLast24Hours(now) {
      prune(now);
      return within(now, DAY_MS);
    },
    take(now, recipients) {
      prune(now);
      const { max24HourSend, maxSendRate } = quota.limits();
      if (within(now, DAY_MS) + recipients > max24HourSend) return "daily";
      // The rate is per second: recipients sent in the last 1,000 ms plus these may not exceed it.
      if (within(now, 1000) + recipients > maxSendRate) return "rate";
      sends.push([now, recipients]);
      return "ok";
    },
  };
  return quota;
}
