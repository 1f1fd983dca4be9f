import { SNSClient, SubscribeCommand, ConfirmSubscriptionCommand } from "@aws-sdk/client-sns";
import type { WorldHttpRequest } from "sandbox-engine";

const sns = new SNSClient({});

export interface Received {
  messageId: string;
  subject: string | undefined;
  message: string;
}

export const inbox: Received[] = [];

export async function subscribeEndpoint(topicArn: string, url: string): Promise<void> {
  await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: "https", Endpoint: url }));
}

export async function handleRequest(request: WorldHttpRequest): Promise<number> {
  const type = request.headers["x-amz-sns-message-type"];
  const doc = JSON.parse(request.body);
  if (type === "SubscriptionConfirmation") {
    // Prove we own the endpoint: hand the token back to SNS.
    await sns.send(new ConfirmSubscriptionCommand({ TopicArn: doc.TopicArn, Token: doc.Token }));
    return 200;
  }
  if (type === "Notification") {
    // At-least-once delivery: a repeat has the same MessageId.
    if (!inbox.some((entry) => entry.messageId === doc.MessageId)) {
      inbox.push({ messageId: doc.MessageId, subject: doc.Subject, message: doc.Message });
    }
    return 200;
  }
  return 400;
}
