import { beforeEach, describe, expect, it } from "vitest";
import { createSandbox } from "sandbox-engine";
import { CreateReceiptRuleCommand, CreateReceiptRuleSetCommand, SendEmailCommand, SESClient, SetActiveReceiptRuleSetCommand } from "@aws-sdk/client-ses";
import { AddPermissionCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { handler, SENDER } from "./unsubscribe";

let sb: ReturnType<typeof createSandbox>;

beforeEach(async () => {
  sb = createSandbox({ seed: 12 });
  sb.ses.verifyDomainIdentity({ Domain: "shop.example" });
  sb.ses.verify("shop.example");
  sb.ses.leaveSandbox(); // production access: the shop may mail its customers
  const fn = sb.lambda.createFunction({ FunctionName: "unsubscribe", Handler: "unsubscribe.handler", handler: handler as never });
  await new LambdaClient({}).send(
    new AddPermissionCommand({ FunctionName: "unsubscribe", StatementId: "ses", Action: "lambda:InvokeFunction", Principal: "ses.amazonaws.com", SourceAccount: sb.accountId }),
  );
  const ses = new SESClient({});
  await ses.send(new CreateReceiptRuleSetCommand({ RuleSetName: "shop" }));
  await ses.send(new SetActiveReceiptRuleSetCommand({ RuleSetName: "shop" }));
  await ses.send(
    new CreateReceiptRuleCommand({
      RuleSetName: "shop",
      Rule: { Name: "unsubscribe", Enabled: true, Recipients: ["unsubscribe@shop.example"], Actions: [{ LambdaAction: { FunctionArn: fn.FunctionArn, InvocationType: "Event" } }] },
    }),
  );
});

async function unsubscribe(from: string, headers: Record<string, string> = {}): Promise<void> {
  await sb.ses.receiveEmail({ from, to: "unsubscribe@shop.example", subject: "unsubscribe", headers });
  await sb.clock.advance(1_000); // the function runs asynchronously (Event)
}

async function newsletter(to: string): Promise<void> {
  await new SESClient({}).send(
    new SendEmailCommand({ Source: SENDER, Destination: { ToAddresses: [to] }, Message: { Subject: { Data: "This week" }, Body: { Text: { Data: "New arrivals!" } } } }),
  );
}

/** What the function did, from its log (its errors included). */
function functionLog(): string {
  const lines = sb.lambda.logs("unsubscribe").map((entry) => entry.message.trim())
    .filter((line) => !/^(INIT_START|START|END|REPORT)/.test(line))
    .map((line) => line.split("\t").slice(3).join(" ") || line);
  return lines.length === 0 ? "" : ` The function's log: ${lines.join(" | ").slice(0, 300)}`;
}

const replies = (address: string) => sb.world.mailbox(address).filter((mail) => mail.from === SENDER && mail.subject !== "This week");

describe("unsubscribe", () => {
  it("a mail to unsubscribe@ stops the newsletter: SES accepts it and drops it (suppression list)", async () => {
    await unsubscribe("ana@example.com");
    await newsletter("ana@example.com");
    const newsletters = sb.world.mailbox("ana@example.com").filter((mail) => mail.subject === "This week");
    expect(newsletters.length, `ana@example.com unsubscribed, yet the newsletter reached her: she is not on the account suppression list.${functionLog()}`).toBe(0);
  });

  it("confirms by mail from the shop's address", async () => {
    await unsubscribe("ana@example.com");
    expect(replies("ana@example.com").length, `ana@example.com should get one confirmation from ${SENDER}.${functionLog()}`).toBe(1);
  });

  it("does not answer a mail that a machine sent (Auto-Submitted), but still suppresses it", async () => {
    await unsubscribe("robot@example.com", { "Auto-Submitted": "auto-replied" });
    expect(replies("robot@example.com").length, "an automatic mail (Auto-Submitted: auto-replied) gets no answer: robots answering robots loop").toBe(0);
    await newsletter("robot@example.com");
    const suppressed = sb.trace.events.some((event) => event.service === "ses" && event.kind === "suppressed" && event.resource === "robot@example.com");
    expect(suppressed, `robot@example.com should still be on the suppression list.${functionLog()}`).toBe(true);
  });
});
