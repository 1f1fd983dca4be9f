/**
 * Quotas, notification settings, configuration sets and the account suppression list.
 * - GetSendQuota / v2 GetAccount: sending-quota.ts.
 * - SetIdentityNotificationTopic: one SNS topic per identity and kind (Bounce, Complaint, Delivery);
 *   no SnsTopic clears it (https://docs.aws.amazon.com/ses/latest/APIReference/API_SetIdentityNotificationTopic.html).
 * - SetIdentityFeedbackForwardingEnabled: forwarding can be turned off only when both Bounce and
 *   Complaint topics are set (API_SetIdentityFeedbackForwardingEnabled.html).
 * - Configuration sets: at most 10 event destinations each (https://docs.aws.amazon.com/ses/latest/dg/quotas.html);
 *   only SNS destinations are simulated.
 */
import { fail, ok } from "../../core/outcome.ts";
import { parseArn } from "../../core/arn.ts";
import { EVENT_TYPES, identityKey, type EventType, type NotificationKind, type SesContext, type SuppressionReason } from "../ses-context.ts";
import { invalidValue, missing, type SesOutcome } from "../ses-faults.ts";
import { asParams, isPlainRecord, optionalString, requiredRecord, requiredString, resourceName } from "../ses-params.ts";
import { addSuppression } from "../sending/send-message.ts";

type Empty = Record<string, never>;

export function getSendQuota(ctx: SesContext): SesOutcome<{ Max24HourSend: number; MaxSendRate: number; SentLast24Hours: number }> {
  const { max24HourSend, maxSendRate } = ctx.quota.limits();
  return ok({ Max24HourSend: max24HourSend, MaxSendRate: maxSendRate, SentLast24Hours: ctx.quota.sentLast24Hours(ctx.clock.now()) });
}

export function getAccount(ctx: SesContext) {
  const { max24HourSend, maxSendRate } = ctx.quota.limits();
  return ok({
    ProductionAccessEnabled: !ctx.quota.inSandbox,
    SendingEnabled: true,
    EnforcementStatus: "HEALTHY",
    DedicatedIpAutoWarmupEnabled: false,
    SendQuota: { Max24HourSend: max24HourSend, MaxSendRate: maxSendRate, SentLast24Hours: ctx.quota.sentLast24Hours(ctx.clock.now()) },
    SuppressionAttributes: { SuppressedReasons: ["BOUNCE", "COMPLAINT"] },
  });
}

function knownIdentity(ctx: SesContext, name: string) {
  const identity = ctx.identities.get(identityKey(name));
  return identity === undefined ? invalidValue(`Identity <${name}> does not exist.`, "Verify it first (VerifyEmailIdentity / VerifyDomainIdentity).") : ok(identity);
}

export function setIdentityNotificationTopic(ctx: SesContext, input: unknown): SesOutcome<Empty> {
  const params = asParams(input);
  const name = requiredString(params, "Identity");
  if (!name.ok) return name;
  const kind = requiredString(params, "NotificationType");
  if (!kind.ok) return kind;
  if (kind.value !== "Bounce" && kind.value !== "Complaint" && kind.value !== "Delivery") return invalidValue(`Invalid NotificationType: ${kind.value}`, 'NotificationType is "Bounce", "Complaint" or "Delivery".');
  const topic = optionalString(params, "SnsTopic");
  if (!topic.ok) return topic;
  if (topic.value !== undefined && parseArn(topic.value)?.service !== "sns") return invalidValue(`Invalid SNS topic ARN: ${topic.value}`);
  const identity = knownIdentity(ctx, name.value);
  if (!identity.ok) return identity;
  if (topic.value === undefined) identity.value.topics.delete(kind.value as NotificationKind);
  else identity.value.topics.set(kind.value as NotificationKind, topic.value);
  return ok({});
}

export function setIdentityFeedbackForwardingEnabled(ctx: SesContext, input: unknown): SesOutcome<Empty> {
  const params = asParams(input);
  const name = requiredString(params, "Identity");
  if (!name.ok) return name;
  const enabled = params["ForwardingEnabled"];
  if (typeof enabled !== "boolean") return missing("ForwardingEnabled");
  const identity = knownIdentity(ctx, name.value);
  if (!identity.ok) return identity;
  if (!enabled && !(identity.value.topics.has("Bounce") && identity.value.topics.has("Complaint"))) {
    return invalidValue("Feedback notification topic not set on all notification types for identity.", "Set SNS topics for Bounce and Complaint first, or SES would have nowhere to send them.");
  }
  identity.value.feedbackForwarding = enabled;
  return ok({});
}

export function createConfigurationSet(ctx: SesContext, input: unknown): SesOutcome<Empty> {
  const set = requiredRecord(asParams(input), "ConfigurationSet");
  if (!set.ok) return set;
  const name = resourceName(set.value, "Name", "configuration set");
  if (!name.ok) return name;
  if (ctx.configurationSets.has(name.value)) return fail("ConfigurationSetAlreadyExistsException", `Configuration set <${name.value}> already exists.`, { queryCode: "ConfigurationSetAlreadyExists" });
  ctx.configurationSets.set(name.value, { name: name.value, destinations: [] });
  return ok({});
}

export function createConfigurationSetEventDestination(ctx: SesContext, input: unknown): SesOutcome<Empty> {
  const params = asParams(input);
  const setName = requiredString(params, "ConfigurationSetName");
  if (!setName.ok) return setName;
  const set = ctx.configurationSets.get(setName.value);
  if (set === undefined) return fail("ConfigurationSetDoesNotExistException", `Configuration set <${setName.value}> does not exist.`, { queryCode: "ConfigurationSetDoesNotExist" });
  const destination = requiredRecord(params, "EventDestination");
  if (!destination.ok) return destination;
  const name = resourceName(destination.value, "Name", "event destination");
  if (!name.ok) return name;
  if (set.destinations.some((item) => item.name === name.value)) return fail("EventDestinationAlreadyExistsException", `Event destination ${name.value} already exists.`, { queryCode: "EventDestinationAlreadyExists" });
  if (set.destinations.length >= 10) return fail("LimitExceededException", "A configuration set can have at most 10 event destinations.", { queryCode: "LimitExceeded" });
  const types = destination.value["MatchingEventTypes"];
  if (!Array.isArray(types) || types.length === 0 || types.some((type) => !EVENT_TYPES.includes(type as EventType))) {
    return invalidValue("MatchingEventTypes must list event types.", `Event types: ${EVENT_TYPES.join(", ")}.`);
  }
  const sns = destination.value["SNSDestination"];
  const topicArn = isPlainRecord(sns) ? sns["TopicARN"] : undefined;
  if (typeof topicArn !== "string" || parseArn(topicArn)?.service !== "sns") return invalidValue("Only SNS event destinations are simulated: give SNSDestination: { TopicARN }.");
  set.destinations.push({ name: name.value, enabled: destination.value["Enabled"] === true, eventTypes: new Set(types as EventType[]), topicArn });
  return ok({});
}

// --- the account suppression list (SES v2; https://docs.aws.amazon.com/ses/latest/dg/sending-email-suppression-list.html)

function readAddress(params: Record<string, unknown>): SesOutcome<string> {
  const address = requiredString(params, "EmailAddress");
  if (!address.ok) return address;
  return ok(address.value.toLowerCase());
}

export function putSuppressedDestination(ctx: SesContext, input: unknown): SesOutcome<Empty> {
  const params = asParams(input);
  const address = readAddress(params);
  if (!address.ok) return address;
  const reason = params["Reason"];
  if (reason !== "BOUNCE" && reason !== "COMPLAINT") return invalidValue("Reason must be BOUNCE or COMPLAINT.");
  addSuppression(ctx, address.value, reason as SuppressionReason);
  return ok({});
}

export function getSuppressedDestination(ctx: SesContext, input: unknown) {
  const address = readAddress(asParams(input));
  if (!address.ok) return address;
  const entry = ctx.suppressed.get(address.value);
  if (entry === undefined) return fail("NotFoundException", `Email address ${address.value} does not exist on your suppression list.`, { httpStatusCode: 404 });
  return ok({ SuppressedDestination: { EmailAddress: address.value, Reason: entry.reason, LastUpdateTime: new Date(entry.lastUpdateTime) } });
}

export function deleteSuppressedDestination(ctx: SesContext, input: unknown): SesOutcome<Empty> {
  const address = readAddress(asParams(input));
  if (!address.ok) return address;
  if (!ctx.suppressed.delete(address.value)) return fail("NotFoundException", `Email address ${address.value} does not exist on your suppression list.`, { httpStatusCode: 404 });
  return ok({});
}

export function listSuppressedDestinations(ctx: SesContext) {
  return ok({ SuppressedDestinationSummaries: [...ctx.suppressed].map(([address, entry]) => ({ EmailAddress: address, Reason: entry.reason, LastUpdateTime: new Date(entry.lastUpdateTime) })) });
}
