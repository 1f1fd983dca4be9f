/**
 * An inbound mail, in the order of "Email-receiving process"
 * (https://docs.aws.amazon.com/ses/latest/dg/receiving-email-concepts.html, AWS-FACTS D.1):
 * 1. IP filters: blocked when the sending IP is in a Block filter and in no Allow filter (an Allow entry
 *    overrides an overlapping Block, the documented "block 0.0.0.0/0, allow your partners" pattern).
 * 2. Recipient conditions of the active rule set: a recipient no enabled rule applies to is refused; a
 *    mail no rule applies to at all is rejected during the SMTP conversation.
 * 3. Scanning: verdicts are reported, never acted on by SES (spam/virus only with ScanEnabled, else DISABLED).
 * 4. Rules in order, actions in order within a rule. A RequestResponse Lambda's `disposition` steers:
 *    STOP_RULE ends this rule, STOP_RULE_SET ends everything, CONTINUE or anything else goes on
 *    (https://docs.aws.amazon.com/ses/latest/dg/receiving-email-action-lambda.html). A Stop action ends the rule set.
 *
 * SMTP answers: 250 2.0.0 when accepted. For refusals AWS documents that the mail is blocked/rejected during
 * the SMTP conversation but not the exact reply; we answer 554 5.7.1 for an IP filter and 550 5.1.1 for no
 * matching rule (standard RFC 5321/3463 codes; UNVERIFIED against AWS's wire text). A synchronous Lambda
 * that fails (AWS-FACTS D.4 item 14: UNVERIFIED) is treated as CONTINUE, and its failure shows in the
 * result and the trace.
 */
import { buildMime } from "../mime.ts";
import type { DeliverySource } from "../../core/delivery.ts";
import { domainOf, type ReceiptAction, type ReceiptRuleState, type SesContext } from "../ses-context.ts";
import { receiptRuleSource } from "./action-targets.ts";
import { cidrContains } from "./ipv4-cidr.ts";
import { recipientsOfRule } from "./recipient-match.ts";
import { mailOf, receiptOf, sesEvent, type InboundMail, type VerdictStatus, type Verdicts } from "./ses-event.ts";

export interface ReceiveEmailInput {
  readonly from: string;
  readonly to: string | readonly string[];
  readonly subject?: string;
  readonly text?: string;
  readonly html?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly sourceIp?: string;
  readonly spam?: VerdictStatus;
  readonly virus?: VerdictStatus;
  readonly spf?: VerdictStatus;
  readonly dkim?: VerdictStatus;
  readonly dmarc?: VerdictStatus;
}

export type ActionOutcome = "done" | "stop-rule" | "stop-rule-set" | "refused" | "failed" | "not-simulated";

export interface ReceiveEmailResult {
  readonly accepted: boolean;
  readonly smtp: { readonly code: number; readonly enhancedCode: string; readonly text: string };
  /** The SES message id of an accepted mail (the S3 object key). */
  readonly messageId: string | undefined;
  readonly matchedRules: string[];
  readonly actions: Array<{ readonly rule: string; readonly type: ReceiptAction["type"]; readonly outcome: ActionOutcome; readonly detail?: string }>;
}

const CHUNK_BYTES = 256 * 1024;

export function ipBlocked(ctx: Pick<SesContext, "filters">, ip: string): boolean {
  let blocked = false;
  for (const filter of ctx.filters.values()) {
    if (!cidrContains(filter.cidr, ip)) continue;
    if (filter.policy === "Allow") return false;
    blocked = true;
  }
  return blocked;
}

export async function receiveEmail(ctx: SesContext, input: Required<Omit<ReceiveEmailInput, "html" | "to">> & { html: string | undefined; to: readonly string[] }): Promise<ReceiveEmailResult> {
  const now = ctx.clock.now();
  const receiveEvent = ctx.trace.record("ses", "receive", input.to.join(", "), { from: input.from, sourceIp: input.sourceIp, subject: input.subject });
  const rejected = (code: number, enhancedCode: string, text: string, reason: string): ReceiveEmailResult => {
    ctx.trace.record("ses", "reject", input.to.join(", "), { from: input.from, smtpCode: code, reason }, receiveEvent.seq);
    return { accepted: false, smtp: { code, enhancedCode, text }, messageId: undefined, matchedRules: [], actions: [] };
  };
  if (ipBlocked(ctx, input.sourceIp)) return rejected(554, "5.7.1", "Message rejected: the sending IP address is blocked", `IP ${input.sourceIp} is blocked by an IP address filter`);
  const set = ctx.activeRuleSet === undefined ? undefined : ctx.ruleSets.get(ctx.activeRuleSet);
  const verifiedDomain = (domain: string) => ctx.identities.get(domain)?.status === "Success";
  const applying: Array<{ rule: ReceiptRuleState; recipients: string[] }> = [];
  for (const rule of set?.rules ?? []) {
    if (!rule.enabled) continue;
    const recipients = recipientsOfRule(rule.recipients, input.to, verifiedDomain);
    if (recipients.length > 0) applying.push({ rule, recipients });
  }
  if (applying.length === 0) {
    const why = set === undefined ? "no receipt rule set is active" : `no enabled rule of rule set ${set.name} matches ${input.to.join(", ")}`;
    return rejected(550, "5.1.1", "Requested action not taken: mailbox unavailable", why);
  }
  const messageId = ctx.random.hex(40).replace(/^[0-9]/, "o");
  const mail: InboundMail = {
    messageId,
    timestamp: now,
    source: input.from,
    destination: [...input.to],
    headers: [
      ["Return-Path", `<${input.from}>`],
      ["Received", `from mail.example.net [${input.sourceIp}] by inbound-smtp.${ctx.region}.amazonaws.com with SMTP id ${messageId}`],
      ["From", input.from],
      ["To", input.to.join(", ")],
      ["Subject", input.subject],
      ["Date", new Date(now).toUTCString()],
      ["Message-ID", `<${messageId}@${domainOf(input.from)}>`],
      ...Object.entries(input.headers).filter(([name]) => !/^(from|to|subject|date|message-id|return-path)$/i.test(name)),
    ],
    subject: input.subject,
    from: input.from,
    to: [...input.to],
    text: input.text,
    html: input.html,
  };
  const mime = () => buildMime({ headers: mail.headers, text: input.text, html: input.html });
  ctx.usage.received += 1;
  ctx.usage.receivedChunks += Math.max(1, Math.ceil(new TextEncoder().encode(mime()).length / CHUNK_BYTES));
  const result: ReceiveEmailResult = { accepted: true, smtp: { code: 250, enhancedCode: "2.0.0", text: `Ok ${messageId}` }, messageId, matchedRules: [], actions: [] };
  const base = { spf: input.spf, dkim: input.dkim, dmarc: input.dmarc };
  rules: for (const { rule, recipients } of applying) {
    result.matchedRules.push(rule.name);
    const ruleArn = `arn:aws:ses:${ctx.region}:${ctx.accountId}:receipt-rule-set/${set!.name}:receipt-rule/${rule.name}`;
    const matched = ctx.trace.record("ses", "rule-matched", ruleArn, { messageId, rule: rule.name, recipients: recipients.join(", ") }, receiveEvent.seq);
    const verdicts: Verdicts = { ...base, spam: rule.scanEnabled ? input.spam : "DISABLED", virus: rule.scanEnabled ? input.virus : "DISABLED" };
    if (rule.scanEnabled && !mail.headers.some(([name]) => name === "X-SES-Spam-Verdict")) {
      mail.headers.unshift(["X-SES-Spam-Verdict", input.spam], ["X-SES-Virus-Verdict", input.virus]);
    }
    const source = receiptRuleSource(ctx, set!.name, rule.name, matched.seq);
    for (const action of rule.actions) {
      const { outcome, detail } = await runAction(ctx, action, mail, recipients, verdicts, source, input.from, mime);
      result.actions.push({ rule: rule.name, type: action.type, outcome, ...(detail === undefined ? {} : { detail }) });
      ctx.trace.record("ses", "action", ruleArn, { messageId, rule: rule.name, type: action.type, outcome, detail: detail ?? null }, matched.seq);
      if (outcome === "stop-rule-set") break rules;
      if (outcome === "stop-rule") continue rules;
    }
  }
  return result;
}

type Ran = { outcome: ActionOutcome; detail?: string };

function notifyTopic(ctx: SesContext, topicArn: string | undefined, mail: InboundMail, recipients: readonly string[], verdicts: Verdicts, action: ReceiptAction, source: DeliverySource, content?: string): Promise<string | undefined> | string | undefined {
  if (topicArn === undefined) return undefined;
  const body = JSON.stringify({ notificationType: "Received", mail: mailOf(mail), receipt: receiptOf(mail, recipients, verdicts, action), ...(content === undefined ? {} : { content }) });
  const outcome = ctx.targets.deliver(topicArn, { body }, source);
  const describe = (answer: Awaited<typeof outcome>) => (answer.status === "delivered" ? undefined : `${answer.status}: ${answer.reason}`);
  return outcome instanceof Promise ? outcome.then(describe) : describe(outcome);
}

function utf8ToBase64(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

async function runAction(ctx: SesContext, action: ReceiptAction, mail: InboundMail, recipients: readonly string[], verdicts: Verdicts, source: DeliverySource, sender: string, mime: () => string): Promise<Ran> {
  switch (action.type) {
    case "AddHeader":
      mail.headers.unshift([action.headerName, action.headerValue]);
      return { outcome: "done" };
    case "S3": {
      const key = `${action.objectKeyPrefix}${mail.messageId}`;
      ctx.world.putObject(action.bucketName, key, mime());
      const problem = await notifyTopic(ctx, action.topicArn, mail, recipients, verdicts, action, source);
      return problem === undefined ? { outcome: "done", detail: `stored as ${action.bucketName}/${key}` } : { outcome: "failed", detail: `stored, but the notification failed: ${problem}` };
    }
    case "SNS": {
      const text = mime();
      const problem = await notifyTopic(ctx, action.topicArn, mail, recipients, verdicts, action, source, action.encoding === "Base64" ? utf8ToBase64(text) : text);
      return problem === undefined ? { outcome: "done" } : { outcome: problem.startsWith("refused") ? "refused" : "failed", detail: problem };
    }
    case "Lambda": {
      const event = sesEvent(mail, recipients, verdicts, action);
      const answer = await ctx.targets.deliver(action.functionArn, { body: JSON.stringify(event), event, invocationType: action.invocationType }, source);
      await notifyTopic(ctx, action.topicArn, mail, recipients, verdicts, action, source);
      if (answer.status === "refused") return { outcome: "refused", detail: answer.reason };
      if (answer.status !== "delivered") return { outcome: "failed", detail: answer.reason };
      if (action.invocationType === "Event") return { outcome: "done" };
      // A function that failed is treated as CONTINUE by the rule set; the action itself reports the failure.
      if (answer.reply?.functionError !== undefined) return { outcome: "failed", detail: `the function failed (${answer.reply.functionError})` };
      return dispositionOf(answer.reply?.payload);
    }
    case "Bounce": {
      const code = `${action.smtpReplyCode}${action.statusCode === undefined ? "" : ` ${action.statusCode}`}`;
      ctx.world.sendMailTo([sender], {
        from: action.sender,
        to: [sender],
        cc: [],
        subject: "Delivery Status Notification (Failure)",
        text: `Your message "${mail.subject}" to ${recipients.join(", ")} could not be delivered.\r\n\r\n${code} ${action.message}`,
        html: undefined,
        headers: { from: action.sender, to: sender, subject: "Delivery Status Notification (Failure)", "x-ses-bounce": code },
        messageId: `${mail.messageId}-bounce@amazonses.com`,
        receivedAt: ctx.clock.now(),
      });
      await notifyTopic(ctx, action.topicArn, mail, recipients, verdicts, action, source);
      return { outcome: "done", detail: `bounced to ${sender} with ${code}` };
    }
    case "Stop":
      await notifyTopic(ctx, action.topicArn, mail, recipients, verdicts, action, source);
      return { outcome: "stop-rule-set" };
    case "WorkMail":
      return { outcome: "not-simulated", detail: "WorkMail is not simulated" };
  }
}

function dispositionOf(response: string | undefined): Ran {
  let disposition: unknown;
  try {
    disposition = response === undefined || response === "" ? undefined : (JSON.parse(response) as { disposition?: unknown } | null)?.disposition;
  } catch {
    disposition = undefined;
  }
  if (disposition === "STOP_RULE") return { outcome: "stop-rule", detail: "disposition STOP_RULE" };
  if (disposition === "STOP_RULE_SET") return { outcome: "stop-rule-set", detail: "disposition STOP_RULE_SET" };
  return { outcome: "done", detail: `disposition ${typeof disposition === "string" ? disposition : "CONTINUE"}` };
}
