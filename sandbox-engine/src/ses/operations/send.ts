/**
 * The send operations: v1 SendEmail, SendRawEmail, SendTemplatedEmail, SendBulkTemplatedEmail
 * (https://docs.aws.amazon.com/ses/latest/APIReference/API_Operations.html) and v2 SendEmail with Simple, Raw
 * or Template content (https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_SendEmail.html). Each reads
 * its input into an OutgoingMail; send-message.ts checks and delivers it.
 */
import { fail, ok } from "../../core/outcome.ts";
import { addressList, bareAddress, headerValue, isAddress, parseMime } from "../mime.ts";
import type { SesContext } from "../ses-context.ts";
import { invalidValue, missing, templateDoesNotExist, type SesOutcome } from "../ses-faults.ts";
import { asParams, isPlainRecord, optionalString, requiredString, show, stringList, type Params } from "../ses-params.ts";
import { checkAndSend, destinationLists, MAX_RECIPIENTS, type ApiVersion, type OutgoingMail } from "../sending/send-message.ts";
import { parseTemplateData } from "../sending/template-render.ts";

type Envelope = Pick<OutgoingMail, "source" | "sourceAddress" | "to" | "cc" | "bcc" | "replyTo" | "returnPath" | "configurationSet" | "tags">;

const encoder = new TextEncoder();

/** Text of a `{ Data }` content field. */
function contentData(value: unknown, name: string): SesOutcome<string | undefined> {
  if (value === undefined || value === null) return ok(undefined);
  if (!isPlainRecord(value) || typeof value["Data"] !== "string") return invalidValue(`${name} must be { Data: string }.`, `${name} is { Data: "..." }, got ${show(value)}.`);
  return ok(value["Data"]);
}

function readTags(params: Params, name: string): SesOutcome<Record<string, string[]>> {
  const value = params[name];
  const tags: Record<string, string[]> = {};
  if (value === undefined || value === null) return ok(tags);
  if (!Array.isArray(value)) return invalidValue(`${name} must be a list of { Name, Value }.`);
  for (const tag of value) {
    if (!isPlainRecord(tag) || typeof tag["Name"] !== "string" || typeof tag["Value"] !== "string") return invalidValue(`${name} must be a list of { Name, Value }.`);
    tags[tag["Name"]] = [tag["Value"]];
  }
  return ok(tags);
}

function checkAddresses(addresses: readonly string[]): SesOutcome<true> {
  for (const address of addresses) if (!isAddress(address)) return invalidValue(`Illegal address: ${address}`, "Addresses look like orders@example.com or \"Shop <orders@example.com>\".");
  return ok(true);
}

/** Source, Destination, ReplyToAddresses, ReturnPath, ConfigurationSetName and Tags (v1 names; v2 passes its own). */
function readEnvelope(params: Params, names: { source: string; destination: string; replyTo: string; configurationSet: string; tags: string; returnPath?: string }, sourceRequired: boolean): SesOutcome<Envelope> {
  const source = sourceRequired ? requiredString(params, names.source) : optionalString(params, names.source);
  if (!source.ok) return source;
  const destination = destinationLists(params[names.destination]);
  if (!destination.ok) return destination;
  const replyTo = stringList(params, names.replyTo);
  if (!replyTo.ok) return replyTo;
  const returnPath = names.returnPath === undefined ? ok(undefined) : optionalString(params, names.returnPath);
  if (!returnPath.ok) return returnPath;
  const configurationSet = optionalString(params, names.configurationSet);
  if (!configurationSet.ok) return configurationSet;
  const tags = readTags(params, names.tags);
  if (!tags.ok) return tags;
  const { to, cc, bcc } = destination.value;
  const addresses = checkAddresses([...(source.value === undefined ? [] : [source.value]), ...to, ...cc, ...bcc, ...replyTo.value, ...(returnPath.value === undefined ? [] : [returnPath.value])]);
  if (!addresses.ok) return addresses;
  return ok({
    source: source.value ?? "",
    sourceAddress: bareAddress(source.value ?? ""),
    to: to.map(bareAddress),
    cc: cc.map(bareAddress),
    bcc: bcc.map(bareAddress),
    replyTo: replyTo.value,
    returnPath: returnPath.value === undefined ? undefined : bareAddress(returnPath.value),
    configurationSet: configurationSet.value,
    tags: tags.value,
  });
}

const V1 = { source: "Source", destination: "Destination", replyTo: "ReplyToAddresses", configurationSet: "ConfigurationSetName", tags: "Tags", returnPath: "ReturnPath" };
const V2 = { source: "FromEmailAddress", destination: "Destination", replyTo: "ReplyToAddresses", configurationSet: "ConfigurationSetName", tags: "EmailTags" };

function needsRecipients(envelope: Envelope): SesOutcome<true> {
  return envelope.to.length + envelope.cc.length + envelope.bcc.length === 0 ? missing("Destination") : ok(true);
}

/** A Simple message: Subject and Body { Text, Html }. */
function simple(ctx: SesContext, envelope: Envelope, message: unknown, version: ApiVersion): SesOutcome<{ MessageId: string }> {
  if (message === undefined || message === null) return missing("Message");
  if (!isPlainRecord(message)) return invalidValue("Message must be { Subject, Body }.");
  const subject = contentData(message["Subject"], "Message.Subject");
  if (!subject.ok) return subject;
  const body = message["Body"];
  if (!isPlainRecord(body)) return missing("Message.Body");
  const text = contentData(body["Text"], "Message.Body.Text");
  if (!text.ok) return text;
  const html = contentData(body["Html"], "Message.Body.Html");
  if (!html.ok) return html;
  const sizeBytes = encoder.encode(`${subject.value ?? ""}${text.value ?? ""}${html.value ?? ""}`).length;
  return checkAndSend(ctx, { ...envelope, subject: subject.value ?? "", text: text.value, html: html.value, headers: [], sizeBytes }, version);
}

export function sendEmail(ctx: SesContext, input: unknown): SesOutcome<{ MessageId: string }> {
  const params = asParams(input);
  const envelope = readEnvelope(params, V1, true);
  if (!envelope.ok) return envelope;
  const recipients = needsRecipients(envelope.value);
  if (!recipients.ok) return recipients;
  return simple(ctx, envelope.value, params["Message"], "v1");
}

function rawBytes(value: unknown): SesOutcome<string> {
  if (!isPlainRecord(value)) return missing("RawMessage");
  const data = value["Data"];
  if (typeof data === "string") return ok(data);
  if (data instanceof Uint8Array) return ok(new TextDecoder().decode(data));
  return invalidValue("RawMessage.Data must be the MIME message (bytes or a string).");
}

/** A raw MIME message: Source and Destinations default to the From and To/Cc/Bcc headers. */
function raw(ctx: SesContext, envelope: Envelope, rawMessage: unknown, version: ApiVersion): SesOutcome<{ MessageId: string }> {
  const text = rawBytes(rawMessage);
  if (!text.ok) return text;
  const parsed = parseMime(text.value);
  const from = envelope.source !== "" ? envelope.source : headerValue(parsed.headers, "From");
  if (from === undefined || !isAddress(from)) return invalidValue("Missing final '@domain'", "Give Source, or a From header in the message.");
  const explicit = envelope.to.length + envelope.cc.length + envelope.bcc.length > 0;
  const to = explicit ? envelope.to : addressList(headerValue(parsed.headers, "To"));
  const cc = explicit ? envelope.cc : addressList(headerValue(parsed.headers, "Cc"));
  const bcc = explicit ? envelope.bcc : addressList(headerValue(parsed.headers, "Bcc"));
  if (to.length + cc.length + bcc.length === 0) return missing("Destinations");
  const addresses = checkAddresses([...to, ...cc, ...bcc]);
  if (!addresses.ok) return addresses;
  return checkAndSend(
    ctx,
    { ...envelope, source: from, sourceAddress: bareAddress(from), to, cc, bcc, subject: headerValue(parsed.headers, "Subject") ?? "", text: parsed.text, html: parsed.html, headers: parsed.headers, sizeBytes: encoder.encode(text.value).length },
    version,
  );
}

export function sendRawEmail(ctx: SesContext, input: unknown): SesOutcome<{ MessageId: string }> {
  const params = asParams(input);
  const destinations = stringList(params, "Destinations");
  if (!destinations.ok) return destinations;
  const envelope = readEnvelope({ ...params, Destination: { ToAddresses: destinations.value } }, V1, false);
  if (!envelope.ok) return envelope;
  return raw(ctx, envelope.value, params["RawMessage"], "v1");
}

function templateData(text: unknown, name: string): SesOutcome<Record<string, unknown>> {
  if (text === undefined || text === null) return missing(name);
  const data = typeof text === "string" ? parseTemplateData(text) : { ok: false as const };
  return data.ok ? ok(data.data) : invalidValue(`${name} is not a valid JSON object.`, `${name} is a string: JSON.stringify({ name: "Ana" }).`);
}

function templated(ctx: SesContext, envelope: Envelope, templateName: string, data: Record<string, unknown>, version: ApiVersion): SesOutcome<{ MessageId: string }> {
  const template = ctx.templates.get(templateName);
  if (template === undefined) return templateDoesNotExist(templateName);
  const sizeBytes = encoder.encode(`${template.subject}${template.text ?? ""}${template.html ?? ""}${JSON.stringify(data)}`).length;
  return checkAndSend(ctx, { ...envelope, subject: template.subject, text: template.text, html: template.html, headers: [], sizeBytes, template: { name: templateName, data } }, version);
}

export function sendTemplatedEmail(ctx: SesContext, input: unknown): SesOutcome<{ MessageId: string }> {
  const params = asParams(input);
  const envelope = readEnvelope(params, V1, true);
  if (!envelope.ok) return envelope;
  const recipients = needsRecipients(envelope.value);
  if (!recipients.ok) return recipients;
  const name = requiredString(params, "Template");
  if (!name.ok) return name;
  const data = templateData(params["TemplateData"], "TemplateData");
  if (!data.ok) return data;
  return templated(ctx, envelope.value, name.value, data.value, "v1");
}

export type BulkEmailStatus = { Status: "Success"; MessageId: string } | { Status: string; Error: string };

/**
 * SendBulkTemplatedEmail: up to 50 destinations, each rendered with DefaultTemplateData overlaid by its
 * ReplacementTemplateData; each destination gets its own status
 * (https://docs.aws.amazon.com/ses/latest/APIReference/API_SendBulkTemplatedEmail.html).
 */
export function sendBulkTemplatedEmail(ctx: SesContext, input: unknown): SesOutcome<{ Status: BulkEmailStatus[] }> {
  const params = asParams(input);
  const name = requiredString(params, "Template");
  if (!name.ok) return name;
  if (!ctx.templates.has(name.value)) return templateDoesNotExist(name.value);
  const defaults = templateData(params["DefaultTemplateData"], "DefaultTemplateData");
  if (!defaults.ok) return defaults;
  const destinations = params["Destinations"];
  if (!Array.isArray(destinations) || destinations.length === 0) return missing("Destinations");
  if (destinations.length > MAX_RECIPIENTS) return invalidValue("Recipient count exceeds 50.", "At most 50 destinations per SendBulkTemplatedEmail.");
  const statuses: BulkEmailStatus[] = [];
  for (const entry of destinations) {
    if (!isPlainRecord(entry)) return invalidValue("Each entry of Destinations must be { Destination, ReplacementTemplateData? }.");
    const envelope = readEnvelope({ ...params, Destination: entry["Destination"], Tags: entry["ReplacementTags"] ?? params["DefaultTags"] }, V1, true);
    if (!envelope.ok) return envelope;
    const replacement = entry["ReplacementTemplateData"] === undefined ? ok({}) : templateData(entry["ReplacementTemplateData"], "ReplacementTemplateData");
    if (!replacement.ok) return replacement;
    const sent = templated(ctx, envelope.value, name.value, { ...defaults.value, ...replacement.value }, "v1");
    statuses.push(sent.ok ? { Status: "Success", MessageId: sent.value.MessageId } : { Status: sent.fault.code === "Throttling" ? "AccountThrottled" : sent.fault.code, Error: sent.fault.message });
  }
  return ok({ Status: statuses });
}

/** SES v2 SendEmail: Content is exactly one of Simple, Raw, Template (40 MB limit). */
export function sendEmailV2(ctx: SesContext, input: unknown): SesOutcome<{ MessageId: string }> {
  const params = asParams(input);
  const content = params["Content"];
  if (!isPlainRecord(content)) return missing("Content");
  const kinds = (["Simple", "Raw", "Template"] as const).filter((kind) => content[kind] !== undefined && content[kind] !== null);
  if (kinds.length !== 1) return fail("InvalidParameterValue", "Content must contain exactly one of Simple, Raw or Template.");
  const envelope = readEnvelope(params, V2, kinds[0] !== "Raw");
  if (!envelope.ok) return envelope;
  if (kinds[0] === "Raw") return raw(ctx, envelope.value, content["Raw"], "v2");
  const recipients = needsRecipients(envelope.value);
  if (!recipients.ok) return recipients;
  if (kinds[0] === "Simple") return simple(ctx, envelope.value, content["Simple"], "v2");
  const template = content["Template"];
  if (!isPlainRecord(template) || typeof template["TemplateName"] !== "string") return missing("Content.Template.TemplateName");
  const data = templateData(template["TemplateData"], "TemplateData");
  if (!data.ok) return data;
  return templated(ctx, envelope.value, template["TemplateName"], data.value, "v2");
}
