/** SES v2 operations share v1's state: an identity or template made through either is seen by both. */
import { describe, expect, it } from "vitest";
import { createSandbox } from "sandbox-engine";
import { fault, givenSes, inbox, value } from "./ses-helpers.ts";

describe("SES v2 over the shared state", () => {
  it("CreateEmailIdentity mails the link; following it verifies the address for v1 too", () => {
    const sb = createSandbox();
    expect(value(sb.ses.createEmailIdentity({ EmailIdentity: "orders@shop.example" }))).toEqual({ IdentityType: "EMAIL_ADDRESS", VerifiedForSendingStatus: false });
    expect(value(sb.ses.getEmailIdentity({ EmailIdentity: "orders@shop.example" }))).toMatchObject({ VerificationStatus: "PENDING", VerifiedForSendingStatus: false, FeedbackForwardingStatus: true });
    sb.ses.visit(/https:\/\/email-verification\S+/.exec(sb.world.mailbox("orders@shop.example")[0]!.text)![0]);
    expect(value(sb.ses.getIdentityVerificationAttributes({ Identities: ["orders@shop.example"] })).VerificationAttributes["orders@shop.example"]!.VerificationStatus).toBe("Success");
    expect(value(sb.ses.getEmailIdentity({ EmailIdentity: "orders@shop.example" }))).toMatchObject({ VerificationStatus: "SUCCESS", VerifiedForSendingStatus: true });
  });
  it("a duplicate identity is AlreadyExistsException, an unknown one NotFoundException", () => {
    const sb = givenSes("shop.example");
    expect(fault(sb.ses.createEmailIdentity({ EmailIdentity: "shop.example" })).code).toBe("AlreadyExistsException");
    expect(fault(sb.ses.getEmailIdentity({ EmailIdentity: "ghost.example" })).code).toBe("NotFoundException");
    expect(fault(sb.ses.createEmailIdentity({})).code).toBe("MissingParameter");
  });
  it("a template made with CreateEmailTemplate sends through v1 and v2; GetEmailTemplate reads a v1 template", () => {
    const sb = givenSes("shop.example", "ana@example.com");
    value(sb.ses.createEmailTemplate({ TemplateName: "welcome", TemplateContent: { Subject: "Welcome {{name}}", Text: "Hello {{name}}" } }));
    value(sb.ses.sendEmailV2({ FromEmailAddress: "hi@shop.example", Destination: { ToAddresses: ["ana@example.com"] }, Content: { Template: { TemplateName: "welcome", TemplateData: '{"name":"Ana"}' } } }));
    expect(inbox(sb, "ana@example.com")[0]).toMatchObject({ subject: "Welcome Ana", text: "Hello Ana" });
    value(sb.ses.createTemplate({ Template: { TemplateName: "v1", SubjectPart: "S", HtmlPart: "<p>H</p>" } }));
    expect(value(sb.ses.getEmailTemplate({ TemplateName: "v1" }))).toEqual({ TemplateName: "v1", TemplateContent: { Subject: "S", Html: "<p>H</p>" } });
    expect(fault(sb.ses.getEmailTemplate({ TemplateName: "ghost" })).code).toBe("NotFoundException");
  });
  it("GetAccount shows the sandbox, then production access", () => {
    const sb = createSandbox();
    expect(value(sb.ses.getAccount({}))).toMatchObject({ ProductionAccessEnabled: false, SendQuota: { Max24HourSend: 200, MaxSendRate: 1, SentLast24Hours: 0 } });
    sb.ses.leaveSandbox();
    expect(value(sb.ses.getAccount({}))).toMatchObject({ ProductionAccessEnabled: true, SendQuota: { Max24HourSend: 50000, MaxSendRate: 14 } });
  });
  it("v2 SendEmail with Raw content takes the sender from the From header", () => {
    const sb = givenSes("shop.example", "ana@example.com");
    value(sb.ses.sendEmailV2({ Content: { Raw: { Data: "From: orders@shop.example\r\nTo: ana@example.com\r\nSubject: Raw v2\r\n\r\nhello" } } }));
    expect(inbox(sb, "ana@example.com")[0]).toMatchObject({ subject: "Raw v2", text: "hello" });
  });
});
