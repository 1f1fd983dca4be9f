/**
 * Bounce, complaint and delivery feedback in AWS's JSON shapes: notifications to an identity's SNS topics
 * (`notificationType`, https://docs.aws.amazon.com/ses/latest/dg/notification-contents.html) and events to
 * configuration-set SNS destinations (`eventType`, https://docs.aws.amazon.com/ses/latest/dg/event-publishing-retrieving-sns-contents.html).
 * Topics are reached through the delivery router as ses.amazonaws.com; a refused or failed publish is traced.
 */
import type { DeliverySource } from "../../core/delivery.ts";
import type { EventType, NotificationKind, SesContext } from "../ses-context.ts";
import { domainOf, identityKey } from "../ses-context.ts";

export interface SentMail {
  readonly messageId: string;
  readonly source: string;
  readonly sourceAddress: string;
  readonly destination: readonly string[];
  readonly subject: string;
  readonly from: readonly string[];
  readonly to: readonly string[];
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly timestamp: number;
  readonly configurationSet: string | undefined;
  readonly tags: Readonly<Record<string, readonly string[]>>;
  /** Trace seq of the send. */
  readonly cause: number;
}

export function mailObject(ctx: SesContext, mail: SentMail, withTags: boolean): Record<string, unknown> {
  return {
    timestamp: new Date(mail.timestamp).toISOString(),
    source: mail.source,
    sourceArn: identityArn(ctx, identityOf(ctx, mail.sourceAddress)),
    sourceIp: "192.0.2.0",
    sendingAccountId: ctx.accountId,
    messageId: mail.messageId,
    destination: [...mail.destination],
    headersTruncated: false,
    headers: mail.headers.map(([name, value]) => ({ name, value })),
    commonHeaders: { from: [...mail.from], to: [...mail.to], messageId: mail.messageId, subject: mail.subject },
    ...(withTags ? { tags: mail.tags } : {}),
  };
}

export function identityArn(ctx: Pick<SesContext, "region" | "accountId">, identity: string): string {
  return `arn:aws:ses:${ctx.region}:${ctx.accountId}:identity/${identity}`;
}

/** The identity a message was sent as: the address if it is an identity of its own, else its domain. */
export function identityOf(ctx: Pick<SesContext, "identities">, address: string): string {
  return ctx.identities.get(identityKey(address))?.status === "Success" ? identityKey(address) : domainOf(address);
}

/** Hands `body` to a topic as SES would, tracing what happened. */
export function publishToTopic(ctx: SesContext, topicArn: string, body: string, sourceArn: string, label: string, cause: number): void {
  const source: DeliverySource = { principal: { type: "Service", service: "ses.amazonaws.com" }, sourceArn, sourceAccount: ctx.accountId, label, cause };
  const record = (outcome: Awaited<ReturnType<SesContext["targets"]["deliver"]>>) => {
    if (outcome.status !== "delivered") ctx.trace.record("ses", "notification-failed", topicArn, { reason: outcome.reason }, cause);
  };
  const outcome = ctx.targets.deliver(topicArn, { body }, source);
  if (outcome instanceof Promise) void outcome.then(record);
  else record(outcome);
}

/**
 * One kind of feedback about one message: to the identity's topic for that kind (notificationType), and to
 * every enabled SNS destination of the message's configuration set that matches (eventType).
 */
export function sendFeedback(ctx: SesContext, mail: SentMail, kind: NotificationKind, detail: Record<string, unknown>): void {
  const identity = identityOf(ctx, mail.sourceAddress);
  const topic = ctx.identities.get(identity)?.topics.get(kind);
  const key = kind.toLowerCase();
  if (topic !== undefined) {
    const body = JSON.stringify({ notificationType: kind, mail: mailObject(ctx, mail, false), [key]: detail });
    publishToTopic(ctx, topic, body, identityArn(ctx, identity), `SES identity ${identity}`, mail.cause);
  }
  publishEvent(ctx, mail, key as EventType, kind, key, detail);
}

/** An event-publishing event (Send, Reject, Rendering Failure, and the feedback kinds) to the configuration set's SNS destinations. */
export function publishEvent(ctx: SesContext, mail: SentMail, type: EventType, eventType: string, key: string, detail: Record<string, unknown>): void {
  if (mail.configurationSet === undefined) return;
  const set = ctx.configurationSets.get(mail.configurationSet);
  if (set === undefined) return;
  for (const destination of set.destinations) {
    if (!destination.enabled || !destination.eventTypes.has(type)) continue;
    const body = JSON.stringify({ eventType, mail: mailObject(ctx, mail, true), [key]: detail });
    publishToTopic(ctx, destination.topicArn, body, `arn:aws:ses:${ctx.region}:${ctx.accountId}:configuration-set/${set.name}`, `SES configuration set ${set.name}`, mail.cause);
  }
}
