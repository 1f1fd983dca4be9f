/** Every SES operation through the real @aws-sdk/client-ses (Query/XML) and @aws-sdk/client-sesv2 (REST-JSON). */
import { describe, expect, it } from "vitest";
import { createSandbox, type Sandbox } from "sandbox-engine";
import * as v1 from "sandbox-engine/aws/client-ses";
import * as v2 from "sandbox-engine/aws/client-sesv2";
import { AddPermissionCommand, LambdaClient, RemovePermissionCommand } from "sandbox-engine/aws/client-lambda";
import { CreateTopicCommand, SNSClient } from "sandbox-engine/aws/client-sns";
import { fnArn } from "./lambda-helpers.ts";

async function errorOf(promise: Promise<unknown>): Promise<Error & Record<string, any>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, any>;
  }
  throw new Error("expected the request to fail, but it succeeded");
}

function given(): { sb: Sandbox; ses: v1.SESClient; sesv2: v2.SESv2Client } {
  const sb = createSandbox();
  // maxAttempts 1: the SDK's standard retries would otherwise retry a Throttling answer on the virtual clock.
  return { sb, ses: new v1.SESClient({ sandbox: sb, maxAttempts: 1 }), sesv2: new v2.SESv2Client({ sandbox: sb, maxAttempts: 1 }) };
}

const mail = (Source: string, to: string) => ({ Source, Destination: { ToAddresses: [to] }, Message: { Subject: { Data: "Hi" }, Body: { Text: { Data: "Hello" }, Html: { Data: "<p>Hello</p>" } } } });

describe("@aws-sdk/client-ses", () => {
  it("identities: verify by link, list, attributes, delete", async () => {
    const { sb, ses } = given();
    await ses.send(new v1.VerifyEmailIdentityCommand({ EmailAddress: "orders@shop.example" }));
    const { VerificationToken } = await ses.send(new v1.VerifyDomainIdentityCommand({ Domain: "shop.example" }));
    expect(VerificationToken).toMatch(/^[0-9a-f]{44}$/);
    sb.ses.visit(/https:\/\/email-verification\S+/.exec(sb.world.mailbox("orders@shop.example")[0]!.text)![0]);
    expect((await ses.send(new v1.ListIdentitiesCommand({}))).Identities).toEqual(["orders@shop.example", "shop.example"]);
    const { VerificationAttributes } = await ses.send(new v1.GetIdentityVerificationAttributesCommand({ Identities: ["orders@shop.example", "shop.example"] }));
    expect(VerificationAttributes).toEqual({ "orders@shop.example": { VerificationStatus: "Success" }, "shop.example": { VerificationStatus: "Pending", VerificationToken } });
    await ses.send(new v1.DeleteIdentityCommand({ Identity: "shop.example" }));
    expect((await ses.send(new v1.ListIdentitiesCommand({ IdentityType: "Domain" }))).Identities).toEqual([]);
  });
  it("SendEmail, SendRawEmail, and the errors of an unverified sender, too many recipients, the rate quota", async () => {
    const { sb, ses } = given();
    await ses.send(new v1.VerifyDomainIdentityCommand({ Domain: "shop.example" }));
    sb.ses.verify("shop.example");
    await ses.send(new v1.VerifyEmailIdentityCommand({ EmailAddress: "ana@example.com" }));
    sb.ses.verify("ana@example.com");
    const { MessageId } = await ses.send(new v1.SendEmailCommand(mail("orders@shop.example", "ana@example.com")));
    expect(sb.world.mailbox("ana@example.com").at(-1)).toMatchObject({ messageId: MessageId, subject: "Hi", html: "<p>Hello</p>" });
    const throttled = await errorOf(ses.send(new v1.SendEmailCommand(mail("orders@shop.example", "ana@example.com"))));
    expect(throttled).toMatchObject({ name: "Throttling", message: "Maximum sending rate exceeded." });
    await sb.clock.advance(1000);
    const unverified = await errorOf(ses.send(new v1.SendEmailCommand(mail("orders@other.example", "ana@example.com"))));
    expect(unverified).toBeInstanceOf(v1.MessageRejected);
    expect(unverified.message).toMatch(/not verified.*orders@other.example/);
    const many = Array.from({ length: 51 }, (_, i) => `r${i}@example.com`);
    const tooMany = await errorOf(ses.send(new v1.SendEmailCommand({ ...mail("orders@shop.example", "ana@example.com"), Destination: { ToAddresses: many } })));
    expect(tooMany).toMatchObject({ name: "InvalidParameterValue", message: "Recipient count exceeds 50." });
    const raw = "From: orders@shop.example\r\nTo: ana@example.com\r\nSubject: Raw\r\n\r\nraw body";
    await ses.send(new v1.SendRawEmailCommand({ RawMessage: { Data: new TextEncoder().encode(raw) } }));
    expect(sb.world.mailbox("ana@example.com").at(-1)).toMatchObject({ subject: "Raw", text: "raw body" });
  });
  it("templates: create, get, update, list, test-render, send, bulk send, delete; missing data", async () => {
    const { sb, ses } = given();
    for (const identity of ["shop.example", "example.com"]) {
      await ses.send(new v1.VerifyDomainIdentityCommand({ Domain: identity }));
      sb.ses.verify(identity);
    }
    sb.ses.leaveSandbox();
    const Template = { TemplateName: "order", SubjectPart: "Order {{id}}", TextPart: "Hi {{name}}" };
    await ses.send(new v1.CreateTemplateCommand({ Template }));
    expect(await errorOf(ses.send(new v1.CreateTemplateCommand({ Template })))).toBeInstanceOf(v1.AlreadyExistsException);
    await ses.send(new v1.UpdateTemplateCommand({ Template: { ...Template, HtmlPart: "<b>{{name}}</b>" } }));
    expect((await ses.send(new v1.GetTemplateCommand({ TemplateName: "order" }))).Template).toEqual({ ...Template, HtmlPart: "<b>{{name}}</b>" });
    expect((await ses.send(new v1.ListTemplatesCommand({}))).TemplatesMetadata!.map((item) => item.Name)).toEqual(["order"]);
    const { RenderedTemplate } = await ses.send(new v1.TestRenderTemplateCommand({ TemplateName: "order", TemplateData: '{"id":7,"name":"Ana"}' }));
    expect(RenderedTemplate).toContain("Subject: Order 7");
    const missing = await errorOf(ses.send(new v1.TestRenderTemplateCommand({ TemplateName: "order", TemplateData: '{"id":7}' })));
    expect(missing).toBeInstanceOf(v1.MissingRenderingAttributeException);
    await ses.send(new v1.SendTemplatedEmailCommand({ Source: "orders@shop.example", Destination: { ToAddresses: ["ana@example.com"] }, Template: "order", TemplateData: '{"id":1,"name":"Ana"}' }));
    expect(sb.world.mailbox("ana@example.com").at(-1)!.subject).toBe("Order 1");
    await sb.clock.advance(1000);
    const { Status } = await ses.send(new v1.SendBulkTemplatedEmailCommand({ Source: "orders@shop.example", Template: "order", DefaultTemplateData: '{"id":0,"name":"you"}', Destinations: [{ Destination: { ToAddresses: ["bob@example.com"] } }] }));
    expect(Status!.map((item) => item.Status)).toEqual(["Success"]);
    await ses.send(new v1.DeleteTemplateCommand({ TemplateName: "order" }));
    expect(await errorOf(ses.send(new v1.GetTemplateCommand({ TemplateName: "order" })))).toBeInstanceOf(v1.TemplateDoesNotExistException);
  });
  it("quota, notification topics, feedback forwarding, configuration sets", async () => {
    const { sb, ses } = given();
    expect(await ses.send(new v1.GetSendQuotaCommand({}))).toMatchObject({ Max24HourSend: 200, MaxSendRate: 1, SentLast24Hours: 0 });
    await ses.send(new v1.VerifyDomainIdentityCommand({ Domain: "shop.example" }));
    sb.ses.verify("shop.example");
    const topic = "arn:aws:sns:us-east-1:123456789012:feedback";
    await ses.send(new v1.SetIdentityNotificationTopicCommand({ Identity: "shop.example", NotificationType: "Bounce", SnsTopic: topic }));
    const refused = await errorOf(ses.send(new v1.SetIdentityFeedbackForwardingEnabledCommand({ Identity: "shop.example", ForwardingEnabled: false })));
    expect(refused.name).toBe("InvalidParameterValue");
    await ses.send(new v1.SetIdentityNotificationTopicCommand({ Identity: "shop.example", NotificationType: "Complaint", SnsTopic: topic }));
    await ses.send(new v1.SetIdentityFeedbackForwardingEnabledCommand({ Identity: "shop.example", ForwardingEnabled: false }));
    await ses.send(new v1.CreateConfigurationSetCommand({ ConfigurationSet: { Name: "orders" } }));
    expect(await errorOf(ses.send(new v1.CreateConfigurationSetCommand({ ConfigurationSet: { Name: "orders" } })))).toBeInstanceOf(v1.ConfigurationSetAlreadyExistsException);
    await ses.send(new v1.CreateConfigurationSetEventDestinationCommand({ ConfigurationSetName: "orders", EventDestination: { Name: "sns", Enabled: true, MatchingEventTypes: ["bounce", "delivery"], SNSDestination: { TopicARN: topic } } }));
    expect(await errorOf(ses.send(new v1.CreateConfigurationSetEventDestinationCommand({ ConfigurationSetName: "ghost", EventDestination: { Name: "sns", MatchingEventTypes: ["send"], SNSDestination: { TopicARN: topic } } })))).toBeInstanceOf(v1.ConfigurationSetDoesNotExistException);
  });
  it("CreateReceiptRule and UpdateReceiptRule refuse a Lambda SES may not invoke and a topic that does not exist, and accept them once they can", async () => {
    const { sb, ses } = given();
    const lambda = new LambdaClient({ sandbox: sb });
    await ses.send(new v1.CreateReceiptRuleSetCommand({ RuleSetName: "inbound" }));
    const functionArn = fnArn("triage");
    const lambdaRule = { Name: "triage", Enabled: true, Recipients: ["shop.example"], Actions: [{ LambdaAction: { FunctionArn: functionArn, InvocationType: "Event" as const } }] };
    const missing = await errorOf(ses.send(new v1.CreateReceiptRuleCommand({ RuleSetName: "inbound", Rule: lambdaRule })));
    expect(missing).toBeInstanceOf(v1.InvalidLambdaFunctionException);
    expect(missing).toMatchObject({ name: "InvalidLambdaFunctionException", message: `Could not invoke Lambda function: ${functionArn}` });
    sb.lambda.createFunction({ FunctionName: "triage", handler: async () => ({}) });
    const unpermitted = await errorOf(ses.send(new v1.CreateReceiptRuleCommand({ RuleSetName: "inbound", Rule: lambdaRule })));
    expect(unpermitted).toBeInstanceOf(v1.InvalidLambdaFunctionException);
    expect(unpermitted.message).toBe(`Could not invoke Lambda function: ${functionArn}`);
    expect((await ses.send(new v1.DescribeReceiptRuleSetCommand({ RuleSetName: "inbound" }))).Rules).toEqual([]);
    await lambda.send(new AddPermissionCommand({ FunctionName: "triage", StatementId: "ses", Action: "lambda:InvokeFunction", Principal: "ses.amazonaws.com", SourceAccount: "123456789012" }));
    await ses.send(new v1.CreateReceiptRuleCommand({ RuleSetName: "inbound", Rule: lambdaRule }));

    const topicArn = "arn:aws:sns:us-east-1:123456789012:inbound-mail";
    const withTopic = { ...lambdaRule, Actions: [{ SNSAction: { TopicArn: topicArn } }] };
    const noTopic = await errorOf(ses.send(new v1.UpdateReceiptRuleCommand({ RuleSetName: "inbound", Rule: withTopic })));
    expect(noTopic).toBeInstanceOf(v1.InvalidSnsTopicException);
    expect(noTopic).toMatchObject({ name: "InvalidSnsTopicException", message: `Could not publish to SNS topic: ${topicArn}` });
    // A Lambda action's own TopicArn is checked too.
    const lambdaTopic = await errorOf(ses.send(new v1.UpdateReceiptRuleCommand({ RuleSetName: "inbound", Rule: { ...lambdaRule, Actions: [{ LambdaAction: { FunctionArn: functionArn, TopicArn: topicArn } }] } })));
    expect(lambdaTopic).toBeInstanceOf(v1.InvalidSnsTopicException);
    expect((await ses.send(new v1.DescribeReceiptRuleCommand({ RuleSetName: "inbound", RuleName: "triage" }))).Rule!.Actions).toEqual(lambdaRule.Actions);
    await new SNSClient({ sandbox: sb }).send(new CreateTopicCommand({ Name: "inbound-mail" }));
    await ses.send(new v1.UpdateReceiptRuleCommand({ RuleSetName: "inbound", Rule: withTopic }));
    expect((await ses.send(new v1.DescribeReceiptRuleCommand({ RuleSetName: "inbound", RuleName: "triage" }))).Rule!.Actions).toEqual(withTopic.Actions);

    // Update checks the permission as it is now: once removed, the Lambda rule is refused again.
    await lambda.send(new RemovePermissionCommand({ FunctionName: "triage", StatementId: "ses" }));
    expect(await errorOf(ses.send(new v1.UpdateReceiptRuleCommand({ RuleSetName: "inbound", Rule: lambdaRule })))).toBeInstanceOf(v1.InvalidLambdaFunctionException);
  });
  it("receipt rule sets, rules and filters, with AWS's exceptions", async () => {
    const { sb, ses } = given();
    await ses.send(new v1.CreateReceiptRuleSetCommand({ RuleSetName: "inbound" }));
    await ses.send(new v1.SetActiveReceiptRuleSetCommand({ RuleSetName: "inbound" }));
    await ses.send(new v1.CreateReceiptRuleCommand({ RuleSetName: "inbound", Rule: { Name: "support", Enabled: true, Recipients: ["support@shop.example"], Actions: [{ S3Action: { BucketName: "mail" } }] } }));
    await ses.send(new v1.CreateReceiptRuleCommand({ RuleSetName: "inbound", After: "support", Rule: { Name: "catch-all", Enabled: true, Recipients: ["shop.example"], Actions: [{ StopAction: { Scope: "RuleSet" } }] } }));
    expect(await errorOf(ses.send(new v1.CreateReceiptRuleCommand({ RuleSetName: "ghost", Rule: { Name: "x" } })))).toBeInstanceOf(v1.RuleSetDoesNotExistException);
    expect(await errorOf(ses.send(new v1.CreateReceiptRuleCommand({ RuleSetName: "inbound", Rule: { Name: "support" } })))).toBeInstanceOf(v1.AlreadyExistsException);
    expect(await errorOf(ses.send(new v1.CreateReceiptRuleCommand({ RuleSetName: "inbound", After: "missing", Rule: { Name: "y" } })))).toBeInstanceOf(v1.RuleDoesNotExistException);
    const described = await ses.send(new v1.DescribeReceiptRuleSetCommand({ RuleSetName: "inbound" }));
    expect(described.Rules!.map((rule) => rule.Name)).toEqual(["support", "catch-all"]);
    expect(described.Metadata!.CreatedTimestamp).toBeInstanceOf(Date);
    expect((await ses.send(new v1.DescribeActiveReceiptRuleSetCommand({}))).Metadata!.Name).toBe("inbound");
    await ses.send(new v1.ReorderReceiptRuleSetCommand({ RuleSetName: "inbound", RuleNames: ["catch-all", "support"] }));
    await ses.send(new v1.UpdateReceiptRuleCommand({ RuleSetName: "inbound", Rule: { Name: "support", Enabled: false } }));
    expect((await ses.send(new v1.DescribeReceiptRuleCommand({ RuleSetName: "inbound", RuleName: "support" }))).Rule!.Enabled).toBe(false);
    await ses.send(new v1.CloneReceiptRuleSetCommand({ RuleSetName: "copy", OriginalRuleSetName: "inbound" }));
    expect((await ses.send(new v1.ListReceiptRuleSetsCommand({}))).RuleSets!.map((set) => set.Name)).toEqual(["inbound", "copy"]);
    await ses.send(new v1.DeleteReceiptRuleCommand({ RuleSetName: "copy", RuleName: "support" }));
    expect(await errorOf(ses.send(new v1.DeleteReceiptRuleSetCommand({ RuleSetName: "inbound" })))).toBeInstanceOf(v1.CannotDeleteException);
    await ses.send(new v1.DeleteReceiptRuleSetCommand({ RuleSetName: "copy" }));
    await ses.send(new v1.CreateReceiptFilterCommand({ Filter: { Name: "block", IpFilter: { Policy: "Block", Cidr: "10.0.0.0/8" } } }));
    const badCidr = await errorOf(ses.send(new v1.CreateReceiptFilterCommand({ Filter: { Name: "bad", IpFilter: { Policy: "Block", Cidr: "10.0.0.0/40" } } })));
    expect(badCidr).toMatchObject({ name: "InvalidParameterValue", message: "Invalid CIDR: 10.0.0.0/40" });
    expect((await ses.send(new v1.ListReceiptFiltersCommand({}))).Filters).toEqual([{ Name: "block", IpFilter: { Policy: "Block", Cidr: "10.0.0.0/8" } }]);
    await ses.send(new v1.DeleteReceiptFilterCommand({ FilterName: "block" }));
    const result = await sb.ses.receiveEmail({ from: "ana@example.com", to: "help@shop.example" });
    expect(result.actions.map((action) => action.type)).toEqual(["Stop"]);
  });
});

describe("retries", () => {
  it("with the SDK's default retries, a send over the rate quota is retried twice on the virtual clock, then fails", async () => {
    const sb = createSandbox();
    const ses = new v1.SESClient({ sandbox: sb });
    for (const domain of ["shop.example", "example.com"]) {
      sb.ses.verifyDomainIdentity({ Domain: domain });
      sb.ses.verify(domain);
    }
    await ses.send(new v1.SendEmailCommand(mail("orders@shop.example", "a@example.com")));
    const started = sb.clock.now();
    const second = await errorOf(ses.send(new v1.SendEmailCommand(mail("orders@shop.example", "b@example.com"))));
    expect(second.name).toBe("Throttling");
    const retries = sb.trace.events.filter((event) => event.service === "sdk" && event.kind === "retry");
    expect(retries.map((event) => event.details["attempt"])).toEqual([2, 3]);
    // The jittered waits (seeded) add up to less than the one second the rate quota needs.
    expect(sb.clock.now() - started).toBeLessThan(1000);
    await sb.clock.advance(1000);
    await ses.send(new v1.SendEmailCommand(mail("orders@shop.example", "b@example.com")));
    expect(sb.world.mailbox("b@example.com")).toHaveLength(1);
  });
});

describe("@aws-sdk/client-sesv2", () => {
  it("identities, templates, SendEmail with Simple, Template and Raw content, GetAccount", async () => {
    const { sb, ses, sesv2 } = given();
    expect(await sesv2.send(new v2.CreateEmailIdentityCommand({ EmailIdentity: "shop.example" }))).toMatchObject({ IdentityType: "DOMAIN", VerifiedForSendingStatus: false });
    expect(await errorOf(sesv2.send(new v2.CreateEmailIdentityCommand({ EmailIdentity: "shop.example" })))).toBeInstanceOf(v2.AlreadyExistsException);
    sb.ses.verify("shop.example");
    expect(await sesv2.send(new v2.GetEmailIdentityCommand({ EmailIdentity: "shop.example" }))).toMatchObject({ VerificationStatus: "SUCCESS", VerifiedForSendingStatus: true });
    expect(await errorOf(sesv2.send(new v2.GetEmailIdentityCommand({ EmailIdentity: "ghost.example" })))).toBeInstanceOf(v2.NotFoundException);
    await ses.send(new v1.VerifyEmailIdentityCommand({ EmailAddress: "ana@example.com" }));
    sb.ses.verify("ana@example.com");
    await sesv2.send(new v2.CreateEmailTemplateCommand({ TemplateName: "welcome", TemplateContent: { Subject: "Welcome {{name}}", Text: "Hi {{name}}" } }));
    expect((await sesv2.send(new v2.GetEmailTemplateCommand({ TemplateName: "welcome" }))).TemplateContent).toEqual({ Subject: "Welcome {{name}}", Text: "Hi {{name}}" });
    const { MessageId } = await sesv2.send(new v2.SendEmailCommand({ FromEmailAddress: "hi@shop.example", Destination: { ToAddresses: ["ana@example.com"] }, Content: { Template: { TemplateName: "welcome", TemplateData: '{"name":"Ana"}' } } }));
    expect(sb.world.mailbox("ana@example.com").at(-1)).toMatchObject({ messageId: MessageId, subject: "Welcome Ana" });
    const throttled = await errorOf(sesv2.send(new v2.SendEmailCommand({ FromEmailAddress: "hi@shop.example", Destination: { ToAddresses: ["ana@example.com"] }, Content: { Simple: { Subject: { Data: "x" }, Body: { Text: { Data: "y" } } } } })));
    expect(throttled.name).toBe("ThrottlingException");
    await sb.clock.advance(1000);
    await sesv2.send(new v2.SendEmailCommand({ Content: { Raw: { Data: new TextEncoder().encode("From: hi@shop.example\r\nTo: ana@example.com\r\nSubject: Raw\r\n\r\nraw") } } }));
    expect(sb.world.mailbox("ana@example.com").at(-1)!.subject).toBe("Raw");
    const unverified = await errorOf(sesv2.send(new v2.SendEmailCommand({ FromEmailAddress: "x@nowhere.example", Destination: { ToAddresses: ["ana@example.com"] }, Content: { Simple: { Subject: { Data: "x" }, Body: { Text: { Data: "y" } } } } })));
    expect(unverified).toBeInstanceOf(v2.MessageRejected);
    const account = await sesv2.send(new v2.GetAccountCommand({}));
    expect(account).toMatchObject({ ProductionAccessEnabled: false, SendQuota: { Max24HourSend: 200, MaxSendRate: 1 } });
  });
  it("the suppression list: put, get, list, delete, and NotFoundException", async () => {
    const { sesv2 } = given();
    await sesv2.send(new v2.PutSuppressedDestinationCommand({ EmailAddress: "gone@example.com", Reason: "BOUNCE" }));
    const { SuppressedDestination } = await sesv2.send(new v2.GetSuppressedDestinationCommand({ EmailAddress: "gone@example.com" }));
    expect(SuppressedDestination).toMatchObject({ EmailAddress: "gone@example.com", Reason: "BOUNCE" });
    expect(SuppressedDestination!.LastUpdateTime).toBeInstanceOf(Date);
    expect((await sesv2.send(new v2.ListSuppressedDestinationsCommand({}))).SuppressedDestinationSummaries!.map((item) => item.EmailAddress)).toEqual(["gone@example.com"]);
    await sesv2.send(new v2.DeleteSuppressedDestinationCommand({ EmailAddress: "gone@example.com" }));
    expect(await errorOf(sesv2.send(new v2.GetSuppressedDestinationCommand({ EmailAddress: "gone@example.com" })))).toBeInstanceOf(v2.NotFoundException);
    expect(await errorOf(sesv2.send(new v2.CreateEmailIdentityCommand({ EmailIdentity: "" })))).toBeInstanceOf(v2.BadRequestException);
  });
});
