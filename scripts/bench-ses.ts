// `node scripts/bench-ses.ts`: SES sends per second (SendEmail out of the sandbox, each delivered to a mailbox
// with a Delivery notification to an SNS topic feeding an SQS queue; and SendTemplatedEmail rendered), and
// inbound mails per second through 1 IP filter list and a rule set of 10 rules (recipient conditions, S3 and
// AddHeader actions). Through sb.ses (the engine; SDK clients for SES come with the real-SDK layer). Measured,
// never asserted. Prints numbers only.
import { createSandbox } from "../sandbox-engine/src/index.ts";

function must<T>(outcome: { ok: true; value: T } | { ok: false; fault: { message: string } }): T {
  if (!outcome.ok) throw new Error(outcome.fault.message);
  return outcome.value;
}

function sender() {
  const sb = createSandbox({ seed: 1 });
  must(sb.ses.verifyDomainIdentity({ Domain: "shop.example" }));
  sb.ses.verify("shop.example");
  sb.ses.leaveSandbox();
  const { TopicArn } = must(sb.sns.createTopic({ Name: "deliveries" }));
  const arn = `arn:aws:sqs:${sb.region}:${sb.accountId}:deliveries`;
  const Policy = JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { Service: "sns.amazonaws.com" }, Action: "sqs:SendMessage", Resource: arn }] });
  must(sb.sqs.createQueue({ QueueName: "deliveries", Attributes: { Policy } }));
  must(sb.sns.subscribe({ TopicArn, Protocol: "sqs", Endpoint: arn }));
  must(sb.ses.setIdentityNotificationTopic({ Identity: "shop.example", NotificationType: "Delivery", SnsTopic: TopicArn }));
  must(sb.ses.createTemplate({ Template: { TemplateName: "order", SubjectPart: "Order {{id}}", TextPart: "Hi {{name}}, order {{id}} ships today.", HtmlPart: "<p>Hi {{name}}</p>" } }));
  return sb;
}

async function sends(count: number, templated: boolean): Promise<number> {
  const sb = sender();
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    // The production rate is 14 recipients per second: one send every 100 ms of virtual time.
    await sb.clock.advance(100);
    const Destination = { ToAddresses: [`customer${i % 100}@example.com`] };
    if (templated) must(sb.ses.sendTemplatedEmail({ Source: "orders@shop.example", Destination, Template: "order", TemplateData: `{"id":${i},"name":"Ana"}` }));
    else must(sb.ses.sendEmail({ Source: "orders@shop.example", Destination, Message: { Subject: { Data: `Order ${i}` }, Body: { Text: { Data: "Thanks!" } } } }));
  }
  return count / ((performance.now() - started) / 1000);
}

async function inbound(count: number): Promise<number> {
  const sb = createSandbox({ seed: 1 });
  must(sb.ses.createReceiptFilter({ Filter: { Name: "block", IpFilter: { Policy: "Block", Cidr: "203.0.113.0/24" } } }));
  must(sb.ses.createReceiptFilter({ Filter: { Name: "partner", IpFilter: { Policy: "Allow", Cidr: "203.0.113.7" } } }));
  must(sb.ses.createReceiptRuleSet({ RuleSetName: "inbound" }));
  must(sb.ses.setActiveReceiptRuleSet({ RuleSetName: "inbound" }));
  for (let r = 0; r < 10; r++) {
    must(sb.ses.createReceiptRule({
      RuleSetName: "inbound",
      ...(r === 0 ? {} : { After: `rule${r - 1}` }),
      Rule: { Name: `rule${r}`, Enabled: true, Recipients: [`team${r}@shop.example`, r % 2 === 0 ? "shop.example" : ".shop.example"], Actions: [{ AddHeaderAction: { HeaderName: "X-Rule", HeaderValue: `${r}` } }, { S3Action: { BucketName: "mail", ObjectKeyPrefix: `rule${r}/` } }] },
    }));
  }
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const result = await sb.ses.receiveEmail({ from: "ana@example.com", to: [`team${i % 10}@shop.example`], subject: `Ticket ${i}`, text: "Help, please.", sourceIp: i % 3 === 0 ? "203.0.113.7" : "198.51.100.7" });
    if (!result.accepted) throw new Error("rejected");
  }
  return count / ((performance.now() - started) / 1000);
}

const best = (values: number[]) => Math.max(...values);
const simple: number[] = [];
const templated: number[] = [];
const received: number[] = [];
await sends(500, false); // warm-up
for (let round = 0; round < 3; round++) {
  simple.push(await sends(5_000, false));
  templated.push(await sends(5_000, true));
  received.push(await inbound(2_000));
}
console.log(`ses SendEmail -> mailbox + Delivery notification via SNS to SQS (engine): ${Math.round(best(simple))} sends/s`);
console.log(`ses SendTemplatedEmail rendered -> mailbox + Delivery notification (engine): ${Math.round(best(templated))} sends/s`);
console.log(`ses inbound mail through IP filters and 10 rules x (AddHeader, S3) (engine): ${Math.round(best(received))} mails/s`);
