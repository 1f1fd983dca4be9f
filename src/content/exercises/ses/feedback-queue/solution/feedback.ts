import { SendEmailCommand, SESClient, SetIdentityNotificationTopicCommand } from "@aws-sdk/client-ses";
import { ListSuppressedDestinationsCommand, SESv2Client } from "@aws-sdk/client-sesv2";
import { DeleteMessageCommand, ReceiveMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import { customers } from "./customers";

const ses = new SESClient({});
const sesv2 = new SESv2Client({});
const sqs = new SQSClient({});

export const SENDER = "news@shop.example";

/** Sends the bounces and complaints of mail from `identity` to the topic `topicArn`. */
export async function routeFeedback(identity: string, topicArn: string): Promise<void> {
  for (const NotificationType of ["Bounce", "Complaint"] as const) {
    await ses.send(new SetIdentityNotificationTopicCommand({ Identity: identity, NotificationType, SnsTopic: topicArn }));
  }
}

interface SesNotification {
  notificationType: "Bounce" | "Complaint" | "Delivery";
  bounce?: { bounceType: "Permanent" | "Transient" | "Undetermined"; bouncedRecipients: { emailAddress: string }[] };
  complaint?: { complainedRecipients: { emailAddress: string }[] };
}

/**
 * Drains the feedback queue: marks each address that bounced for good
 * ("bounced") or complained ("complained"), and deletes what it handled.
 */
export async function processFeedback(queueUrl: string): Promise<void> {
  for (;;) {
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10 }));
    if (Messages.length === 0) return;
    for (const message of Messages) {
      const notification = JSON.parse(JSON.parse(message.Body!).Message) as SesNotification;
      if (notification.notificationType === "Bounce" && notification.bounce?.bounceType === "Permanent") {
        for (const { emailAddress } of notification.bounce.bouncedRecipients) customers.mark(emailAddress, "bounced");
      }
      if (notification.notificationType === "Complaint") {
        for (const { emailAddress } of notification.complaint?.complainedRecipients ?? []) customers.mark(emailAddress, "complained");
      }
      await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle! }));
    }
  }
}

/** Sends this week's newsletter, one mail per subscribed customer. */
export async function sendNewsletter(): Promise<void> {
  const { SuppressedDestinationSummaries = [] } = await sesv2.send(new ListSuppressedDestinationsCommand({}));
  const suppressed = new Set(SuppressedDestinationSummaries.map((entry) => entry.EmailAddress!.toLowerCase()));
  for (const email of customers.subscribed()) {
    if (suppressed.has(email.toLowerCase())) continue;
    await ses.send(
      new SendEmailCommand({
        Source: SENDER,
        Destination: { ToAddresses: [email] },
        Message: { Subject: { Data: "This week at the shop" }, Body: { Text: { Data: "New arrivals!" } } },
      }),
    );
  }
}
