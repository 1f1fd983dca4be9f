import { SESv2Client } from "@aws-sdk/client-sesv2";

const ses = new SESv2Client({});

export const SENDER = "news@shop.example";

/** The SES event, the fields used here (as in @types/aws-lambda's SESEvent). */
export interface SesEvent {
  Records: {
    ses: {
      mail: { messageId: string; source: string; headers: { name: string; value: string }[] };
      receipt: { recipients: string[] };
    };
  }[];
}

/**
 * Handler "unsubscribe.handler", invoked (Event) by the receipt rule for
 * unsubscribe@shop.example. For each mail:
 * - reply to the sender from SENDER that they are unsubscribed, unless
 *   the mail was sent automatically (an Auto-Submitted header, not "no");
 * - put the sender on the account suppression list.
 */
export async function handler(event: SesEvent): Promise<void> {
  for (const record of event.Records) {
    // TODO: reply, then suppress the sender.
    console.log("unsubscribe request from", record.ses.mail.source);
  }
}
