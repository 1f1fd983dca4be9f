/**
 * A published message and the documents SNS builds from it for each protocol:
 * - the JSON notification delivered to SQS, HTTP/S and email-json (keys Type, MessageId, TopicArn,
 *   Subject?, Message, Timestamp, SignatureVersion, Signature, SigningCertURL, UnsubscribeURL,
 *   MessageAttributes? - AWS-FACTS C.3 item 15; https://docs.aws.amazon.com/sns/latest/dg/http-notification-json.html);
 * - the Lambda event (SigningCertUrl / UnsubscribeUrl, Subject null, MessageAttributes {} -
 *   AWS-FACTS C.3 item 15; https://docs.aws.amazon.com/lambda/latest/dg/with-sns.html);
 * - the SubscriptionConfirmation (http-subscription-confirmation-json.html).
 * Signatures are fake (random base64 of an RSA-2048 signature's length): nothing in the sandbox verifies them.
 */
import type { FilterInput } from "../filter-policy/index.ts";
import type { Protocol, SnsContext, SubscriptionState, TopicState } from "../sns-context.ts";

export interface PublishedAttribute {
  readonly type: string;
  /** String form (Binary: base64). */
  readonly value: string;
  readonly binary?: Uint8Array;
}

export interface PublishedMessage {
  readonly messageId: string;
  readonly topic: TopicState;
  readonly subject: string | undefined;
  readonly message: string;
  /** MessageStructure "json": protocol -> message, always with "default". */
  readonly perProtocol: Readonly<Record<string, string>> | undefined;
  readonly attributes: ReadonlyMap<string, PublishedAttribute>;
  readonly timestamp: number;
  readonly groupId: string | undefined;
  readonly deduplicationId: string | undefined;
  readonly sequenceNumber: string | undefined;
  readonly filterInput: FilterInput;
}

/** The text a subscriber of `protocol` gets: its own entry with MessageStructure "json", else "default". */
export function messageFor(message: PublishedMessage, protocol: Protocol): string {
  if (message.perProtocol === undefined) return message.message;
  return message.perProtocol[protocol] ?? message.perProtocol["default"]!;
}

export function isoTime(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

export function signature(ctx: SnsContext): string {
  // 256 bytes -> 344 base64 characters, like a real SignatureVersion 1 signature.
  const bytes = new Uint8Array(256);
  for (let i = 0; i < 256; i += 4) {
    const word = Math.floor(ctx.signatureRandom.next() * 4294967296);
    bytes[i] = word & 255;
    bytes[i + 1] = (word >>> 8) & 255;
    bytes[i + 2] = (word >>> 16) & 255;
    bytes[i + 3] = word >>> 24;
  }
  let text = "";
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}

export function unsubscribeUrl(ctx: SnsContext, subscriptionArn: string): string {
  return `https://sns.${ctx.region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${subscriptionArn}`;
}

export function subscribeUrl(ctx: SnsContext, topicArn: string, token: string): string {
  return `https://sns.${ctx.region}.amazonaws.com/?Action=ConfirmSubscription&TopicArn=${topicArn}&Token=${token}`;
}

/** One fake signature per message, shared by its deliveries (nothing verifies it; saves work on fan-out). */
const signatures = new WeakMap<PublishedMessage, string>();
function signatureOf(ctx: SnsContext, message: PublishedMessage): string {
  let value = signatures.get(message);
  if (value === undefined) signatures.set(message, (value = signature(ctx)));
  return value;
}

function attributesJson(message: PublishedMessage): Record<string, { Type: string; Value: string }> {
  const out: Record<string, { Type: string; Value: string }> = {};
  for (const [name, attribute] of message.attributes) out[name] = { Type: attribute.type, Value: attribute.value };
  return out;
}

/** The notification document (SQS, HTTP/S, email-json, and the subscription DLQ). */
export function notificationJson(ctx: SnsContext, message: PublishedMessage, subscription: SubscriptionState): string {
  const doc: Record<string, unknown> = {
    Type: "Notification",
    MessageId: message.messageId,
  };
  // FIFO notifications carry the sequence number after the MessageId, and no signature fields (AWS-recorded:
  // LocalStack's test_message_to_fifo_sqs snapshot: Type, MessageId, SequenceNumber, TopicArn, Message,
  // Timestamp, UnsubscribeURL).
  if (message.sequenceNumber !== undefined) doc["SequenceNumber"] = message.sequenceNumber;
  doc["TopicArn"] = message.topic.arn;
  if (message.subject !== undefined) doc["Subject"] = message.subject;
  doc["Message"] = messageFor(message, subscription.protocol);
  doc["Timestamp"] = isoTime(message.timestamp);
  if (!message.topic.fifo) {
    doc["SignatureVersion"] = "1";
    doc["Signature"] = signatureOf(ctx, message);
    doc["SigningCertURL"] = ctx.signingCertUrl;
  }
  doc["UnsubscribeURL"] = unsubscribeUrl(ctx, subscription.arn);
  if (message.attributes.size > 0) doc["MessageAttributes"] = attributesJson(message);
  return JSON.stringify(doc);
}

/** The SNSEvent a subscribed Lambda function receives (one record per invocation). */
export function lambdaEvent(ctx: SnsContext, message: PublishedMessage, subscription: SubscriptionState): unknown {
  return {
    Records: [
      {
        EventVersion: "1.0",
        EventSubscriptionArn: subscription.arn,
        EventSource: "aws:sns",
        Sns: {
          SignatureVersion: "1",
          Timestamp: isoTime(message.timestamp),
          Signature: signatureOf(ctx, message),
          SigningCertUrl: ctx.signingCertUrl,
          MessageId: message.messageId,
          Message: messageFor(message, "lambda"),
          MessageAttributes: attributesJson(message),
          Type: "Notification",
          UnsubscribeUrl: unsubscribeUrl(ctx, subscription.arn),
          TopicArn: message.topic.arn,
          Subject: message.subject ?? null,
        },
      },
    ],
  };
}

export function confirmationJson(ctx: SnsContext, topic: TopicState, token: string, messageId: string): string {
  return JSON.stringify({
    Type: "SubscriptionConfirmation",
    MessageId: messageId,
    Token: token,
    TopicArn: topic.arn,
    Message: `You have chosen to subscribe to the topic ${topic.arn}.\nTo confirm the subscription, visit the SubscribeURL included in this message.`,
    SubscribeURL: subscribeUrl(ctx, topic.arn, token),
    Timestamp: isoTime(ctx.clock.now()),
    SignatureVersion: "1",
    Signature: signature(ctx),
    SigningCertURL: ctx.signingCertUrl,
  });
}
