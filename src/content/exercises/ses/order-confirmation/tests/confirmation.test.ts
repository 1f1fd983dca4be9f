import { beforeEach, describe, expect, it } from "vitest";
import { createSandbox } from "sandbox-engine";
import { GetEmailIdentityCommand, SESv2Client } from "@aws-sdk/client-sesv2";
import { createConfirmationTemplate, SENDER, sendConfirmation, verifySender } from "./confirmation";

let sb: ReturnType<typeof createSandbox>;
let ses: SESv2Client;

beforeEach(() => {
  sb = createSandbox({ seed: 3 });
  ses = new SESv2Client({});
  // The account is in the SES sandbox: it may mail only verified addresses. The customers' are.
  for (const customer of ["ana@example.com", "bo@example.com"]) {
    sb.ses.verifyEmailIdentity({ EmailAddress: customer });
    sb.ses.verify(customer);
  }
});

/** Follows the verification link SES mailed to the sender, as the shop's owner would. */
function followVerificationLink(): void {
  const mail = sb.world.mailbox(SENDER).find((candidate) => candidate.from === "no-reply-aws@amazon.com");
  expect(mail, `SES mailed no verification link to ${SENDER}: verifySender() should create that email identity`).toBeDefined();
  sb.ses.visit(/https:\/\/email-verification\S+/.exec(mail!.text)![0]);
}

/** What happened to the mails sent so far, in the trace's words. */
function whatHappened(): string {
  const lines = sb.trace.events
    .filter((event) => event.service === "ses" && ["send", "delivery", "rendering-failure"].includes(event.kind))
    .map((event) => (event.kind === "rendering-failure" ? `SES accepted the send, then dropped the mail: ${String(event.details["reason"])}` : `${event.kind} ${event.resource}`));
  return lines.length === 0 ? " SES sent nothing." : ` SES: ${lines.join("; ")}.`;
}

async function confirmedOrder(name: string) {
  await verifySender();
  followVerificationLink();
  await createConfirmationTemplate();
  await sendConfirmation({ orderId: "o-1042", name, email: "ana@example.com", total: "59.90 EUR" });
  const mail = sb.world.mailbox("ana@example.com").at(-1);
  expect(mail, `ana@example.com received no confirmation.${whatHappened()}`).toBeDefined();
  return mail!;
}

describe("order confirmation", () => {
  it("asks SES to verify the sender: the link in its mailbox verifies it", async () => {
    await verifySender();
    followVerificationLink();
    const identity = await ses.send(new GetEmailIdentityCommand({ EmailIdentity: SENDER }));
    expect(identity.VerifiedForSendingStatus, `${SENDER} should be verified once its link is followed`).toBe(true);
  });

  it("sends the confirmation from the template: the order id in the subject, the name and total in the text and HTML", async () => {
    const mail = await confirmedOrder("Ana");
    expect(mail.from, "the confirmation should come from the verified shop address").toBe(SENDER);
    expect(mail.subject, "the subject comes from the template's {{orderId}}").toBe("Your order o-1042");
    expect(mail.text, `the text part should greet Ana and state the total; it reads: ${JSON.stringify(mail.text)}`).toMatch(/Ana[\s\S]*59\.90 EUR/);
    expect(mail.html ?? "", `the HTML part should greet Ana and state the total; it reads: ${JSON.stringify(mail.html)}`).toMatch(/Ana[\s\S]*59\.90 EUR/);
  });

  it("SES does not escape template values: a name with markup reaches the HTML part as text, not as tags", async () => {
    const name = 'Ana <img src=x onerror="alert(1)">';
    const mail = await confirmedOrder(name);
    expect(mail.text, "the text part shows the name as the customer typed it").toContain(name);
    expect(
      mail.html ?? "",
      `the HTML part contains the customer's markup as live tags: ${JSON.stringify(mail.html)}. Escape the name (escapeHtml) before it goes into the HTML part`,
    ).not.toContain("<img");
    expect(mail.html ?? "", "the HTML part should still greet the customer by name (escaped)").toMatch(/Ana &/);
  });
});
