import { CreateReceiptRuleCommand, CreateReceiptRuleSetCommand, SESClient, SetActiveReceiptRuleSetCommand } from "@aws-sdk/client-ses";
import { LambdaClient } from "@aws-sdk/client-lambda";

const ses = new SESClient({});
const lambda = new LambdaClient({});

export const ACCOUNT = "123456789012";
export const RULE_SET = "shop-inbox";
export const ARCHIVE_BUCKET = "mail-archive";

/**
 * The shop's inbound mail, in this order:
 * 1. "archive": every mail to shop.example is stored in ARCHIVE_BUCKET;
 * 2. "tickets": mail to support@shop.example invokes the ticket function;
 * 3. "billing": mail to billing@shop.example goes to the billing topic.
 */
export async function setUpInbox(ticketFunctionArn: string, billingTopicArn: string): Promise<void> {
  await ses.send(new CreateReceiptRuleSetCommand({ RuleSetName: RULE_SET }));
  await ses.send(new SetActiveReceiptRuleSetCommand({ RuleSetName: RULE_SET }));
  // TODO: let SES invoke the ticket function first: CreateReceiptRule refuses a rule naming a function SES may not invoke.
  await ses.send(
    new CreateReceiptRuleCommand({
      RuleSetName: RULE_SET,
      Rule: {
        Name: "tickets",
        Recipients: ["support@shop.example"],
        Actions: [{ LambdaAction: { FunctionArn: ticketFunctionArn, InvocationType: "Event" } }],
      },
    }),
  );
  // TODO: the archive rule first, the billing rule last.
}
