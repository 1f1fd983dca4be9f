// The shop's mailing list: who gets the newsletter. A fake that the
// tests fill and inspect. Read-only.

export type Status = "subscribed" | "bounced" | "complained";

export const customers = {
  byEmail: new Map<string, Status>(),
  /** Stops mailing `email`: its mails bounce for good, or its owner complained. */
  mark(email: string, status: Exclude<Status, "subscribed">): void {
    customers.byEmail.set(email.toLowerCase(), status);
  },
  /** The addresses still subscribed. */
  subscribed(): string[] {
    return [...customers.byEmail].filter(([, status]) => status === "subscribed").map(([email]) => email);
  },
  reset(entries: Record<string, Status> = {}): void {
    customers.byEmail = new Map(Object.entries(entries));
  },
};
