/**
 * What every SES operation works on: identities, templates, configuration sets, the suppression list,
 * receipt rule sets and IP filters of one sandbox, with its clock, randomness, trace, world and router.
 * SES v1 and v2 share this one state (an identity verified through either is verified).
 */
import type { Clock } from "../clock/virtual-clock.ts";
import type { DeliveryTargets } from "../core/delivery.ts";
import type { SeededRandom } from "../random/seeded-random.ts";
import type { Trace } from "../trace/trace.ts";
import type { World } from "../world/world.ts";
import type { Ipv4Cidr } from "./receiving/ipv4-cidr.ts";
import type { SendingQuota } from "./sending/sending-quota.ts";

export type VerificationStatus = "Pending" | "Success" | "Failed";
export type NotificationKind = "Bounce" | "Complaint" | "Delivery";

export interface IdentityState {
  readonly name: string;
  readonly kind: "EmailAddress" | "Domain";
  status: VerificationStatus;
  /** Domain identities: the TXT record value; email identities: the link's token. */
  readonly token: string;
  /** Email identities: the verification link expires 24 hours after it was sent. */
  readonly linkExpiresAt: number;
  readonly topics: Map<NotificationKind, string>;
  feedbackForwarding: boolean;
}

export interface TemplateState {
  readonly name: string;
  subject: string;
  html: string | undefined;
  text: string | undefined;
  readonly createdAt: number;
}

/** Configuration-set event types (https://docs.aws.amazon.com/ses/latest/APIReference/API_EventDestination.html). */
export type EventType = "send" | "reject" | "bounce" | "complaint" | "delivery" | "open" | "click" | "renderingFailure" | "deliveryDelay" | "subscription";
export const EVENT_TYPES: readonly EventType[] = ["send", "reject", "bounce", "complaint", "delivery", "open", "click", "renderingFailure", "deliveryDelay", "subscription"];

export interface EventDestinationState {
  readonly name: string;
  readonly enabled: boolean;
  readonly eventTypes: ReadonlySet<EventType>;
  readonly topicArn: string;
}

export interface ConfigurationSetState {
  readonly name: string;
  readonly destinations: EventDestinationState[];
}

export type SuppressionReason = "BOUNCE" | "COMPLAINT";

export type ReceiptAction =
  | { readonly type: "S3"; readonly bucketName: string; readonly objectKeyPrefix: string; readonly topicArn: string | undefined }
  | { readonly type: "SNS"; readonly topicArn: string; readonly encoding: "UTF-8" | "Base64" }
  | { readonly type: "Lambda"; readonly functionArn: string; readonly invocationType: "Event" | "RequestResponse"; readonly topicArn: string | undefined }
  | { readonly type: "Bounce"; readonly smtpReplyCode: string; readonly statusCode: string | undefined; readonly message: string; readonly sender: string; readonly topicArn: string | undefined }
  | { readonly type: "AddHeader"; readonly headerName: string; readonly headerValue: string }
  | { readonly type: "Stop"; readonly scope: "RuleSet"; readonly topicArn: string | undefined }
  | { readonly type: "WorkMail"; readonly organizationArn: string; readonly topicArn: string | undefined };

export interface ReceiptRuleState {
  readonly name: string;
  readonly enabled: boolean;
  readonly scanEnabled: boolean;
  readonly tlsPolicy: "Optional" | "Require";
  /** Lower-cased recipient conditions; empty = every recipient on a verified domain. */
  readonly recipients: readonly string[];
  readonly actions: readonly ReceiptAction[];
  /** The rule as given, echoed by DescribeReceiptRule. */
  readonly described: Readonly<Record<string, unknown>>;
}

export interface ReceiptRuleSetState {
  readonly name: string;
  readonly createdAt: number;
  /** In evaluation order. */
  rules: ReceiptRuleState[];
}

export interface ReceiptFilterState {
  readonly name: string;
  readonly policy: "Block" | "Allow";
  readonly cidrText: string;
  readonly cidr: Ipv4Cidr;
}

export interface SesContext {
  readonly clock: Clock;
  readonly trace: Trace;
  readonly region: string;
  readonly accountId: string;
  readonly world: World;
  /** SNS topics and Lambda functions are reached through the router as ses.amazonaws.com. */
  readonly targets: DeliveryTargets;
  readonly random: SeededRandom;
  readonly identities: Map<string, IdentityState>;
  readonly templates: Map<string, TemplateState>;
  readonly configurationSets: Map<string, ConfigurationSetState>;
  readonly suppressed: Map<string, { readonly reason: SuppressionReason; readonly lastUpdateTime: number }>;
  readonly ruleSets: Map<string, ReceiptRuleSetState>;
  activeRuleSet: string | undefined;
  readonly filters: Map<string, ReceiptFilterState>;
  readonly quota: SendingQuota;
  /** Outside addresses a test made bounce or complain (sb.ses.simulateRecipient). */
  readonly recipientBehaviour: Map<string, "bounce" | "complaint">;
  /** Addresses that bounce by createSandbox({ faults: { ses: { bounce } } }): their bounces are traced as faults. */
  readonly injectedBounces: ReadonlySet<string>;
  /** Counters for the bill. */
  readonly usage: { sent: number; received: number; receivedChunks: number };
}

/** Identity names compare case-insensitively (addresses' domains and, in SES, local parts too). */
export const identityKey = (name: string): string => name.toLowerCase();

export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf("@") + 1).toLowerCase();
}

/** An address is verified when it, or its domain, is a verified identity. */
export function isVerified(ctx: Pick<SesContext, "identities">, address: string): boolean {
  const own = ctx.identities.get(identityKey(address));
  if (own?.status === "Success") return true;
  return ctx.identities.get(domainOf(address))?.status === "Success";
}

/** The addresses of the mailbox simulator (https://docs.aws.amazon.com/ses/latest/dg/send-an-email-from-console.html#send-email-simulator). */
export const SIMULATOR_DOMAIN = "simulator.amazonses.com";

export function isSimulator(address: string): boolean {
  return domainOf(address) === SIMULATOR_DOMAIN;
}
