// The function "open-ticket": opens a ticket for each mail SES hands it.
// Read-only.

/** The SES event, the fields used here (as in @types/aws-lambda's SESEvent). */
export interface SesEvent {
  Records: {
    eventSource: "aws:ses";
    ses: {
      mail: { messageId: string; source: string; commonHeaders: { subject?: string } };
      receipt: { recipients: string[] };
    };
  }[];
}

export const tickets: { from: string; subject: string }[] = [];

export async function handler(event: SesEvent): Promise<void> {
  for (const record of event.Records) {
    tickets.push({ from: record.ses.mail.source, subject: record.ses.mail.commonHeaders.subject ?? "" });
  }
}
