/**
 * What every send operation (v1 SendEmail/SendRawEmail/SendTemplatedEmail/SendBulkTemplatedEmail, v2
 * SendEmail) does once its input is read: AWS's checks in order, then delivery to each recipient.
 *
 * Checks (https://docs.aws.amazon.com/ses/latest/dg/quotas.html, .../request-production-access.html):
 * at most 50 recipients (To + Cc + Bcc); the size limit (10 MB v1, 40 MB v2); the configuration set exists;
 * the From/Source/Return-Path identity is verified (in and out of the sandbox); in the sandbox every
 * recipient is verified or a mailbox simulator address; then the quotas, counted in recipients.
 * Texts: "Email address is not verified. The following identities failed the check in region US-EAST-1: …",
 * "Maximum sending rate exceeded.", "Daily message quota exceeded." and "Message length is more than … bytes
 * long" are AWS's (seen in SES error responses); "Recipient count exceeds 50." as InvalidParameterValue is
 * SES v1's answer as we understand it (AWS-FACTS D.21 marks the wording UNVERIFIED; moto says MessageRejected).
 *
 * Delivery: a suppressed address is accepted and not delivered (a Bounce, subtype
 * OnAccountSuppressionList, https://docs.aws.amazon.com/ses/latest/dg/sending-email-suppression-list.html);
 * the mailbox simulator answers as documented; anyone else gets the mail in sb.world.mailbox.
 * Decision: simulator bounces and complaints do not add the simulator address to the account suppression list
 * (AWS says simulator mail does not count toward bounce and complaint metrics; we read the suppression list the
 * same way, so bounce@ keeps bouncing rather than turning into suppressed sends).
 */
import { fail, ok } from "../../core/outcome.ts";
import type { WorldMail } from "../../world/world.ts";
import { addressList } from "../mime.ts";
import { isSimulator, isVerified, SIMULATOR_DOMAIN, type SesContext } from "../ses-context.ts";
import { invalidValue, messageRejected, type SesOutcome } from "../ses-faults.ts";
import { identityOf, publishEvent, sendFeedback, type SentMail } from "./feedback.ts";
import { renderTemplatePart } from "./template-render.ts";

export const MAX_RECIPIENTS = 50;
export const MAX_MESSAGE_BYTES = { v1: 10 * 1024 * 1024, v2: 40 * 1024 * 1024 } as const;

export interface OutgoingMail {
  readonly source: string;
  readonly sourceAddress: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly bcc: readonly string[];
  readonly replyTo: readonly string[];
  readonly returnPath: string | undefined;
  readonly subject: string;
  readonly text: string | undefined;
  readonly html: string | undefined;
  /** Extra headers (SendRawEmail), in order. */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly sizeBytes: number;
  readonly configurationSet: string | undefined;
  readonly tags: Readonly<Record<string, readonly string[]>>;
  /** Templated sends: rendered at delivery; a missing value is a Rendering Failure. */
  readonly template?: { readonly name: string; readonly data: Record<string, unknown> } | undefined;
}

export type ApiVersion = keyof typeof MAX_MESSAGE_BYTES;

/** Checks a message as AWS does before accepting it; the id of the accepted message. */
export function checkAndSend(ctx: SesContext, mail: OutgoingMail, version: ApiVersion): SesOutcome<{ MessageId: string }> {
  const recipients = [...mail.to, ...mail.cc, ...mail.bcc];
  if (recipients.length > MAX_RECIPIENTS) return invalidValue("Recipient count exceeds 50.", "Split the recipients over several sends (at most 50 per message, To + Cc + Bcc).");
  if (mail.sizeBytes > MAX_MESSAGE_BYTES[version]) return messageRejected(`Message length is more than ${MAX_MESSAGE_BYTES[version]} bytes long: '${mail.sizeBytes}'.`);
  if (mail.configurationSet !== undefined && !ctx.configurationSets.has(mail.configurationSet)) {
    return fail("ConfigurationSetDoesNotExistException", `Configuration set <${mail.configurationSet}> does not exist.`, { queryCode: "ConfigurationSetDoesNotExist" });
  }
  const senders = [mail.sourceAddress, ...(mail.returnPath === undefined ? [] : [mail.returnPath])];
  const unverifiedSenders = senders.filter((address) => !isVerified(ctx, address));
  if (unverifiedSenders.length > 0) return notVerified(ctx, unverifiedSenders, "Verify the sender first: VerifyEmailIdentity, then follow the link in its mailbox (or sb.ses.verify).");
  if (ctx.quota.inSandbox) {
    const unverified = recipients.filter((address) => !isSimulator(address) && !isVerified(ctx, address));
    if (unverified.length > 0) return notVerified(ctx, unverified, "In the sandbox you can send only to verified identities and the mailbox simulator (or call sb.ses.leaveSandbox()).");
  }
  // Mail to the mailbox simulator does not count toward the quotas (send-an-email-from-console.html#send-email-simulator).
  const counted = recipients.filter((address) => !isSimulator(address)).length;
  const verdict = counted === 0 ? "ok" : ctx.quota.take(ctx.clock.now(), counted);
  if (verdict === "rate") return fail("Throttling", "Maximum sending rate exceeded.", { hint: `The quota is ${ctx.quota.limits().maxSendRate} recipient(s) per second: wait a second between sends.` });
  if (verdict === "daily") return fail("Throttling", "Daily message quota exceeded.", { hint: `The quota is ${ctx.quota.limits().max24HourSend} recipients per 24 hours.` });
  const messageId = `010001${ctx.random.hex(10)}-${ctx.random.uuid()}-000000`;
  ctx.usage.sent += recipients.length;
  const cause = ctx.trace.record("ses", "send", mail.sourceAddress, { messageId, recipients: recipients.length, subject: mail.subject, template: mail.template?.name ?? null }).seq;
  deliver(ctx, mail, messageId, cause);
  return ok({ MessageId: messageId });
}

function notVerified(ctx: SesContext, addresses: readonly string[], hint: string) {
  return messageRejected(`Email address is not verified. The following identities failed the check in region ${ctx.region.toUpperCase()}: ${addresses.join(", ")}`, hint);
}

function deliver(ctx: SesContext, mail: OutgoingMail, messageId: string, cause: number): void {
  const now = ctx.clock.now();
  const destination = [...mail.to, ...mail.cc, ...mail.bcc];
  const headers: Array<readonly [string, string]> = [
    ["From", mail.source],
    ...(mail.to.length > 0 ? [["To", mail.to.join(", ")] as const] : []),
    ...(mail.cc.length > 0 ? [["Cc", mail.cc.join(", ")] as const] : []),
    ...(mail.replyTo.length > 0 ? [["Reply-To", mail.replyTo.join(", ")] as const] : []),
    ["Subject", mail.subject],
    ["Message-ID", `<${messageId}@email.amazonses.com>`],
    ["Date", new Date(now).toUTCString()],
    ...mail.headers.filter(([name]) => !/^(from|to|cc|bcc|subject|message-id|date|reply-to)$/i.test(name)),
  ];
  const sent: SentMail = {
    messageId,
    source: mail.source,
    sourceAddress: mail.sourceAddress,
    destination,
    subject: mail.subject,
    from: [mail.source],
    to: [...mail.to],
    headers,
    timestamp: now,
    configurationSet: mail.configurationSet,
    tags: mail.tags,
    cause,
  };
  publishEvent(ctx, sent, "send", "Send", "send", {});
  let { subject, text, html } = mail;
  if (mail.template !== undefined) {
    const rendered = [subject, text, html].map((part) => (part === undefined ? undefined : renderTemplatePart(part, mail.template!.data)));
    const failed = rendered.find((part) => part !== undefined && !part.ok);
    if (failed !== undefined && !failed.ok) {
      const errorMessage = `Attribute '${failed.missing}' is not present in the rendering data.`;
      ctx.trace.record("ses", "rendering-failure", mail.sourceAddress, { messageId, template: mail.template.name, reason: errorMessage }, cause);
      publishEvent(ctx, sent, "renderingFailure", "Rendering Failure", "failure", { errorMessage, templateName: mail.template.name });
      return;
    }
    [subject, text, html] = rendered.map((part) => (part !== undefined && part.ok ? part.text : undefined)) as [string, string | undefined, string | undefined];
  }
  const worldMail: WorldMail = {
    from: mail.source,
    to: [...mail.to],
    cc: [...mail.cc],
    subject,
    text: text ?? "",
    html,
    headers: Object.fromEntries(headers.map(([name, value]) => [name.toLowerCase(), name === "Subject" ? subject : value])),
    messageId,
    receivedAt: now,
  };
  const delivered: string[] = [];
  const bounced: Array<{ address: string; subType: string }> = [];
  const complained: string[] = [];
  for (const address of destination) {
    const lower = address.toLowerCase();
    const local = lower.slice(0, lower.lastIndexOf("@"));
    const suppressed = ctx.suppressed.get(lower);
    if (suppressed !== undefined) {
      ctx.trace.record("ses", "suppressed", address, { messageId, reason: suppressed.reason }, cause);
      bounced.push({ address, subType: "OnAccountSuppressionList" });
      continue;
    }
    const simulated = isSimulator(address) ? local : ctx.recipientBehaviour.get(lower);
    if (simulated === "bounce" || simulated === "suppressionlist") {
      if (ctx.injectedBounces.has(lower)) ctx.trace.record("ses", "fault", address, { messageId, fault: "bounce" }, cause);
      bounced.push({ address, subType: simulated === "bounce" ? "General" : "Suppressed" });
      if (!isSimulator(address)) addSuppression(ctx, lower, "BOUNCE");
      continue;
    }
    ctx.world.sendMailTo([address], worldMail);
    delivered.push(address);
    ctx.trace.record("ses", "delivery", address, { messageId }, cause);
    if (simulated === "complaint") {
      complained.push(address);
      if (!isSimulator(address)) addSuppression(ctx, lower, "COMPLAINT");
    }
    if (simulated === "ooto") autoReply(ctx, address, mail, subject, now);
  }
  if (delivered.length > 0) {
    sendFeedback(ctx, sent, "Delivery", {
      timestamp: new Date(now).toISOString(),
      processingTimeMillis: 0,
      recipients: delivered,
      smtpResponse: "250 2.6.0 Message received",
      reportingMTA: "a8-70.smtp-out.amazonses.com",
      remoteMtaIp: "192.0.2.1",
    });
  }
  if (bounced.length > 0) {
    for (const { address, subType } of bounced) ctx.trace.record("ses", "bounce", address, { messageId, bounceType: "Permanent", bounceSubType: subType }, cause);
    sendFeedback(ctx, sent, "Bounce", {
      feedbackId: `010001${ctx.random.hex(10)}-${ctx.random.uuid()}-000000`,
      bounceType: "Permanent",
      bounceSubType: bounced[0]!.subType,
      bouncedRecipients: bounced.map(({ address, subType }) =>
        subType === "OnAccountSuppressionList" ? { emailAddress: address } : { emailAddress: address, action: "failed", status: "5.1.1", diagnosticCode: "smtp; 550 5.1.1 user unknown" },
      ),
      timestamp: new Date(now).toISOString(),
      ...(bounced.some(({ subType }) => subType !== "OnAccountSuppressionList") ? { reportingMTA: "dsn; a8-70.smtp-out.amazonses.com" } : {}),
    });
    forwardFeedback(ctx, mail, "Delivery Status Notification (Failure)", `An error occurred while trying to deliver the mail to the following recipients:\r\n${bounced.map(({ address }) => address).join("\r\n")}`, "MAILER-DAEMON@amazonses.com", now, "Bounce");
  }
  if (complained.length > 0) {
    for (const address of complained) ctx.trace.record("ses", "complaint", address, { messageId }, cause);
    sendFeedback(ctx, sent, "Complaint", {
      feedbackId: `010001${ctx.random.hex(10)}-${ctx.random.uuid()}-000000`,
      complaintFeedbackType: "abuse",
      complainedRecipients: complained.map((emailAddress) => ({ emailAddress })),
      timestamp: new Date(now).toISOString(),
      userAgent: "Amazon SES Mailbox Simulator",
      arrivalDate: new Date(now).toISOString(),
    });
    forwardFeedback(ctx, mail, "Complaint about your message", `A recipient marked your message "${subject}" as spam: ${complained.join(", ")}`, "complaints@email-abuse.amazonses.com", now, "Complaint");
  }
}

export function addSuppression(ctx: SesContext, address: string, reason: "BOUNCE" | "COMPLAINT"): void {
  ctx.suppressed.set(address.toLowerCase(), { reason, lastUpdateTime: ctx.clock.now() });
}

/**
 * Email feedback forwarding: with no SNS topic for that kind, SES mails bounces and complaints to the
 * Return-Path (else the Source) when forwarding is on, the default
 * (https://docs.aws.amazon.com/ses/latest/dg/monitor-sending-activity-using-notifications-email.html).
 */
function forwardFeedback(ctx: SesContext, mail: OutgoingMail, subject: string, text: string, from: string, now: number, kind: "Bounce" | "Complaint"): void {
  const identity = ctx.identities.get(identityOf(ctx, mail.sourceAddress));
  if (identity !== undefined && (!identity.feedbackForwarding || identity.topics.has(kind))) return;
  const to = mail.returnPath ?? mail.sourceAddress;
  ctx.world.sendMailTo([to], { from, to: [to], cc: [], subject, text, html: undefined, headers: { from, to, subject }, messageId: `${ctx.random.uuid()}@amazonses.com`, receivedAt: now });
}

/** ooto@simulator.amazonses.com answers with an out-of-office reply to the sender. */
function autoReply(ctx: SesContext, address: string, mail: OutgoingMail, subject: string, now: number): void {
  const to = mail.returnPath ?? mail.sourceAddress;
  ctx.world.sendMailTo([to], {
    from: address,
    to: [to],
    cc: [],
    subject: `Out of the office: ${subject}`,
    text: "I am out of the office and will reply when I am back.",
    html: undefined,
    headers: { from: address, to, subject: `Out of the office: ${subject}`, "auto-submitted": "auto-replied" },
    messageId: `${ctx.random.uuid()}@${SIMULATOR_DOMAIN}`,
    receivedAt: now,
  });
}

/** Addresses of a Destination ({ ToAddresses, CcAddresses, BccAddresses }). */
export function destinationLists(value: unknown): SesOutcome<{ to: string[]; cc: string[]; bcc: string[] }> {
  if (value === undefined || value === null) return ok({ to: [], cc: [], bcc: [] });
  if (typeof value !== "object" || Array.isArray(value)) return invalidValue("Destination must be an object.", "Destination is { ToAddresses, CcAddresses, BccAddresses }.");
  const lists: string[][] = [];
  for (const key of ["ToAddresses", "CcAddresses", "BccAddresses"]) {
    const list = (value as Record<string, unknown>)[key];
    if (list === undefined || list === null) lists.push([]);
    else if (!Array.isArray(list) || list.some((item) => typeof item !== "string")) return invalidValue(`Destination.${key} must be a list of addresses.`);
    else lists.push(list as string[]);
  }
  return ok({ to: lists[0]!, cc: lists[1]!, bcc: lists[2]! });
}

export { addressList };
