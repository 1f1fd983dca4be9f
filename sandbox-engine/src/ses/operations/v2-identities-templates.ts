/**
 * SES v2 identity and template operations over the v1 state (one account, one set of identities and
 * templates): CreateEmailIdentity (an address gets the verification mail; a domain waits for sb.ses.verify),
 * GetEmailIdentity, CreateEmailTemplate, GetEmailTemplate
 * (https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_Operations.html). v2 names its errors
 * AlreadyExistsException and NotFoundException (404).
 */
import { fail, ok } from "../../core/outcome.ts";
import { identityKey, type SesContext, type VerificationStatus } from "../ses-context.ts";
import { alreadyExists, type SesOutcome } from "../ses-faults.ts";
import { asParams, isPlainRecord, requiredString } from "../ses-params.ts";
import { verifyDomainIdentity, verifyEmailIdentity } from "./identities.ts";
import { createTemplate } from "./templates.ts";

const V2_STATUS: Record<VerificationStatus, "PENDING" | "SUCCESS" | "FAILED"> = { Pending: "PENDING", Success: "SUCCESS", Failed: "FAILED" };

const notFound = (message: string) => fail("NotFoundException", message, { httpStatusCode: 404 });

export function createEmailIdentity(ctx: SesContext, input: unknown): SesOutcome<{ IdentityType: "EMAIL_ADDRESS" | "DOMAIN"; VerifiedForSendingStatus: boolean }> {
  const name = requiredString(asParams(input), "EmailIdentity");
  if (!name.ok) return name;
  if (ctx.identities.has(identityKey(name.value))) return alreadyExists(`Email identity ${name.value} already exist.`);
  const isEmail = name.value.includes("@");
  const created = isEmail ? verifyEmailIdentity(ctx, { EmailAddress: name.value }) : verifyDomainIdentity(ctx, { Domain: name.value });
  if (!created.ok) return created;
  return ok({ IdentityType: isEmail ? "EMAIL_ADDRESS" : "DOMAIN", VerifiedForSendingStatus: false });
}

export function getEmailIdentity(ctx: SesContext, input: unknown) {
  const name = requiredString(asParams(input), "EmailIdentity");
  if (!name.ok) return name;
  const identity = ctx.identities.get(identityKey(name.value));
  if (identity === undefined) return notFound(`Email identity ${name.value} does not exist.`);
  return ok({
    IdentityType: identity.kind === "Domain" ? ("DOMAIN" as const) : ("EMAIL_ADDRESS" as const),
    VerifiedForSendingStatus: identity.status === "Success",
    VerificationStatus: V2_STATUS[identity.status],
    FeedbackForwardingStatus: identity.feedbackForwarding,
  });
}

export function createEmailTemplate(ctx: SesContext, input: unknown): SesOutcome<Record<string, never>> {
  const params = asParams(input);
  const content = isPlainRecord(params["TemplateContent"]) ? params["TemplateContent"] : {};
  return createTemplate(ctx, { Template: { TemplateName: params["TemplateName"], SubjectPart: content["Subject"], TextPart: content["Text"], HtmlPart: content["Html"] } });
}

export function getEmailTemplate(ctx: SesContext, input: unknown) {
  const name = requiredString(asParams(input), "TemplateName");
  if (!name.ok) return name;
  const template = ctx.templates.get(name.value);
  if (template === undefined) return notFound(`Template ${name.value} does not exist.`);
  return ok({ TemplateName: template.name, TemplateContent: { Subject: template.subject, ...(template.text === undefined ? {} : { Text: template.text }), ...(template.html === undefined ? {} : { Html: template.html }) } });
}
