import { SendEmailCommand, SESClient } from "@aws-sdk/client-ses";
import { SESv2Client } from "@aws-sdk/client-sesv2";
import { SQSClient, ReceiveMessageCommand } from "@aws-sdk/client-sqs";
import { customers } from "./customers";

const ses = new SESClient({});
const sesv2 = new SESv2Client({});
const sqs = new SQSClient({});

export const SENDER = "news@shop.example";

/** Sends the bounces and complaints of mail from `identity` to the topic `topicArn`. */
export async function routeFeedback(identity: string, topicArn: string): Promise<void> {
  // TODO 1: one notification topic for bounces, one for complaints
  //   (the same topic for both).
}

/**
 * Drains the feedback queue: marks each address that bounced for good
 * ("bounced") or complained ("complained"), and deletes what it handled.
 */
export async function processFeedback(queueUrl: string): Promise<void> {
  const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10 }));
  for (const message of Messages) {
    // TODO 2: read SES's notification out of the SNS envelope, mark the
    //   addresses, delete the message. Keep receiving until the queue is empty.
  }
}

/** Sends this week's newsletter, one mail per subscribed customer. */
export async function sendNewsletter(): Promise<void> {
  for (const email of customers.subscribed()) {
    // TODO 3: skip addresses on the account suppression list.
    await ses.send(
      new SendEmailCommand({
        Source: SENDER,
        Destination: { ToAddresses: [email] },
        Message: { Subject: { Data: "This week at the shop" }, Body: { Text: { Data: "New arrivals!" } } },
      }),
    );
  }
}
