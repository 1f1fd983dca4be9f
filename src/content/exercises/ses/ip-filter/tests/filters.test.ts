import { beforeEach, describe, expect, it } from "vitest";
import { createSandbox } from "sandbox-engine";
import { CreateReceiptRuleCommand, CreateReceiptRuleSetCommand, SESClient, SetActiveReceiptRuleSetCommand } from "@aws-sdk/client-ses";
import { protectInbox } from "./filters";

let sb: ReturnType<typeof createSandbox>;

beforeEach(async () => {
  sb = createSandbox({ seed: 8 });
  // The shop's inbox: every mail to shop.example is stored in the bucket "inbox".
  const ses = new SESClient({});
  await ses.send(new CreateReceiptRuleSetCommand({ RuleSetName: "shop" }));
  await ses.send(new SetActiveReceiptRuleSetCommand({ RuleSetName: "shop" }));
  await ses.send(
    new CreateReceiptRuleCommand({ RuleSetName: "shop", Rule: { Name: "store", Enabled: true, Recipients: ["shop.example"], Actions: [{ S3Action: { BucketName: "inbox" } }] } }),
  );
  await protectInbox();
});

type Received = Awaited<ReturnType<typeof sb.ses.receiveEmail>>;

/** What SES did with a mail from `ip`, in words. */
function story(ip: string, result: Received): string {
  if (result.smtp.code === 554) return `SES refused the mail from ${ip} during the SMTP conversation (554 ${result.smtp.enhancedCode}): an IP filter blocks it`;
  if (!result.accepted) return `the mail from ${ip} matched no rule, so SES rejected it with ${result.smtp.code}`;
  return `SES accepted the mail from ${ip} and stored it in the inbox`;
}

const fromIp = (sourceIp: string) => sb.ses.receiveEmail({ from: "someone@sender.example", to: "orders@shop.example", subject: "Hi", sourceIp });

describe("IP filters", () => {
  it("refuses mail from the spam range during the SMTP conversation, so it is never stored or billed", async () => {
    for (const ip of ["203.0.113.9", "203.0.113.200"]) {
      const result = await fromIp(ip);
      expect(result.accepted, story(ip, result)).toBe(false);
      expect(result.smtp.code, story(ip, result)).toBe(554);
    }
    expect(sb.world.bucket("inbox").keys(), "blocked mail must not reach the inbox").toEqual([]);
    const received = sb.ses.bill().lines.find((line) => line.item === "emails received")?.quantity;
    expect(received, "SES does not bill mail that an IP filter blocked").toBe(0);
  });

  it("lets the partner's two servers through, and nobody else in the range", async () => {
    for (const ip of ["203.0.113.50", "203.0.113.51"]) {
      const result = await fromIp(ip);
      expect(result.accepted, `${story(ip, result)}; the partner's servers must get through`).toBe(true);
    }
    for (const ip of ["203.0.113.49", "203.0.113.52"]) {
      const result = await fromIp(ip);
      expect(result.accepted, `${story(ip, result)}; only .50 and .51 are the partner's`).toBe(false);
    }
  });

  it("accepts mail from addresses outside the range", async () => {
    const result = await fromIp("198.51.100.7");
    expect(result.accepted, story("198.51.100.7", result)).toBe(true);
    expect(sb.world.bucket("inbox").keys(), "the accepted mail is stored").toEqual([result.messageId]);
  });
});
