import { PutSuppressedDestinationCommand, SendEmailCommand, SESv2Client } from "@aws-sdk/client-sesv2";

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

/** Mail written by a machine (RFC 3834): answering it could start a loop. */
function sentAutomatically(headers: { name: string; value: string }[]): boolean {
  const header = headers.find((entry) => entry.name.toLowerCase() === "auto-submitted");
  return header !== undefined && header.value.trim().toLowerCase() !== "no";
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
    const sender = record.ses.mail.source;
    // Reply first: once the address is suppressed, SES would drop the reply too.
    if (!sentAutomatically(record.ses.mail.headers)) {
      await ses.send(
        new SendEmailCommand({
          FromEmailAddress: SENDER,
          Destination: { ToAddresses: [sender] },
          Content: {
            Simple: {
              Subject: { Data: "You are unsubscribed" },
              Body: { Text: { Data: "You will get no more mail from the shop's newsletter." } },
            },
          },
        }),
      );
    }
    await ses.send(new PutSuppressedDestinationCommand({ EmailAddress: sender, Reason: "COMPLAINT" }));
  }
}
