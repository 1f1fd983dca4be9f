// The services the signup function talks to. In production they
// would be an email API and a CRM; here they are simple fakes
// that the tests can inspect (and break).

export interface SentEmail {
  to: string;
  template: string;
  /** The idempotency key the sender passed, if any. */
  key: string | undefined;
}

export const mailer = {
  sent: [] as SentEmail[],
  /** Sends an email (it cannot be unsent). */
  async send(to: string, template: string, key?: string): Promise<void> {
    mailer.sent.push({ to, template, key });
  },
  /** True if an email was already sent with this key. */
  hasSent(key: string): boolean {
    return mailer.sent.some((email) => email.key === key);
  },
};

export const crm = {
  contacts: new Map<string, string>(),
  /** The next this many calls fail, as during an outage. */
  failuresLeft: 0,
  /** Adds or updates a contact: safe to repeat. */
  async upsertContact(userId: string, email: string): Promise<void> {
    if (crm.failuresLeft > 0) {
      crm.failuresLeft--;
      throw new Error("CRM unavailable (HTTP 503)");
    }
    crm.contacts.set(userId, email);
  },
};

export function resetServices(): void {
  mailer.sent.length = 0;
  crm.contacts.clear();
  crm.failuresLeft = 0;
}
