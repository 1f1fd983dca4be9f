/** SES receiving: rule sets, rules and filters (API and bad input), and the pipeline: IP filters, conditions, rules, actions. */
import { describe, expect, it } from "vitest";
import type { SESEvent } from "aws-lambda";
import { AwsError, type Sandbox } from "sandbox-engine";
import { AddPermissionCommand, LambdaClient } from "sandbox-engine/aws/client-lambda";
import { fault, givenSes, givenTopicInbox, inbox, value } from "./ses-helpers.ts";

const ACCOUNT = "123456789012";
const fnArn = (name: string) => `arn:aws:lambda:us-east-1:${ACCOUNT}:function:${name}`;

function givenRuleSet(...verified: string[]): Sandbox {
  const sb = givenSes(...verified);
  value(sb.ses.createReceiptRuleSet({ RuleSetName: "inbound" }));
  value(sb.ses.setActiveReceiptRuleSet({ RuleSetName: "inbound" }));
  return sb;
}

const rule = (Name: string, Recipients: string[], Actions: unknown[] = [], extra: Record<string, unknown> = {}) => ({ RuleSetName: "inbound", Rule: { Name, Enabled: true, Recipients, Actions, ...extra } });
const s3 = (BucketName: string) => ({ S3Action: { BucketName } });
const stop = { StopAction: { Scope: "RuleSet" } };

/** A function SES may invoke (AddPermission for ses.amazonaws.com unless `permitted` is false). */
async function givenFunction(sb: Sandbox, name: string, handler: (event: SESEvent) => unknown, permitted = true) {
  sb.lambda.createFunction({ FunctionName: name, handler: async (event: unknown) => handler(event as SESEvent) });
  if (permitted) await new LambdaClient({ sandbox: sb }).send(new AddPermissionCommand({ FunctionName: name, StatementId: "ses", Action: "lambda:InvokeFunction", Principal: "ses.amazonaws.com", SourceAccount: ACCOUNT }));
}

describe("rule sets, rules and filters", () => {
  it("CreateReceiptRule puts a rule first, or after After; Describe shows the order and AWS's defaults", () => {
    const sb = givenRuleSet();
    value(sb.ses.createReceiptRule(rule("b", ["b@x.example"])));
    value(sb.ses.createReceiptRule(rule("a", ["a@x.example"])));
    value(sb.ses.createReceiptRule({ ...rule("c", ["c@x.example"]), After: "b" }));
    value(sb.ses.createReceiptRule({ RuleSetName: "inbound", Rule: { Name: "defaults" }, After: "c" }));
    const described = value(sb.ses.describeReceiptRuleSet({ RuleSetName: "inbound" }));
    expect(described.Rules.map((item) => item["Name"])).toEqual(["a", "b", "c", "defaults"]);
    expect(described.Rules[3]).toMatchObject({ Enabled: false, ScanEnabled: false, TlsPolicy: "Optional" });
    expect(value(sb.ses.describeActiveReceiptRuleSet({}))).toMatchObject({ Metadata: { Name: "inbound" } });
    value(sb.ses.reorderReceiptRuleSet({ RuleSetName: "inbound", RuleNames: ["defaults", "c", "b", "a"] }));
    expect(value(sb.ses.describeReceiptRuleSet({ RuleSetName: "inbound" })).Rules.map((item) => item["Name"])).toEqual(["defaults", "c", "b", "a"]);
    value(sb.ses.updateReceiptRule(rule("c", ["new@x.example"])));
    expect(value(sb.ses.describeReceiptRule({ RuleSetName: "inbound", RuleName: "c" })).Rule["Recipients"]).toEqual(["new@x.example"]);
    value(sb.ses.deleteReceiptRule({ RuleSetName: "inbound", RuleName: "c" }));
    value(sb.ses.cloneReceiptRuleSet({ RuleSetName: "copy", OriginalRuleSetName: "inbound" }));
    expect(value(sb.ses.describeReceiptRuleSet({ RuleSetName: "copy" })).Rules.map((item) => item["Name"])).toEqual(["defaults", "b", "a"]);
  });
  it("bad input: an unknown rule set, a duplicate rule name, After naming a missing rule, a bad action, deleting the active set", () => {
    const sb = givenRuleSet();
    expect(fault(sb.ses.createReceiptRule({ ...rule("a", []), RuleSetName: "ghost" }))).toMatchObject({ code: "RuleSetDoesNotExistException", message: "Rule set does not exist: ghost" });
    value(sb.ses.createReceiptRule(rule("a", [])));
    expect(fault(sb.ses.createReceiptRule(rule("a", [])))).toMatchObject({ code: "AlreadyExistsException", message: "Rule already exists: a" });
    expect(fault(sb.ses.createReceiptRule({ ...rule("b", []), After: "missing" }))).toMatchObject({ code: "RuleDoesNotExistException", message: "Rule does not exist: missing" });
    expect(fault(sb.ses.createReceiptRule(rule("c", [], [{ S3Action: { BucketName: "b" }, StopAction: { Scope: "RuleSet" } }]))).code).toBe("InvalidParameterValue");
    expect(fault(sb.ses.createReceiptRule(rule("c", [], [{ LambdaAction: { FunctionArn: "not-an-arn" } }]))).code).toBe("InvalidParameterValue");
    expect(fault(sb.ses.createReceiptRule(rule("c", [], [{ AddHeaderAction: { HeaderName: "X Bad", HeaderValue: "v" } }]))).code).toBe("InvalidParameterValue");
    expect(fault(sb.ses.createReceiptRule(rule("-bad", []))).code).toBe("InvalidParameterValue");
    expect(fault(sb.ses.createReceiptRuleSet({ RuleSetName: "inbound" })).code).toBe("AlreadyExistsException");
    expect(fault(sb.ses.deleteReceiptRuleSet({ RuleSetName: "inbound" }))).toMatchObject({ code: "CannotDeleteException" });
    expect(fault(sb.ses.setActiveReceiptRuleSet({ RuleSetName: "ghost" })).code).toBe("RuleSetDoesNotExistException");
    expect(fault(sb.ses.reorderReceiptRuleSet({ RuleSetName: "inbound", RuleNames: ["zzz"] })).code).toBe("RuleDoesNotExistException");
    expect(fault(sb.ses.describeReceiptRule({ RuleSetName: "inbound", RuleName: "zzz" })).code).toBe("RuleDoesNotExistException");
    expect(value(sb.ses.describeReceiptRuleSet({ RuleSetName: "inbound" })).Rules.map((item) => item["Name"])).toEqual(["a"]);
    value(sb.ses.setActiveReceiptRuleSet({}));
    value(sb.ses.deleteReceiptRuleSet({ RuleSetName: "inbound" }));
    expect(value(sb.ses.describeActiveReceiptRuleSet({}))).toEqual({});
  });
  it("IP filters: create, list, delete; a bad CIDR, a bad policy and a duplicate name are refused", () => {
    const sb = givenRuleSet();
    value(sb.ses.createReceiptFilter({ Filter: { Name: "block-all", IpFilter: { Policy: "Block", Cidr: "0.0.0.0/0" } } }));
    value(sb.ses.createReceiptFilter({ Filter: { Name: "partner", IpFilter: { Policy: "Allow", Cidr: "203.0.113.7" } } }));
    expect(fault(sb.ses.createReceiptFilter({ Filter: { Name: "bad", IpFilter: { Policy: "Block", Cidr: "10.0.0.0/33" } } }))).toMatchObject({ code: "InvalidParameterValue", message: "Invalid CIDR: 10.0.0.0/33" });
    expect(fault(sb.ses.createReceiptFilter({ Filter: { Name: "bad", IpFilter: { Policy: "Block", Cidr: "300.1.1.1" } } })).code).toBe("InvalidParameterValue");
    expect(fault(sb.ses.createReceiptFilter({ Filter: { Name: "bad", IpFilter: { Policy: "Deny", Cidr: "10.0.0.1" } } })).code).toBe("InvalidParameterValue");
    expect(fault(sb.ses.createReceiptFilter({ Filter: { Name: "partner", IpFilter: { Policy: "Allow", Cidr: "10.0.0.1" } } })).code).toBe("AlreadyExistsException");
    expect(value(sb.ses.listReceiptFilters({})).Filters).toEqual([{ Name: "block-all", IpFilter: { Policy: "Block", Cidr: "0.0.0.0/0" } }, { Name: "partner", IpFilter: { Policy: "Allow", Cidr: "203.0.113.7" } }]);
    value(sb.ses.deleteReceiptFilter({ FilterName: "block-all" }));
    expect(value(sb.ses.listReceiptFilters({})).Filters).toHaveLength(1);
  });
});

describe("receiving", () => {
  it("an IP filter blocks a range; an Allow entry overrides it for a partner", async () => {
    const sb = givenRuleSet();
    value(sb.ses.createReceiptRule(rule("all", ["support@shop.example"], [s3("mail")])));
    value(sb.ses.createReceiptFilter({ Filter: { Name: "block", IpFilter: { Policy: "Block", Cidr: "203.0.113.0/24" } } }));
    value(sb.ses.createReceiptFilter({ Filter: { Name: "partner", IpFilter: { Policy: "Allow", Cidr: "203.0.113.7" } } }));
    const blocked = await sb.ses.receiveEmail({ from: "spam@bad.example", to: "support@shop.example", sourceIp: "203.0.113.8" });
    expect(blocked).toMatchObject({ accepted: false, smtp: { code: 554 }, matchedRules: [] });
    const partner = await sb.ses.receiveEmail({ from: "ops@partner.example", to: "support@shop.example", sourceIp: "203.0.113.7" });
    expect(partner).toMatchObject({ accepted: true, smtp: { code: 250 }, matchedRules: ["all"] });
    expect(sb.world.bucket("mail").keys()).toEqual([partner.messageId]);
  });
  it("mail no rule applies to is rejected with 550; disabled rules and an inactive set match nothing", async () => {
    const sb = givenRuleSet();
    value(sb.ses.createReceiptRule(rule("support", ["support@shop.example"], [s3("mail")])));
    value(sb.ses.createReceiptRule(rule("off", ["billing@shop.example"], [s3("mail")], { Enabled: false })));
    const billing = await sb.ses.receiveEmail({ from: "ana@example.com", to: "billing@shop.example" });
    expect(billing).toMatchObject({ accepted: false, smtp: { code: 550, enhancedCode: "5.1.1" } });
    expect(sb.trace.events.at(-1)).toMatchObject({ service: "ses", kind: "reject", details: { smtpCode: 550 } });
    value(sb.ses.setActiveReceiptRuleSet({}));
    expect((await sb.ses.receiveEmail({ from: "ana@example.com", to: "support@shop.example" })).accepted).toBe(false);
  });
  it("recipient conditions: an address, a domain (not its subdomains), .domain (subdomains only), none (verified domains)", async () => {
    const sb = givenRuleSet("verified.example");
    value(sb.ses.createReceiptRule(rule("everything", [], [])));
    value(sb.ses.createReceiptRule(rule("subdomains", [".shop.example"], [])));
    value(sb.ses.createReceiptRule(rule("domain", ["shop.example"], [])));
    value(sb.ses.createReceiptRule(rule("address", ["boss@other.example"], [])));
    const rulesFor = async (to: string) => (await sb.ses.receiveEmail({ from: "a@x.example", to })).matchedRules;
    expect(await rulesFor("boss@other.example")).toEqual(["address"]);
    expect(await rulesFor("Someone@Shop.example")).toEqual(["domain"]);
    expect(await rulesFor("someone@eu.shop.example")).toEqual(["subdomains"]);
    expect(await rulesFor("someone@verified.example")).toEqual(["everything"]);
    expect(await rulesFor("someone@unverified.example")).toEqual([]);
  });
  it("rules run in order, actions in order; a Stop action ends the rule set; AddHeader shows in later actions", async () => {
    const sb = givenRuleSet();
    value(sb.ses.createReceiptRule(rule("third", ["shop.example"], [s3("third")])));
    value(sb.ses.createReceiptRule(rule("second", ["shop.example"], [s3("second"), stop, s3("never")])));
    value(sb.ses.createReceiptRule(rule("first", ["shop.example"], [{ AddHeaderAction: { HeaderName: "X-Routed", HeaderValue: "yes" } }, s3("first")])));
    const result = await sb.ses.receiveEmail({ from: "ana@example.com", to: "help@shop.example", subject: "Help", text: "Please" });
    expect(result.matchedRules).toEqual(["first", "second"]);
    expect(result.actions.map((action) => `${action.rule}:${action.type}:${action.outcome}`)).toEqual(["first:AddHeader:done", "first:S3:done", "second:S3:done", "second:Stop:stop-rule-set"]);
    const stored = sb.world.bucket("first").get(result.messageId!)!;
    expect(stored).toMatch(/^X-Routed: yes\r\n/);
    expect(stored).toContain("Subject: Help");
    expect(stored).toContain("Please");
    expect(sb.world.bucket("never").keys()).toEqual([]);
    expect(sb.world.bucket("third").keys()).toEqual([]);
  });
  it("a RequestResponse Lambda steers the flow: STOP_RULE ends its rule, STOP_RULE_SET everything, anything else continues", async () => {
    const sb = givenRuleSet();
    const dispositions: Record<string, string> = { ruleStop: "STOP_RULE", setStop: "STOP_RULE_SET", keepGoing: "CONTINUE" };
    for (const name of Object.keys(dispositions)) await givenFunction(sb, name, () => ({ disposition: dispositions[name] }));
    const lambda = (name: string) => ({ LambdaAction: { FunctionArn: fnArn(name), InvocationType: "RequestResponse" } });
    value(sb.ses.createReceiptRule(rule("r3", ["shop.example"], [s3("r3")])));
    value(sb.ses.createReceiptRule(rule("r2", ["shop.example"], [lambda("setStop"), s3("r2")])));
    value(sb.ses.createReceiptRule(rule("r1", ["shop.example"], [lambda("keepGoing"), lambda("ruleStop"), s3("r1")])));
    const result = await sb.ses.receiveEmail({ from: "ana@example.com", to: "help@shop.example" });
    expect(result.actions.map((action) => `${action.rule}:${action.outcome}`)).toEqual(["r1:done", "r1:stop-rule", "r2:stop-rule-set"]);
    expect(["r1", "r2", "r3"].map((bucket) => sb.world.bucket(bucket).keys().length)).toEqual([0, 0, 0]);
  });
  it("the Lambda event is the SESEvent shape with the verdicts; scanning off reports DISABLED", async () => {
    const sb = givenRuleSet();
    const events: SESEvent[] = [];
    await givenFunction(sb, "inspect", (event) => {
      events.push(event);
      return null;
    });
    value(sb.ses.createReceiptRule(rule("scanned", ["scan@shop.example"], [{ LambdaAction: { FunctionArn: fnArn("inspect"), InvocationType: "RequestResponse" } }], { ScanEnabled: true })));
    value(sb.ses.createReceiptRule(rule("unscanned", ["plain@shop.example"], [{ LambdaAction: { FunctionArn: fnArn("inspect"), InvocationType: "RequestResponse" } }])));
    await sb.ses.receiveEmail({ from: "Ana <ana@example.com>".replace(/.*<|>/g, ""), to: ["scan@shop.example"], subject: "Invoice", virus: "FAIL", spam: "GRAY", dmarc: "FAIL" });
    await sb.ses.receiveEmail({ from: "ana@example.com", to: "plain@shop.example" });
    const [scanned, plain] = events.map((event) => event.Records[0]!);
    expect(scanned!.eventSource).toBe("aws:ses");
    expect(scanned!.ses.mail).toMatchObject({ source: "ana@example.com", destination: ["scan@shop.example"], commonHeaders: { subject: "Invoice", from: ["ana@example.com"] } });
    expect(scanned!.ses.receipt).toMatchObject({ recipients: ["scan@shop.example"], virusVerdict: { status: "FAIL" }, spamVerdict: { status: "GRAY" }, spfVerdict: { status: "PASS" }, dmarcVerdict: { status: "FAIL" }, dmarcPolicy: "none", action: { type: "Lambda", functionArn: fnArn("inspect"), invocationType: "RequestResponse" } });
    expect(plain!.ses.receipt.virusVerdict.status).toBe("DISABLED");
    expect(plain!.ses.receipt.dmarcPolicy).toBeUndefined();
  });
  it("a permission removed after the rule was made: the function is not invoked, and the trace says so", async () => {
    const sb = givenRuleSet();
    let ran = false;
    await givenFunction(sb, "private", () => (ran = true));
    value(sb.ses.createReceiptRule(rule("r", ["shop.example"], [{ LambdaAction: { FunctionArn: fnArn("private"), InvocationType: "Event" } }])));
    value(sb.lambda.removePermission({ FunctionName: "private", StatementId: "ses" }));
    const result = await sb.ses.receiveEmail({ from: "ana@example.com", to: "help@shop.example" });
    await sb.clock.runAll();
    expect(ran).toBe(false);
    expect(result.actions[0]).toMatchObject({ type: "Lambda", outcome: "refused" });
    expect(sb.trace.events.some((event) => event.service === "lambda" && event.kind === "invoke-denied")).toBe(true);
  });
  it("an Event Lambda runs asynchronously; its disposition cannot steer", async () => {
    const sb = givenRuleSet();
    let invoked = 0;
    await givenFunction(sb, "async", () => {
      invoked += 1;
      return { disposition: "STOP_RULE_SET" };
    });
    value(sb.ses.createReceiptRule(rule("r", ["shop.example"], [{ LambdaAction: { FunctionArn: fnArn("async") } }, s3("after")])));
    const result = await sb.ses.receiveEmail({ from: "ana@example.com", to: "help@shop.example" });
    await sb.clock.runAll();
    expect(invoked).toBe(1);
    expect(result.actions.map((action) => action.outcome)).toEqual(["done", "done"]);
  });
  it("the SNS action publishes a Received notification with the content, UTF-8 or Base64", async () => {
    const sb = givenRuleSet();
    const topic = await givenTopicInbox(sb, "inbound-mail");
    value(sb.ses.createReceiptRule(rule("b64", ["b64@shop.example"], [{ SNSAction: { TopicArn: topic.topicArn, Encoding: "Base64" } }])));
    value(sb.ses.createReceiptRule(rule("utf8", ["utf8@shop.example"], [{ SNSAction: { TopicArn: topic.topicArn } }])));
    await sb.ses.receiveEmail({ from: "ana@example.com", to: "utf8@shop.example", subject: "Grüße", text: "héllo" });
    await sb.ses.receiveEmail({ from: "ana@example.com", to: "b64@shop.example", subject: "Grüße", text: "héllo" });
    const [utf8, b64] = await topic.messages();
    expect(utf8).toMatchObject({ notificationType: "Received", receipt: { action: { type: "SNS", topicArn: topic.topicArn, encoding: "UTF-8" } } });
    expect(utf8!["content"]).toContain("héllo");
    const decoded = new TextDecoder().decode(Uint8Array.from(atob(b64!["content"]), (char) => char.charCodeAt(0)));
    expect(decoded).toContain("Subject: Grüße");
  });
  it("the Bounce action mails the sender the SMTP code and message", async () => {
    const sb = givenRuleSet("shop.example");
    value(sb.ses.createReceiptRule(rule("gone", ["old@shop.example"], [{ BounceAction: { SmtpReplyCode: "550", StatusCode: "5.1.1", Message: "Mailbox does not exist", Sender: "mailer-daemon@shop.example" } }])));
    const result = await sb.ses.receiveEmail({ from: "ana@example.com", to: "old@shop.example", subject: "Hi" });
    expect(result.accepted).toBe(true);
    const [bounce] = inbox(sb, "ana@example.com");
    expect(bounce).toMatchObject({ from: "mailer-daemon@shop.example", subject: "Delivery Status Notification (Failure)" });
    expect(bounce!.text).toContain("550 5.1.1 Mailbox does not exist");
  });
  it("bad input to receiveEmail throws an AwsError and records nothing", async () => {
    const sb = givenRuleSet();
    const before = sb.trace.events.length;
    await expect(sb.ses.receiveEmail({ from: "nobody", to: "a@b.example" })).rejects.toThrow(AwsError);
    await expect(sb.ses.receiveEmail({ from: "a@b.example", to: [] })).rejects.toThrow(/to/);
    await expect(sb.ses.receiveEmail({ from: "a@b.example", to: "c@d.example", spam: "MAYBE" as never })).rejects.toThrow(/Invalid spam verdict/);
    expect(sb.trace.events.length).toBe(before);
  });
  it("received mail is billed per mail and per 256 KB chunk", async () => {
    const sb = givenRuleSet();
    value(sb.ses.createReceiptRule(rule("all", ["shop.example"], [])));
    await sb.ses.receiveEmail({ from: "a@x.example", to: "b@shop.example", text: "x".repeat(300 * 1024) });
    expect(sb.ses.bill().lines.slice(1).map((line) => line.quantity)).toEqual([1, 2]);
  });
});
