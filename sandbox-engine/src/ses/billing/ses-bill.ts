/**
 * The SES bill of a sandbox run at list prices (https://aws.amazon.com/ses/pricing/, us-east-1): $0.10 per
 * 1,000 emails sent (each recipient is one email), $0.10 per 1,000 emails received, plus $0.09 per 1,000
 * incoming mail chunks of 256 KB. No free tier or attachment (per-GB) charges are counted.
 */
export const SES_PRICES = {
  perThousandSentUsd: 0.1,
  perThousandReceivedUsd: 0.1,
  perThousandChunksUsd: 0.09,
  source: "https://aws.amazon.com/ses/pricing/",
} as const;

export interface SesBillLine {
  readonly item: "emails sent" | "emails received" | "incoming mail chunks (256 KB)";
  readonly quantity: number;
  readonly costUsd: number;
}

export interface SesBill {
  readonly currency: "USD";
  readonly prices: typeof SES_PRICES;
  readonly lines: readonly SesBillLine[];
  readonly totalUsd: number;
}

export function sesBill(usage: { readonly sent: number; readonly received: number; readonly receivedChunks: number }): SesBill {
  const lines: SesBillLine[] = [
    { item: "emails sent", quantity: usage.sent, costUsd: (usage.sent / 1000) * SES_PRICES.perThousandSentUsd },
    { item: "emails received", quantity: usage.received, costUsd: (usage.received / 1000) * SES_PRICES.perThousandReceivedUsd },
    { item: "incoming mail chunks (256 KB)", quantity: usage.receivedChunks, costUsd: (usage.receivedChunks / 1000) * SES_PRICES.perThousandChunksUsd },
  ];
  return { currency: "USD", prices: SES_PRICES, lines, totalUsd: lines.reduce((sum, line) => sum + line.costUsd, 0) };
}
