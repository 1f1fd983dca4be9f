/**
 * Identities (https://docs.aws.amazon.com/ses/latest/dg/creating-identities.html): VerifyEmailIdentity mails
 * a link to the address (valid 24 hours); following it (sb.ses.visit, or sb.ses.verify) verifies the
 * address. VerifyDomainIdentity answers the TXT token; sb.ses.verify(domain) stands for the DNS record.
 * Re-verifying an address resends the link; a verified identity stays verified.
 */
import { ok } from "../../core/outcome.ts";
import { isAddress } from "../mime.ts";
import { identityKey, type IdentityState, type SesContext } from "../ses-context.ts";
import { invalidValue, type SesOutcome } from "../ses-faults.ts";
import { asParams, optionalString, requiredString, stringList } from "../ses-params.ts";

const LINK_VALID_MS = 24 * 60 * 60 * 1000;
const DOMAIN = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function verificationLink(ctx: Pick<SesContext, "region">, identity: IdentityState): string {
  return `https://email-verification.${ctx.region}.amazonaws.com/?Identity.IdentityName=${encodeURIComponent(identity.name)}&Token=${identity.token}`;
}

function newIdentity(ctx: SesContext, name: string, kind: IdentityState["kind"]): IdentityState {
  return { name, kind, status: "Pending", token: ctx.random.hex(kind === "Domain" ? 44 : 32), linkExpiresAt: ctx.clock.now() + LINK_VALID_MS, topics: new Map(), feedbackForwarding: true };
}

export function verifyEmailIdentity(ctx: SesContext, input: unknown): SesOutcome<Record<string, never>> {
  const address = requiredString(asParams(input), "EmailAddress");
  if (!address.ok) return address;
  if (!isAddress(address.value) || address.value.includes("<")) return invalidValue(`Invalid email address<${address.value}>.`, "Give a bare address like orders@example.com.");
  const key = identityKey(address.value);
  const existing = ctx.identities.get(key);
  if (existing?.status === "Success") return ok({});
  const identity = newIdentity(ctx, address.value, "EmailAddress");
  ctx.identities.set(key, identity);
  const link = verificationLink(ctx, identity);
  ctx.world.sendMailTo([address.value], {
    from: "no-reply-aws@amazon.com",
    to: [address.value],
    cc: [],
    subject: `Amazon Web Services – Email Address Verification Request in region ${ctx.region}`,
    text: `Dear Amazon Web Services Customer,\r\n\r\nWe have received a request to authorize this email address for use with Amazon SES in region ${ctx.region}. To confirm that you are authorized to use this email address, go to the following URL:\r\n\r\n${link}\r\n\r\nYour request will not be processed unless you confirm the address using this URL. This link expires 24 hours after your original verification request.`,
    html: undefined,
    headers: { from: "no-reply-aws@amazon.com", to: address.value },
    messageId: `${ctx.random.uuid()}@amazon.com`,
    receivedAt: ctx.clock.now(),
  });
  ctx.trace.record("ses", "verify-identity", address.value, { kind: "EmailAddress" });
  return ok({});
}

export function verifyDomainIdentity(ctx: SesContext, input: unknown): SesOutcome<{ VerificationToken: string }> {
  const domain = requiredString(asParams(input), "Domain");
  if (!domain.ok) return domain;
  if (!DOMAIN.test(domain.value)) return invalidValue(`Invalid domain name ${domain.value}.`);
  const key = identityKey(domain.value);
  const existing = ctx.identities.get(key);
  if (existing !== undefined && existing.kind === "Domain") return ok({ VerificationToken: existing.token });
  const identity = newIdentity(ctx, domain.value, "Domain");
  ctx.identities.set(key, identity);
  ctx.trace.record("ses", "verify-identity", domain.value, { kind: "Domain" });
  return ok({ VerificationToken: identity.token });
}

export function listIdentities(ctx: SesContext, input: unknown): SesOutcome<{ Identities: string[] }> {
  const type = optionalString(asParams(input), "IdentityType");
  if (!type.ok) return type;
  if (type.value !== undefined && type.value !== "EmailAddress" && type.value !== "Domain") return invalidValue(`Invalid IdentityType: ${type.value}`, 'IdentityType is "EmailAddress" or "Domain".');
  return ok({ Identities: [...ctx.identities.values()].filter((identity) => type.value === undefined || identity.kind === type.value).map((identity) => identity.name) });
}

export function getIdentityVerificationAttributes(ctx: SesContext, input: unknown): SesOutcome<{ VerificationAttributes: Record<string, { VerificationStatus: string; VerificationToken?: string }> }> {
  const names = stringList(asParams(input), "Identities");
  if (!names.ok) return names;
  const attributes: Record<string, { VerificationStatus: string; VerificationToken?: string }> = {};
  // Unknown identities are left out of the answer, as SES does.
  for (const name of names.value) {
    const identity = ctx.identities.get(identityKey(name));
    if (identity === undefined) continue;
    const status = identity.status === "Pending" && identity.kind === "EmailAddress" && ctx.clock.now() > identity.linkExpiresAt ? "Failed" : identity.status;
    attributes[name] = { VerificationStatus: status, ...(identity.kind === "Domain" ? { VerificationToken: identity.token } : {}) };
  }
  return ok({ VerificationAttributes: attributes });
}

export function deleteIdentity(ctx: SesContext, input: unknown): SesOutcome<Record<string, never>> {
  const name = requiredString(asParams(input), "Identity");
  if (!name.ok) return name;
  if (ctx.identities.delete(identityKey(name.value))) ctx.trace.record("ses", "delete-identity", name.value, {});
  return ok({});
}

/** sb.ses.verify(identity): the link followed, or the DNS record published. */
export function markVerified(ctx: SesContext, name: string, how: "link" | "sandbox"): SesOutcome<Record<string, never>> {
  const identity = ctx.identities.get(identityKey(name));
  if (identity === undefined) return invalidValue(`Identity ${name} does not exist.`, "Ask SES to verify it first: VerifyEmailIdentity / VerifyDomainIdentity (v2: CreateEmailIdentity).");
  if (how === "link" && identity.status === "Pending" && ctx.clock.now() > identity.linkExpiresAt) {
    identity.status = "Failed";
    return invalidValue(`The verification link for ${name} has expired.`, "Links last 24 hours: call VerifyEmailIdentity again for a new one.");
  }
  if (identity.status !== "Success") {
    identity.status = "Success";
    ctx.trace.record("ses", "identity-verified", identity.name, { kind: identity.kind, how });
  }
  return ok({});
}

/** Follows a verification link from a mailbox. */
export function visitLink(ctx: SesContext, url: string): SesOutcome<Record<string, never>> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return invalidValue(`${String(url)} is not a URL.`);
  }
  const name = parsed.searchParams.get("Identity.IdentityName");
  const identity = name === null ? undefined : ctx.identities.get(identityKey(name));
  if (name === null || identity === undefined || identity.token !== parsed.searchParams.get("Token")) return invalidValue("This verification link is not valid.", "Use the link in the newest verification mail.");
  return markVerified(ctx, name, "link");
}
