/** SES sending: identities, the sandbox, quotas on the virtual clock, limits, delivery into sb.world.mailbox. */
import { describe, expect, it } from "vitest";
import { AwsError, createSandbox } from "sandbox-engine";
import { fault, givenSes, inbox, simple, value } from "./ses-helpers.ts";

describe("identities", () => {
  it("VerifyEmailIdentity mails a link; following it verifies the address", () => {
    const sb = createSandbox();
    value(sb.ses.verifyEmailIdentity({ EmailAddress: "orders@shop.example" }));
    expect(value(sb.ses.getIdentityVerificationAttributes({ Identities: ["orders@shop.example"] })).VerificationAttributes).toEqual({ "orders@shop.example": { VerificationStatus: "Pending" } });
    const [mail] = sb.world.mailbox("orders@shop.example");
    expect(mail!.from).toBe("no-reply-aws@amazon.com");
    const link = /https:\/\/email-verification\S+/.exec(mail!.text)![0];
    sb.ses.visit(link);
    expect(value(sb.ses.getIdentityVerificationAttributes({ Identities: ["orders@shop.example", "nobody@x.example"] })).VerificationAttributes).toEqual({ "orders@shop.example": { VerificationStatus: "Success" } });
    expect(sb.trace.events.some((event) => event.service === "ses" && event.kind === "identity-verified")).toBe(true);
  });
  it("a link followed after 24 hours has expired and the identity shows Failed", async () => {
    const sb = createSandbox();
    value(sb.ses.verifyEmailIdentity({ EmailAddress: "orders@shop.example" }));
    const link = /https:\/\/email-verification\S+/.exec(sb.world.mailbox("orders@shop.example")[0]!.text)![0];
    await sb.clock.advance(24 * 60 * 60 * 1000 + 1);
    expect(() => sb.ses.visit(link)).toThrow(/expired/);
    expect(value(sb.ses.getIdentityVerificationAttributes({ Identities: ["orders@shop.example"] })).VerificationAttributes["orders@shop.example"]!.VerificationStatus).toBe("Failed");
  });
  it("domains answer a token and are verified by sb.ses.verify; ListIdentities filters by type; DeleteIdentity forgets", () => {
    const sb = createSandbox();
    const { VerificationToken } = value(sb.ses.verifyDomainIdentity({ Domain: "shop.example" }));
    expect(VerificationToken).toMatch(/^[0-9a-f]{44}$/);
    value(sb.ses.verifyEmailIdentity({ EmailAddress: "a@b.example" }));
    expect(value(sb.ses.listIdentities({ IdentityType: "Domain" })).Identities).toEqual(["shop.example"]);
    expect(value(sb.ses.listIdentities({})).Identities).toEqual(["shop.example", "a@b.example"]);
    sb.ses.verify("shop.example");
    expect(value(sb.ses.getIdentityVerificationAttributes({ Identities: ["shop.example"] })).VerificationAttributes["shop.example"]).toEqual({ VerificationStatus: "Success", VerificationToken });
    value(sb.ses.deleteIdentity({ Identity: "shop.example" }));
    expect(value(sb.ses.listIdentities({})).Identities).toEqual(["a@b.example"]);
  });
  it("bad input: a missing or malformed address, an unknown identity to verify", () => {
    const sb = createSandbox();
    expect(fault(sb.ses.verifyEmailIdentity({}))).toMatchObject({ code: "MissingParameter" });
    expect(fault(sb.ses.verifyEmailIdentity({ EmailAddress: "not an address" }))).toMatchObject({ code: "InvalidParameterValue" });
    expect(fault(sb.ses.verifyDomainIdentity({ Domain: "-bad-" }))).toMatchObject({ code: "InvalidParameterValue" });
    expect(() => sb.ses.verify("ghost@x.example")).toThrow(AwsError);
    expect(value(sb.ses.listIdentities({})).Identities).toEqual([]);
  });
});

describe("sending in the sandbox", () => {
  it("a verified sender reaches a verified recipient's mailbox with the SES Message-ID", () => {
    const sb = givenSes("shop.example", "ana@example.com");
    const { MessageId } = value(sb.ses.sendEmail({ ...simple("Shop <orders@shop.example>", ["ana@example.com"], "Your order", "Thanks!"), Message: { Subject: { Data: "Your order" }, Body: { Text: { Data: "Thanks!" }, Html: { Data: "<p>Thanks!</p>" } } } }));
    expect(MessageId).toMatch(/^010001[0-9a-f]{10}-[0-9a-f-]{36}-000000$/);
    const [mail] = inbox(sb, "ana@example.com");
    expect(mail).toMatchObject({ from: "Shop <orders@shop.example>", to: ["ana@example.com"], subject: "Your order", text: "Thanks!", html: "<p>Thanks!</p>", messageId: MessageId });
    expect(mail!.headers["message-id"]).toBe(`<${MessageId}@email.amazonses.com>`);
  });
  it("an unverified sender is MessageRejected, in and out of the sandbox, and nothing is sent", () => {
    const sb = givenSes("ana@example.com");
    const rejected = fault(sb.ses.sendEmail(simple("orders@shop.example", ["ana@example.com"])));
    expect(rejected).toEqual(expect.objectContaining({ code: "MessageRejected", message: "Email address is not verified. The following identities failed the check in region US-EAST-1: orders@shop.example" }));
    sb.ses.leaveSandbox();
    expect(fault(sb.ses.sendEmail(simple("orders@shop.example", ["ana@example.com"]))).code).toBe("MessageRejected");
    expect(inbox(sb, "ana@example.com")).toEqual([]);
  });
  it("in the sandbox an unverified recipient is MessageRejected; after leaveSandbox it is delivered", () => {
    const sb = givenSes("orders@shop.example");
    expect(fault(sb.ses.sendEmail(simple("orders@shop.example", ["bob@example.com"]))).message).toMatch(/failed the check in region US-EAST-1: bob@example.com$/);
    expect(sb.ses.inSandbox).toBe(true);
    sb.ses.leaveSandbox();
    value(sb.ses.sendEmail(simple("orders@shop.example", ["bob@example.com"])));
    expect(inbox(sb, "bob@example.com")).toHaveLength(1);
    expect(value(sb.ses.getSendQuota({}))).toEqual({ Max24HourSend: 50000, MaxSendRate: 14, SentLast24Hours: 1 });
  });
  it("a verified Return-Path is required too", () => {
    const sb = givenSes("orders@shop.example", "ana@example.com");
    expect(fault(sb.ses.sendEmail({ ...simple("orders@shop.example", ["ana@example.com"]), ReturnPath: "bounces@other.example" })).message).toMatch(/bounces@other.example$/);
  });
  it("the rate quota is 1 recipient per second and the daily quota 200 per 24 hours, on the virtual clock", async () => {
    const sb = givenSes("shop.example", "example.com");
    value(sb.ses.sendEmail(simple("orders@shop.example", ["a@example.com"])));
    expect(fault(sb.ses.sendEmail(simple("orders@shop.example", ["b@example.com"])))).toMatchObject({ code: "Throttling", message: "Maximum sending rate exceeded." });
    await sb.clock.advance(1000);
    value(sb.ses.sendEmail(simple("orders@shop.example", ["b@example.com"])));
    for (let sent = 2; sent < 200; sent += 1) {
      await sb.clock.advance(1000);
      value(sb.ses.sendEmail(simple("orders@shop.example", [`r${sent}@example.com`])));
    }
    await sb.clock.advance(1000);
    expect(fault(sb.ses.sendEmail(simple("orders@shop.example", ["late@example.com"])))).toMatchObject({ code: "Throttling", message: "Daily message quota exceeded." });
    expect(value(sb.ses.getSendQuota({}))).toEqual({ Max24HourSend: 200, MaxSendRate: 1, SentLast24Hours: 200 });
    await sb.clock.advance(24 * 60 * 60 * 1000);
    value(sb.ses.sendEmail(simple("orders@shop.example", ["late@example.com"])));
  });
  it("two recipients in one message exceed the 1-per-second rate in the sandbox", () => {
    const sb = givenSes("shop.example", "example.com");
    expect(fault(sb.ses.sendEmail(simple("orders@shop.example", ["a@example.com", "b@example.com"]))).message).toBe("Maximum sending rate exceeded.");
  });
  it("more than 50 recipients (To + Cc + Bcc) are refused", () => {
    const sb = givenSes("shop.example", "example.com");
    sb.ses.leaveSandbox();
    const to = Array.from({ length: 30 }, (_, i) => `to${i}@example.com`);
    const cc = Array.from({ length: 21 }, (_, i) => `cc${i}@example.com`);
    const refused = fault(sb.ses.sendEmail({ ...simple("orders@shop.example", to), Destination: { ToAddresses: to, CcAddresses: cc } }));
    expect(refused).toMatchObject({ code: "InvalidParameterValue", message: "Recipient count exceeds 50." });
    expect(inbox(sb, "to0@example.com")).toEqual([]);
  });
  it("v1 messages over 10 MB are MessageRejected; v2 takes up to 40 MB", () => {
    const sb = givenSes("shop.example", "example.com");
    const big = "x".repeat(10 * 1024 * 1024 + 1);
    expect(fault(sb.ses.sendEmail(simple("orders@shop.example", ["a@example.com"], "big", big))).message).toBe(`Message length is more than 10485760 bytes long: '${big.length + 3}'.`);
    value(sb.ses.sendEmailV2({ FromEmailAddress: "orders@shop.example", Destination: { ToAddresses: ["a@example.com"] }, Content: { Simple: { Subject: { Data: "big" }, Body: { Text: { Data: big } } } } }));
  });
  it("bad input: no Source, no Destination, a malformed address, a Message that is not one", () => {
    const sb = givenSes("shop.example", "example.com");
    expect(fault(sb.ses.sendEmail({ Destination: { ToAddresses: ["a@example.com"] } })).code).toBe("MissingParameter");
    expect(fault(sb.ses.sendEmail({ Source: "orders@shop.example", Message: {} })).code).toBe("MissingParameter");
    expect(fault(sb.ses.sendEmail(simple("orders@shop.example", ["not-an-address"]))).message).toBe("Illegal address: not-an-address");
    expect(fault(sb.ses.sendEmail({ ...simple("orders@shop.example", ["a@example.com"]), Message: "hi" })).code).toBe("InvalidParameterValue");
    expect(fault(sb.ses.sendEmail(null)).code).toBe("MissingParameter");
    expect(value(sb.ses.getSendQuota({})).SentLast24Hours).toBe(0);
  });
  it("SendRawEmail takes From and To from the headers, Bcc included, and keeps extra headers", () => {
    const sb = givenSes("shop.example", "example.com");
    sb.ses.leaveSandbox();
    const raw = ["From: Shop <orders@shop.example>", "To: ana@example.com", "Bcc: audit@example.com", "Subject: Raw", "X-Order: 42", "Content-Type: text/plain", "", "Body text"].join("\r\n");
    const { MessageId } = value(sb.ses.sendRawEmail({ RawMessage: { Data: new TextEncoder().encode(raw) } }));
    const [mail] = inbox(sb, "ana@example.com");
    expect(mail).toMatchObject({ subject: "Raw", text: "Body text", messageId: MessageId });
    expect(mail!.headers["x-order"]).toBe("42");
    expect(inbox(sb, "audit@example.com")).toHaveLength(1);
    expect(fault(sb.ses.sendRawEmail({ RawMessage: { Data: "Subject: none\r\n\r\nx" } })).code).toBe("InvalidParameterValue");
  });
  it("v2 SendEmail needs exactly one kind of content", () => {
    const sb = givenSes("shop.example", "example.com");
    expect(fault(sb.ses.sendEmailV2({ FromEmailAddress: "orders@shop.example", Destination: { ToAddresses: ["a@example.com"] }, Content: {} })).code).toBe("InvalidParameterValue");
  });
  it("the bill counts each recipient as one email sent at $0.10 per 1,000", () => {
    const sb = givenSes("shop.example", "example.com");
    sb.ses.leaveSandbox();
    value(sb.ses.sendEmail(simple("orders@shop.example", ["a@example.com", "b@example.com"])));
    const bill = sb.ses.bill();
    expect(bill.lines[0]).toEqual({ item: "emails sent", quantity: 2, costUsd: 0.0002 });
    expect(bill.prices.source).toBe("https://aws.amazon.com/ses/pricing/");
  });
});

describe("trace", () => {
  it("a delivery points to its send; an action to its rule-matched, which points to the receive", async () => {
    const sb = givenSes("shop.example", "ana@example.com");
    value(sb.ses.sendEmail(simple("orders@shop.example", ["ana@example.com"])));
    const delivery = sb.trace.events.find((event) => event.service === "ses" && event.kind === "delivery")!;
    expect(sb.trace.events[delivery.cause!]).toMatchObject({ service: "ses", kind: "send", resource: "orders@shop.example" });
    value(sb.ses.createReceiptRuleSet({ RuleSetName: "in" }));
    value(sb.ses.setActiveReceiptRuleSet({ RuleSetName: "in" }));
    value(sb.ses.createReceiptRule({ RuleSetName: "in", Rule: { Name: "keep", Enabled: true, Recipients: ["shop.example"], Actions: [{ S3Action: { BucketName: "mail" } }] } }));
    await sb.ses.receiveEmail({ from: "ana@example.com", to: "help@shop.example" });
    const action = sb.trace.events.find((event) => event.service === "ses" && event.kind === "action")!;
    const matched = sb.trace.events[action.cause!]!;
    expect(matched).toMatchObject({ kind: "rule-matched", resource: "arn:aws:ses:us-east-1:123456789012:receipt-rule-set/in:receipt-rule/keep" });
    expect(sb.trace.events[matched.cause!]).toMatchObject({ kind: "receive", details: { from: "ana@example.com" } });
  });
});
