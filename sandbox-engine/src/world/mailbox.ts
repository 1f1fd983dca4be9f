/** The simulated mail servers: every email a service sends lands in the recipient's mailbox. */

/** One email as a mailbox holds it. */
export interface WorldMail {
  readonly from: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string | undefined;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly messageId: string;
  /** Virtual epoch ms. */
  readonly receivedAt: number;
}

export interface Mailboxes {
  /** The mail `address` received (case-insensitive), oldest first, newest last. */
  mailbox(address: string): readonly WorldMail[];
  /** Engine-internal: delivers a mail to every address in to and cc. */
  send(mail: WorldMail): void;
  /** Engine-internal: delivers a mail to these addresses only (SES: Bcc, and recipients that did not bounce). */
  sendTo(addresses: readonly string[], mail: WorldMail): void;
}

export function createMailboxes(): Mailboxes {
  const boxes = new Map<string, WorldMail[]>();
  return {
    mailbox(address) {
      if (typeof address !== "string") throw new TypeError(`world.mailbox needs an email address, got ${String(address)}`);
      return [...(boxes.get(address.toLowerCase()) ?? [])];
    },
    send(mail) {
      this.sendTo([...mail.to, ...mail.cc], mail);
    },
    sendTo(addresses, mail) {
      const frozen = Object.freeze({ ...mail, to: Object.freeze([...mail.to]), cc: Object.freeze([...mail.cc]), headers: Object.freeze({ ...mail.headers }) });
      for (const address of new Set(addresses.map((item) => item.toLowerCase()))) {
        let box = boxes.get(address);
        if (box === undefined) boxes.set(address, (box = []));
        box.push(frozen);
      }
    },
  };
}
