import { SendEmailCommand, SESv2Client } from "@aws-sdk/client-sesv2";
import { mailed, SENDER, TEMPLATE, undeliverable } from "./mail-log";
import type { Order, SNSEvent, SQSBatchResponse, SQSEvent } from "./shop";

const ses = new SESv2Client({});

/** Handler "confirm-order.handler": one confirmation mail per order, never to an address that bounced. */
export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  const batchItemFailures: SQSBatchResponse["batchItemFailures"] = [];
  for (const record of event.Records) {
    const order = JSON.parse(record.body) as Order;
    if (mailed.has(order.orderId)) continue; // mailed before, or being mailed now: a duplicate
    if (undeliverable.has(order.email.toLowerCase())) {
      mailed.set(order.orderId, "undeliverable");
      continue;
    }
    mailed.set(order.orderId, "in-progress"); // the claim, before the first await
    try {
      const { MessageId } = await ses.send(
        new SendEmailCommand({
          FromEmailAddress: SENDER,
          Destination: { ToAddresses: [order.email] },
          Content: { Template: { TemplateName: TEMPLATE, TemplateData: JSON.stringify({ orderId: order.orderId, total: order.total.toFixed(2) }) } },
        }),
      );
      mailed.set(order.orderId, MessageId!);
    } catch {
      mailed.delete(order.orderId);
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}

interface BounceNotification {
  notificationType: string;
  bounce?: { bounceType: string; bouncedRecipients: { emailAddress: string }[] };
}

/** Handler "confirm-order.handleBounce": remembers every address that bounced for good. */
export async function handleBounce(event: SNSEvent): Promise<void> {
  for (const record of event.Records) {
    const notification = JSON.parse(record.Sns.Message) as BounceNotification;
    // A transient bounce (a full mailbox) may work next time; only a permanent one means "never again".
    if (notification.notificationType !== "Bounce" || notification.bounce?.bounceType !== "Permanent") continue;
    for (const recipient of notification.bounce.bouncedRecipients) undeliverable.add(recipient.emailAddress.toLowerCase());
  }
}
