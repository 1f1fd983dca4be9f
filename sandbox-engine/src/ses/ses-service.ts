/**
 * The SES model of one sandbox (`sb.ses`): the v1 operations (identities, sending, templates, quotas and
 * notifications, configuration sets, receipt rule sets, rules and filters) and the v2 ones that new code
 * sends with, over one shared state. Operations take SDK-shaped requests (any value accepted) and return an
 * Outcome; faults are data.
 *
 * Beyond the API, what a test or lesson drives:
 * - `verify(identity)`: the verification link followed / the domain's DNS record published;
 * - `visit(url)`: follows a link from a verification mail in sb.world.mailbox;
 * - `leaveSandbox()`: production access (any recipient, production quotas);
 * - `simulateRecipient(address, "bounce" | "complaint")`: an outside address that hard-bounces or complains
 *   (its bounces and complaints then join the account suppression list);
 * - `receiveEmail(mail)`: an inbound mail through the receiving pipeline (receiving/receive-email.ts);
 * - `bill()`: the SES lines of the bill.
 * The sandbox helpers throw an AwsError on bad input, like an SDK call would.
 */
import type { ServiceDeps } from "../core/service-deps.ts";
import { faultToError } from "../core/aws-error.ts";
import type { DeliveryTargets } from "../core/delivery.ts";
import type { Outcome } from "../core/outcome.ts";
import type { World } from "../world/world.ts";
import { sesBill, type SesBill } from "./billing/ses-bill.ts";
import { readBounceFaults, type SesFaults } from "./fault-injection.ts";
import { isAddress } from "./mime.ts";
import * as account from "./operations/account.ts";
import * as identities from "./operations/identities.ts";
import * as receipt from "./operations/receipt-rules.ts";
import * as send from "./operations/send.ts";
import * as templates from "./operations/templates.ts";
import * as v2 from "./operations/v2-identities-templates.ts";
import { receiveEmail, type ReceiveEmailInput, type ReceiveEmailResult } from "./receiving/receive-email.ts";
import type { VerdictStatus } from "./receiving/ses-event.ts";
import { identityKey, type SesContext } from "./ses-context.ts";
import { invalidValue, missing, type SesOutcome } from "./ses-faults.ts";
import { createSendingQuota } from "./sending/sending-quota.ts";

type Op<T> = (input?: unknown) => SesOutcome<T>;
type Empty = Record<string, never>;
type ResultOf<F> = F extends (...args: never[]) => Outcome<infer T, string> ? T : never;

export interface SesService {
  // identities
  verifyEmailIdentity: Op<Empty>;
  verifyDomainIdentity: Op<{ VerificationToken: string }>;
  listIdentities: Op<{ Identities: string[] }>;
  getIdentityVerificationAttributes: Op<ResultOf<typeof identities.getIdentityVerificationAttributes>>;
  deleteIdentity: Op<Empty>;
  // sending
  sendEmail: Op<{ MessageId: string }>;
  sendRawEmail: Op<{ MessageId: string }>;
  sendTemplatedEmail: Op<{ MessageId: string }>;
  sendBulkTemplatedEmail: Op<{ Status: send.BulkEmailStatus[] }>;
  // templates
  createTemplate: Op<Empty>;
  updateTemplate: Op<Empty>;
  getTemplate: Op<ResultOf<typeof templates.getTemplate>>;
  deleteTemplate: Op<Empty>;
  listTemplates: Op<ResultOf<typeof templates.listTemplates>>;
  testRenderTemplate: Op<{ RenderedTemplate: string }>;
  // quotas, notifications, configuration sets
  getSendQuota: Op<ResultOf<typeof account.getSendQuota>>;
  setIdentityNotificationTopic: Op<Empty>;
  setIdentityFeedbackForwardingEnabled: Op<Empty>;
  createConfigurationSet: Op<Empty>;
  createConfigurationSetEventDestination: Op<Empty>;
  // receipt rule sets, rules, filters
  createReceiptRuleSet: Op<Empty>;
  deleteReceiptRuleSet: Op<Empty>;
  describeReceiptRuleSet: Op<ResultOf<typeof receipt.describeReceiptRuleSet>>;
  listReceiptRuleSets: Op<ResultOf<typeof receipt.listReceiptRuleSets>>;
  setActiveReceiptRuleSet: Op<Empty>;
  describeActiveReceiptRuleSet: Op<ResultOf<typeof receipt.describeActiveReceiptRuleSet>>;
  reorderReceiptRuleSet: Op<Empty>;
  cloneReceiptRuleSet: Op<Empty>;
  createReceiptRule: Op<Empty>;
  updateReceiptRule: Op<Empty>;
  deleteReceiptRule: Op<Empty>;
  describeReceiptRule: Op<ResultOf<typeof receipt.describeReceiptRule>>;
  createReceiptFilter: Op<Empty>;
  deleteReceiptFilter: Op<Empty>;
  listReceiptFilters: Op<ResultOf<typeof receipt.listReceiptFilters>>;
  // v2
  sendEmailV2: Op<{ MessageId: string }>;
  createEmailIdentity: Op<ResultOf<typeof v2.createEmailIdentity>>;
  getEmailIdentity: Op<ResultOf<typeof v2.getEmailIdentity>>;
  createEmailTemplate: Op<Empty>;
  getEmailTemplate: Op<ResultOf<typeof v2.getEmailTemplate>>;
  getAccount: Op<ResultOf<typeof account.getAccount>>;
  putSuppressedDestination: Op<Empty>;
  getSuppressedDestination: Op<ResultOf<typeof account.getSuppressedDestination>>;
  deleteSuppressedDestination: Op<Empty>;
  listSuppressedDestinations: Op<ResultOf<typeof account.listSuppressedDestinations>>;

  /** Verifies an identity SES was asked to verify (the link followed, or the domain's DNS record published). */
  verify(identity: string): void;
  /** Follows a link from a verification mail. */
  visit(url: string): void;
  /** Production access: send to anyone, at the production quotas. */
  leaveSandbox(): void;
  /** Whether the account is still in the sandbox. */
  readonly inSandbox: boolean;
  /** Makes an outside address hard-bounce or complain about what it is sent. */
  simulateRecipient(address: string, behaviour: "bounce" | "complaint"): void;
  /** An inbound mail through IP filters, the active rule set's conditions, rules and actions. */
  receiveEmail(mail: ReceiveEmailInput): Promise<ReceiveEmailResult>;
  /** SES lines of the bill at list prices. */
  bill(): SesBill;
}

export interface SesServiceDeps extends ServiceDeps {
  readonly targets: DeliveryTargets;
  readonly world: World;
  /** createSandbox({ faults: { ses } }). */
  readonly faults?: SesFaults | undefined;
}

function orThrow<T>(outcome: SesOutcome<T>): T {
  if (!outcome.ok) throw faultToError(outcome.fault, undefined);
  return outcome.value;
}

const VERDICTS: readonly VerdictStatus[] = ["PASS", "FAIL", "GRAY", "PROCESSING_FAILED", "DISABLED"];

/** The defaults of a receiveEmail call, and its checks (an AwsError on bad input, nothing changed). */
function readInbound(input: ReceiveEmailInput): SesOutcome<Parameters<typeof receiveEmail>[1]> {
  if (typeof input !== "object" || input === null) return missing("from");
  const to = typeof input.to === "string" ? [input.to] : input.to;
  if (typeof input.from !== "string" || !isAddress(input.from)) return input.from === undefined ? missing("from") : invalidValue(`Illegal address: ${String(input.from)}`);
  if (!Array.isArray(to) || to.length === 0) return missing("to");
  for (const address of to) if (typeof address !== "string" || !isAddress(address)) return invalidValue(`Illegal address: ${String(address)}`);
  const verdicts = { spam: input.spam ?? "PASS", virus: input.virus ?? "PASS", spf: input.spf ?? "PASS", dkim: input.dkim ?? "PASS", dmarc: input.dmarc ?? "PASS" };
  for (const [name, value] of Object.entries(verdicts)) if (!VERDICTS.includes(value)) return invalidValue(`Invalid ${name} verdict: ${String(value)}`, `Verdicts are ${VERDICTS.join(", ")}.`);
  const headers = input.headers ?? {};
  if (typeof headers !== "object" || Object.values(headers).some((value) => typeof value !== "string")) return invalidValue("headers must be an object of strings.");
  for (const field of ["subject", "text", "html", "sourceIp"] as const) {
    if (input[field] !== undefined && typeof input[field] !== "string") return invalidValue(`${field} must be a string.`);
  }
  return {
    ok: true,
    value: { from: input.from, to, subject: input.subject ?? "", text: input.text ?? "", html: input.html, headers, sourceIp: input.sourceIp ?? "198.51.100.7", ...verdicts },
  };
}

export function createSes(deps: SesServiceDeps): { service: SesService } {
  const injectedBounces = readBounceFaults(deps.faults);
  const ctx: SesContext = {
    clock: deps.clock,
    trace: deps.trace,
    region: deps.region,
    accountId: deps.accountId,
    world: deps.world,
    targets: deps.targets,
    random: deps.random.fork("ses"),
    identities: new Map(),
    templates: new Map(),
    configurationSets: new Map(),
    suppressed: new Map(),
    ruleSets: new Map(),
    activeRuleSet: undefined,
    filters: new Map(),
    quota: createSendingQuota(),
    recipientBehaviour: new Map([...injectedBounces].map((address) => [address, "bounce"] as const)),
    injectedBounces,
    usage: { sent: 0, received: 0, receivedChunks: 0 },
  };
  const bind = <T>(operation: (context: SesContext, input: unknown) => SesOutcome<T>): Op<T> => (input) => operation(ctx, input);
  const service: SesService = {
    verifyEmailIdentity: bind(identities.verifyEmailIdentity),
    verifyDomainIdentity: bind(identities.verifyDomainIdentity),
    listIdentities: bind(identities.listIdentities),
    getIdentityVerificationAttributes: bind(identities.getIdentityVerificationAttributes),
    deleteIdentity: bind(identities.deleteIdentity),
    sendEmail: bind(send.sendEmail),
    sendRawEmail: bind(send.sendRawEmail),
    sendTemplatedEmail: bind(send.sendTemplatedEmail),
    sendBulkTemplatedEmail: bind(send.sendBulkTemplatedEmail),
    createTemplate: bind(templates.createTemplate),
    updateTemplate: bind(templates.updateTemplate),
    getTemplate: bind(templates.getTemplate),
    deleteTemplate: bind(templates.deleteTemplate),
    listTemplates: () => templates.listTemplates(ctx),
    testRenderTemplate: bind(templates.testRenderTemplate),
    getSendQuota: () => account.getSendQuota(ctx),
    setIdentityNotificationTopic: bind(account.setIdentityNotificationTopic),
    setIdentityFeedbackForwardingEnabled: bind(account.setIdentityFeedbackForwardingEnabled),
    createConfigurationSet: bind(account.createConfigurationSet),
    createConfigurationSetEventDestination: bind(account.createConfigurationSetEventDestination),
    createReceiptRuleSet: bind(receipt.createReceiptRuleSet),
    deleteReceiptRuleSet: bind(receipt.deleteReceiptRuleSet),
    describeReceiptRuleSet: bind(receipt.describeReceiptRuleSet),
    listReceiptRuleSets: () => receipt.listReceiptRuleSets(ctx),
    setActiveReceiptRuleSet: bind(receipt.setActiveReceiptRuleSet),
    describeActiveReceiptRuleSet: () => receipt.describeActiveReceiptRuleSet(ctx),
    reorderReceiptRuleSet: bind(receipt.reorderReceiptRuleSet),
    cloneReceiptRuleSet: bind(receipt.cloneReceiptRuleSet),
    createReceiptRule: bind(receipt.createReceiptRule),
    updateReceiptRule: bind(receipt.updateReceiptRule),
    deleteReceiptRule: bind(receipt.deleteReceiptRule),
    describeReceiptRule: bind(receipt.describeReceiptRule),
    createReceiptFilter: bind(receipt.createReceiptFilter),
    deleteReceiptFilter: bind(receipt.deleteReceiptFilter),
    listReceiptFilters: () => receipt.listReceiptFilters(ctx),
    sendEmailV2: bind(send.sendEmailV2),
    createEmailIdentity: bind(v2.createEmailIdentity),
    getEmailIdentity: bind(v2.getEmailIdentity),
    createEmailTemplate: bind(v2.createEmailTemplate),
    getEmailTemplate: bind(v2.getEmailTemplate),
    getAccount: () => account.getAccount(ctx),
    putSuppressedDestination: bind(account.putSuppressedDestination),
    getSuppressedDestination: bind(account.getSuppressedDestination),
    deleteSuppressedDestination: bind(account.deleteSuppressedDestination),
    listSuppressedDestinations: () => account.listSuppressedDestinations(ctx),
    verify: (identity) => orThrow(identities.markVerified(ctx, String(identity), "sandbox")),
    visit: (url) => orThrow(identities.visitLink(ctx, String(url))),
    leaveSandbox() {
      if (!ctx.quota.inSandbox) return;
      ctx.quota.inSandbox = false;
      ctx.trace.record("ses", "leave-sandbox", ctx.accountId, {});
    },
    get inSandbox() {
      return ctx.quota.inSandbox;
    },
    simulateRecipient(address, behaviour) {
      if (typeof address !== "string" || !isAddress(address)) throw faultToError(invalidValue(`Illegal address: ${String(address)}`).fault, undefined);
      if (behaviour !== "bounce" && behaviour !== "complaint") throw faultToError(invalidValue('The behaviour is "bounce" or "complaint".').fault, undefined);
      ctx.recipientBehaviour.set(identityKey(address), behaviour);
    },
    async receiveEmail(mail) {
      return receiveEmail(ctx, orThrow(readInbound(mail)));
    },
    bill: () => sesBill(ctx.usage),
  };
  return { service };
}
