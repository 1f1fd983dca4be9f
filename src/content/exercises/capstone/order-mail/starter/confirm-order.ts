import { SendEmailCommand, SESv2Client } from "@aws-sdk/client-sesv2";
import { mailed, SENDER, TEMPLATE, undeliverable } from "./mail-log";
import type { Order, SNSEvent, SQSBatchResponse, SQSEvent } from "./shop";

const ses = new SESv2Client({});

/**
 * Handler "confirm-order.handler", fed by the queue "order-mails"
 * (every order). Mail each customer ONE confirmation per order:
 * - skip an order that `mailed` already has; claim it ("in-progress")
 *   before you await SES, store the MessageId after;
 * - do not mail an address in `undeliverable` (it bounced before):
 *   mark the order "undeliverable" and move on;
 * - send with SES v2's SendEmailCommand, Content.Template with
 *   TemplateName TEMPLATE and TemplateData { orderId, total } (total
 *   with two decimals), from SENDER to order.email;
 * - if SES refuses, release the claim and report the record in
 *   batchItemFailures (SQS brings it back later).
 */
export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  const batchItemFailures: SQSBatchResponse["batchItemFailures"] = [];
  for (const record of event.Records) {
    const order = JSON.parse(record.body) as Order;
    // TODO: idempotency, bounced addresses, the templated mail.
  }
  return { batchItemFailures };
}

/**
 * Handler "confirm-order.handleBounce": SES's bounce notifications,
 * through SNS. Record every recipient of a Permanent bounce in
 * `undeliverable` (lower case). The notification is the JSON of
 * record.Sns.Message: { notificationType: "Bounce", bounce: {
 * bounceType, bouncedRecipients: [{ emailAddress }] }, mail }.
 */
export async function handleBounce(event: SNSEvent): Promise<void> {
  // TODO
}
