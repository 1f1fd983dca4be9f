import { CreateReceiptFilterCommand, SESClient } from "@aws-sdk/client-ses";

const ses = new SESClient({});

/** The range the spam run comes from. */
export const SPAM_RANGE = "203.0.113.0/24";
/** The partner's two mail servers, inside that range. */
export const PARTNER_SERVERS = ["203.0.113.50", "203.0.113.51"];

/** Blocks mail from SPAM_RANGE, except from the partner's servers. */
export async function protectInbox(): Promise<void> {
  await ses.send(new CreateReceiptFilterCommand({ Filter: { Name: "spam-run", IpFilter: { Policy: "Block", Cidr: SPAM_RANGE } } }));
  // An Allow filter wins over a Block filter that covers the same address. 203.0.113.50/31 is .50 and .51.
  await ses.send(new CreateReceiptFilterCommand({ Filter: { Name: "partner", IpFilter: { Policy: "Allow", Cidr: "203.0.113.50/31" } } }));
}
