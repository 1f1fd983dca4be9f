import { beforeEach, describe, expect, it } from "vitest";
import { createSandbox } from "sandbox-engine";
import { CreateReceiptRuleCommand, CreateReceiptRuleSetCommand, SESClient, SetActiveReceiptRuleSetCommand } from "@aws-sdk/client-ses";
import { AddPermissionCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { addScreenRule, handler, type SesEvent } from "./gate";

let sb: ReturnType<typeof createSandbox>;
const seen: SesEvent[] = [];

beforeEach(async () => {
  sb = createSandbox({ seed: 11 });
  seen.length = 0;
  sb.ses.verifyDomainIdentity({ Domain: "shop.example" });
  sb.ses.verify("shop.example"); // the bounce's sender, postmaster@shop.example, must be verified
  const fn = sb.lambda.createFunction({
    FunctionName: "screen-mail",
    Handler: "gate.handler",
    handler: (async (event: SesEvent) => {
      seen.push(event);
      return handler(event);
    }) as never,
  });
  await new LambdaClient({}).send(
    new AddPermissionCommand({ FunctionName: "screen-mail", StatementId: "ses", Action: "lambda:InvokeFunction", Principal: "ses.amazonaws.com", SourceAccount: sb.accountId }),
  );
  const ses = new SESClient({});
  await ses.send(new CreateReceiptRuleSetCommand({ RuleSetName: "shop" }));
  await ses.send(new SetActiveReceiptRuleSetCommand({ RuleSetName: "shop" }));
  await ses.send(
    new CreateReceiptRuleCommand({ RuleSetName: "shop", Rule: { Name: "inbox", Enabled: true, Recipients: ["shop.example"], Actions: [{ S3Action: { BucketName: "inbox" } }] } }),
  );
  await addScreenRule("shop", fn.FunctionArn!);
});

type Verdict = "PASS" | "FAIL";

/** Delivers a mail with these verdicts and says what SES did with it. */
async function mail(from: string, verdicts: { spam: Verdict; virus: Verdict }) {
  const result = await sb.ses.receiveEmail({ from, to: "orders@shop.example", subject: "Order", text: "Hello", ...verdicts });
  const stored = result.messageId !== undefined && sb.world.bucket("inbox").get(result.messageId) !== undefined;
  const bounced = sb.world.mailbox(from).filter((entry) => entry.subject.startsWith("Delivery Status Notification"));
  const received = seen.at(-1)?.Records[0]?.ses.receipt;
  const verdictsSeen = received === undefined ? "the function was not invoked" : `the function saw spam ${received.spamVerdict.status}, virus ${received.virusVerdict.status}`;
  const story =
    `the mail from ${from} (spam ${verdicts.spam}, virus ${verdicts.virus}) was ${stored ? "stored in the inbox" : "not stored"}` +
    `${bounced.length > 0 ? ` and bounced back (${bounced[0]!.headers["x-ses-bounce"]})` : ", with no bounce"}; ${verdictsSeen}` +
    `; actions: ${result.actions.map((action) => `${action.rule} ${action.type} ${action.outcome}`).join(", ")}`;
  return { stored, bounced: bounced.length, story };
}

describe("virus and spam gate", () => {
  it("clean mail reaches the inbox, with no bounce", async () => {
    const clean = await mail("ana@example.com", { spam: "PASS", virus: "PASS" });
    expect(clean.stored, clean.story).toBe(true);
    expect(clean.bounced, clean.story).toBe(0);
  });

  it("infected mail is bounced with 500 5.6.1 and kept out of the inbox", async () => {
    const infected = await mail("bob@example.com", { spam: "PASS", virus: "FAIL" });
    expect(infected.bounced, `${infected.story}. The sender should get one bounce`).toBe(1);
    expect(infected.stored, `${infected.story}. Infected mail must not reach the inbox`).toBe(false);
  });

  it("spam is dropped silently: not stored, and no bounce to a sender that is probably forged", async () => {
    const spam = await mail("winner@lottery.example", { spam: "FAIL", virus: "PASS" });
    expect(spam.stored, `${spam.story}. Spam must not reach the inbox`).toBe(false);
    expect(spam.bounced, `${spam.story}. Spam gets no bounce`).toBe(0);
  });
});
