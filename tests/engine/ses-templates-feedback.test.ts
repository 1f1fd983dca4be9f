/** SES templates ({{tag}} rendering, Rendering Failure), the mailbox simulator, feedback to SNS, the suppression list. */
import { describe, expect, it } from "vitest";
import { fault, givenSes, givenTopicInbox, inbox, simple, value } from "./ses-helpers.ts";

const ORDER_TEMPLATE = { TemplateName: "order-confirmation", SubjectPart: "Order {{order.id}} confirmed", TextPart: "Hi {{name}}, order {{order.id}} is on its way.", HtmlPart: "<p>Hi {{name}}</p>" };

describe("templates", () => {
  it("create, get, list, update, delete", () => {
    const sb = givenSes();
    value(sb.ses.createTemplate({ Template: ORDER_TEMPLATE }));
    expect(value(sb.ses.getTemplate({ TemplateName: "order-confirmation" })).Template).toEqual(ORDER_TEMPLATE);
    expect(value(sb.ses.listTemplates({})).TemplatesMetadata.map((item) => item.Name)).toEqual(["order-confirmation"]);
    value(sb.ses.updateTemplate({ Template: { ...ORDER_TEMPLATE, SubjectPart: "Thanks, {{name}}" } }));
    expect(value(sb.ses.getTemplate({ TemplateName: "order-confirmation" })).Template.SubjectPart).toBe("Thanks, {{name}}");
    value(sb.ses.deleteTemplate({ TemplateName: "order-confirmation" }));
    expect(fault(sb.ses.getTemplate({ TemplateName: "order-confirmation" }))).toMatchObject({ code: "TemplateDoesNotExistException", message: "Template order-confirmation does not exist." });
  });
  it("bad input: a duplicate name, an update of a missing template, a bad name, more than 500 KB", () => {
    const sb = givenSes();
    value(sb.ses.createTemplate({ Template: ORDER_TEMPLATE }));
    expect(fault(sb.ses.createTemplate({ Template: ORDER_TEMPLATE })).code).toBe("AlreadyExistsException");
    expect(fault(sb.ses.updateTemplate({ Template: { ...ORDER_TEMPLATE, TemplateName: "ghost" } })).code).toBe("TemplateDoesNotExistException");
    expect(fault(sb.ses.createTemplate({ Template: { ...ORDER_TEMPLATE, TemplateName: "no spaces" } })).code).toBe("InvalidParameterValue");
    expect(fault(sb.ses.createTemplate({ Template: { ...ORDER_TEMPLATE, TemplateName: "huge", TextPart: "x".repeat(500 * 1024 + 1) } })).code).toBe("InvalidTemplateException");
    expect(fault(sb.ses.createTemplate({})).code).toBe("MissingParameter");
  });
  it("TestRenderTemplate returns the MIME text with values in place, HTML not escaped", () => {
    const sb = givenSes();
    value(sb.ses.createTemplate({ Template: ORDER_TEMPLATE }));
    const { RenderedTemplate } = value(sb.ses.testRenderTemplate({ TemplateName: "order-confirmation", TemplateData: JSON.stringify({ name: "<b>Ana</b>", order: { id: 42 } }) }));
    expect(RenderedTemplate).toContain("Subject: Order 42 confirmed");
    expect(RenderedTemplate).toContain("Hi <b>Ana</b>, order 42 is on its way.");
    expect(RenderedTemplate).toContain("<p>Hi <b>Ana</b></p>");
    expect(RenderedTemplate).toContain("multipart/alternative");
  });
  it("TestRenderTemplate with missing data or data that is not JSON answers AWS's errors", () => {
    const sb = givenSes();
    value(sb.ses.createTemplate({ Template: ORDER_TEMPLATE }));
    expect(fault(sb.ses.testRenderTemplate({ TemplateName: "order-confirmation", TemplateData: JSON.stringify({ name: "Ana" }) }))).toMatchObject({
      code: "MissingRenderingAttributeException",
      message: "Attribute 'order.id' is not present in the rendering data.",
    });
    expect(fault(sb.ses.testRenderTemplate({ TemplateName: "order-confirmation", TemplateData: "{name:" })).code).toBe("InvalidRenderingParameterException");
    expect(fault(sb.ses.testRenderTemplate({ TemplateName: "nope", TemplateData: "{}" })).code).toBe("TemplateDoesNotExistException");
  });
  it("SendTemplatedEmail delivers the rendered mail", () => {
    const sb = givenSes("shop.example", "ana@example.com");
    value(sb.ses.createTemplate({ Template: ORDER_TEMPLATE }));
    value(sb.ses.sendTemplatedEmail({ Source: "orders@shop.example", Destination: { ToAddresses: ["ana@example.com"] }, Template: "order-confirmation", TemplateData: JSON.stringify({ name: "Ana", order: { id: "A-7" } }) }));
    expect(inbox(sb, "ana@example.com")[0]).toMatchObject({ subject: "Order A-7 confirmed", text: "Hi Ana, order A-7 is on its way.", html: "<p>Hi Ana</p>" });
  });
  it("a template with missing data is accepted but not delivered: a Rendering Failure event goes to the configuration set", async () => {
    const sb = givenSes("shop.example", "ana@example.com");
    const events = await givenTopicInbox(sb, "ses-events");
    value(sb.ses.createConfigurationSet({ ConfigurationSet: { Name: "orders" } }));
    value(sb.ses.createConfigurationSetEventDestination({ ConfigurationSetName: "orders", EventDestination: { Name: "to-sns", Enabled: true, MatchingEventTypes: ["send", "renderingFailure"], SNSDestination: { TopicARN: events.topicArn } } }));
    value(sb.ses.createTemplate({ Template: ORDER_TEMPLATE }));
    const { MessageId } = value(sb.ses.sendTemplatedEmail({ Source: "orders@shop.example", Destination: { ToAddresses: ["ana@example.com"] }, Template: "order-confirmation", TemplateData: JSON.stringify({ name: "Ana" }), ConfigurationSetName: "orders" }));
    expect(inbox(sb, "ana@example.com")).toEqual([]);
    const received = await events.messages();
    expect(received.map((event) => event["eventType"])).toEqual(["Send", "Rendering Failure"]);
    expect(received[1]).toMatchObject({ mail: { messageId: MessageId, source: "orders@shop.example", destination: ["ana@example.com"] }, failure: { templateName: "order-confirmation", errorMessage: "Attribute 'order.id' is not present in the rendering data." } });
  });
  it("SendTemplatedEmail: an unknown template, TemplateData that is not JSON", () => {
    const sb = givenSes("shop.example", "ana@example.com");
    const base = { Source: "orders@shop.example", Destination: { ToAddresses: ["ana@example.com"] } };
    expect(fault(sb.ses.sendTemplatedEmail({ ...base, Template: "nope", TemplateData: "{}" })).code).toBe("TemplateDoesNotExistException");
    value(sb.ses.createTemplate({ Template: ORDER_TEMPLATE }));
    expect(fault(sb.ses.sendTemplatedEmail({ ...base, Template: "order-confirmation", TemplateData: "not json" })).code).toBe("InvalidParameterValue");
  });
  it("SendBulkTemplatedEmail overlays each destination's data on the defaults and answers one status each", async () => {
    const sb = givenSes("shop.example", "example.com");
    sb.ses.leaveSandbox();
    value(sb.ses.createTemplate({ Template: ORDER_TEMPLATE }));
    const { Status } = value(sb.ses.sendBulkTemplatedEmail({
      Source: "orders@shop.example",
      Template: "order-confirmation",
      DefaultTemplateData: JSON.stringify({ name: "customer", order: { id: 0 } }),
      Destinations: [
        { Destination: { ToAddresses: ["ana@example.com"] }, ReplacementTemplateData: JSON.stringify({ name: "Ana", order: { id: 1 } }) },
        { Destination: { ToAddresses: ["bob@example.com"] } },
      ],
    }));
    expect(Status.map((status) => status.Status)).toEqual(["Success", "Success"]);
    expect(inbox(sb, "ana@example.com")[0]!.subject).toBe("Order 1 confirmed");
    expect(inbox(sb, "bob@example.com")[0]!.text).toBe("Hi customer, order 0 is on its way.");
  });
});

describe("the mailbox simulator and feedback", () => {
  async function givenNotifications() {
    const sb = givenSes("shop.example");
    const bounces = await givenTopicInbox(sb, "bounces");
    const complaints = await givenTopicInbox(sb, "complaints");
    const deliveries = await givenTopicInbox(sb, "deliveries");
    value(sb.ses.setIdentityNotificationTopic({ Identity: "shop.example", NotificationType: "Bounce", SnsTopic: bounces.topicArn }));
    value(sb.ses.setIdentityNotificationTopic({ Identity: "shop.example", NotificationType: "Complaint", SnsTopic: complaints.topicArn }));
    value(sb.ses.setIdentityNotificationTopic({ Identity: "shop.example", NotificationType: "Delivery", SnsTopic: deliveries.topicArn }));
    return { sb, bounces, complaints, deliveries };
  }
  it("success@ is delivered: a Delivery notification", async () => {
    const { sb, deliveries, bounces } = await givenNotifications();
    const { MessageId } = value(sb.ses.sendEmail(simple("orders@shop.example", ["success@simulator.amazonses.com"])));
    const [delivery] = await deliveries.messages();
    expect(delivery).toMatchObject({ notificationType: "Delivery", mail: { messageId: MessageId, source: "orders@shop.example" }, delivery: { recipients: ["success@simulator.amazonses.com"], smtpResponse: "250 2.6.0 Message received" } });
    expect(await bounces.messages()).toEqual([]);
  });
  it("bounce@ is a permanent bounce with the recipient named; the simulator does not count toward the quota", async () => {
    const { sb, bounces } = await givenNotifications();
    value(sb.ses.sendEmail(simple("orders@shop.example", ["bounce@simulator.amazonses.com"])));
    const [bounce] = await bounces.messages();
    expect(bounce).toMatchObject({ notificationType: "Bounce", bounce: { bounceType: "Permanent", bounceSubType: "General", bouncedRecipients: [{ emailAddress: "bounce@simulator.amazonses.com", action: "failed", status: "5.1.1" }] } });
    expect(value(sb.ses.getSendQuota({})).SentLast24Hours).toBe(0);
  });
  it("complaint@ is delivered, then complained about; ooto@ answers the sender", async () => {
    const { sb, complaints, deliveries } = await givenNotifications();
    value(sb.ses.verifyEmailIdentity({ EmailAddress: "orders@shop.example" }));
    value(sb.ses.sendEmail(simple("orders@shop.example", ["complaint@simulator.amazonses.com"], "Deals")));
    expect((await complaints.messages())[0]).toMatchObject({ notificationType: "Complaint", complaint: { complaintFeedbackType: "abuse", complainedRecipients: [{ emailAddress: "complaint@simulator.amazonses.com" }] } });
    expect(await deliveries.messages()).toHaveLength(1);
    await sb.clock.advance(1000);
    value(sb.ses.sendEmail(simple("orders@shop.example", ["ooto@simulator.amazonses.com"], "Deals")));
    expect(inbox(sb, "orders@shop.example").map((mail) => mail.subject)).toEqual(["Out of the office: Deals"]);
  });
  it("suppressionlist@ bounces with subtype Suppressed", async () => {
    const { sb, bounces } = await givenNotifications();
    value(sb.ses.sendEmail(simple("orders@shop.example", ["suppressionlist@simulator.amazonses.com"])));
    expect((await bounces.messages())[0]!["bounce"]).toMatchObject({ bounceType: "Permanent", bounceSubType: "Suppressed" });
  });
  it("with no Bounce topic and forwarding on, the bounce is mailed to the sender", () => {
    const sb = givenSes("shop.example");
    value(sb.ses.sendEmail(simple("orders@shop.example", ["bounce@simulator.amazonses.com"])));
    expect(inbox(sb, "orders@shop.example")[0]).toMatchObject({ from: "MAILER-DAEMON@amazonses.com", subject: "Delivery Status Notification (Failure)" });
  });
  it("forwarding can be turned off only when Bounce and Complaint topics are set", async () => {
    const sb = givenSes("shop.example");
    expect(fault(sb.ses.setIdentityFeedbackForwardingEnabled({ Identity: "shop.example", ForwardingEnabled: false })).code).toBe("InvalidParameterValue");
    const { sb: withTopics } = await givenNotifications();
    value(withTopics.ses.setIdentityFeedbackForwardingEnabled({ Identity: "shop.example", ForwardingEnabled: false }));
    expect(fault(sb.ses.setIdentityNotificationTopic({ Identity: "ghost.example", NotificationType: "Bounce", SnsTopic: "arn:aws:sns:us-east-1:123456789012:x" })).code).toBe("InvalidParameterValue");
    expect(fault(sb.ses.setIdentityNotificationTopic({ Identity: "shop.example", NotificationType: "Open", SnsTopic: "arn:aws:sns:us-east-1:123456789012:x" })).code).toBe("InvalidParameterValue");
  });
  it("a hard bounce from an outside address joins the suppression list; the next send is accepted and not delivered", async () => {
    const { sb, bounces } = await givenNotifications();
    sb.ses.leaveSandbox();
    sb.ses.simulateRecipient("gone@example.com", "bounce");
    value(sb.ses.sendEmail(simple("orders@shop.example", ["gone@example.com"])));
    expect(value(sb.ses.getSuppressedDestination({ EmailAddress: "gone@example.com" })).SuppressedDestination).toMatchObject({ EmailAddress: "gone@example.com", Reason: "BOUNCE" });
    await sb.clock.advance(1000);
    value(sb.ses.sendEmail(simple("orders@shop.example", ["gone@example.com"])));
    expect(sb.world.mailbox("gone@example.com")).toEqual([]);
    const second = (await bounces.messages())[1]!;
    expect(second["bounce"]).toMatchObject({ bounceSubType: "OnAccountSuppressionList", bouncedRecipients: [{ emailAddress: "gone@example.com" }] });
    expect(sb.trace.events.filter((event) => event.service === "ses" && event.kind === "suppressed")).toHaveLength(1);
  });
  it("a complaint joins the suppression list; Put/Get/Delete/ListSuppressedDestinations manage it", async () => {
    const sb = givenSes("shop.example");
    sb.ses.leaveSandbox();
    sb.ses.simulateRecipient("angry@example.com", "complaint");
    value(sb.ses.sendEmail(simple("orders@shop.example", ["angry@example.com"])));
    expect(sb.world.mailbox("angry@example.com")).toHaveLength(1);
    value(sb.ses.putSuppressedDestination({ EmailAddress: "Manual@Example.com", Reason: "BOUNCE" }));
    expect(value(sb.ses.listSuppressedDestinations({})).SuppressedDestinationSummaries.map((item) => [item.EmailAddress, item.Reason])).toEqual([["angry@example.com", "COMPLAINT"], ["manual@example.com", "BOUNCE"]]);
    value(sb.ses.deleteSuppressedDestination({ EmailAddress: "angry@example.com" }));
    expect(fault(sb.ses.getSuppressedDestination({ EmailAddress: "angry@example.com" })).code).toBe("NotFoundException");
    expect(fault(sb.ses.putSuppressedDestination({ EmailAddress: "x@example.com", Reason: "SPAM" })).code).toBe("InvalidParameterValue");
    await sb.clock.advance(1000);
    value(sb.ses.sendEmail(simple("orders@shop.example", ["angry@example.com"])));
    expect(sb.world.mailbox("angry@example.com")).toHaveLength(2);
  });
  it("configuration sets: duplicates, unknown sets, and destinations that are not SNS are refused", () => {
    const sb = givenSes("shop.example", "ana@example.com");
    value(sb.ses.createConfigurationSet({ ConfigurationSet: { Name: "orders" } }));
    expect(fault(sb.ses.createConfigurationSet({ ConfigurationSet: { Name: "orders" } })).code).toBe("ConfigurationSetAlreadyExistsException");
    expect(fault(sb.ses.createConfigurationSetEventDestination({ ConfigurationSetName: "ghost", EventDestination: { Name: "d", MatchingEventTypes: ["send"] } })).code).toBe("ConfigurationSetDoesNotExistException");
    expect(fault(sb.ses.createConfigurationSetEventDestination({ ConfigurationSetName: "orders", EventDestination: { Name: "d", MatchingEventTypes: ["send"], CloudWatchDestination: {} } })).code).toBe("InvalidParameterValue");
    expect(fault(sb.ses.sendEmail({ ...simple("orders@shop.example", ["ana@example.com"]), ConfigurationSetName: "ghost" })).code).toBe("ConfigurationSetDoesNotExistException");
  });
});
