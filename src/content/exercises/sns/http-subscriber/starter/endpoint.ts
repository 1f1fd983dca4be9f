import { SNSClient, SubscribeCommand, ConfirmSubscriptionCommand } from "@aws-sdk/client-sns";
import type { WorldHttpRequest } from "sandbox-engine";

const sns = new SNSClient({});

export interface Received {
  messageId: string;
  subject: string | undefined;
  /** What the publisher sent: the envelope's Message. */
  message: string;
}

/** What the endpoint has received (the partner's "database"). */
export const inbox: Received[] = [];

/** Subscribes the endpoint at `url` (an https:// URL) to the topic. */
export async function subscribeEndpoint(topicArn: string, url: string): Promise<void> {
  await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: "https", Endpoint: url }));
}

/**
 * Handles one POST from SNS and returns the HTTP status to answer.
 * 2xx tells SNS the delivery worked.
 */
export async function handleRequest(request: WorldHttpRequest): Promise<number> {
  const type = request.headers["x-amz-sns-message-type"];
  const doc = JSON.parse(request.body);
  if (type === "SubscriptionConfirmation") {
    // TODO 1: confirm the subscription with the Token and TopicArn
    //   from the body (ConfirmSubscriptionCommand).
    return 200;
  }
  if (type === "Notification") {
    // TODO 2: store what the publisher sent (doc.Message), and the
    //   Subject. TODO 3: SNS may deliver the same notification twice
    //   (same MessageId): store it once.
    inbox.push({ messageId: doc.MessageId, subject: undefined, message: request.body });
    return 200;
  }
  return 400;
}
