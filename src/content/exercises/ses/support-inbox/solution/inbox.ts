import { CreateReceiptRuleCommand, CreateReceiptRuleSetCommand, SESClient, SetActiveReceiptRuleSetCommand } from "@aws-sdk/client-ses";
import { AddPermissionCommand, LambdaClient } from "@aws-sdk/client-lambda";

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
  await lambda.send(
    new AddPermissionCommand({
      FunctionName: ticketFunctionArn,
      StatementId: "allow-ses",
      Action: "lambda:InvokeFunction",
      Principal: "ses.amazonaws.com",
      SourceAccount: ACCOUNT,
    }),
  );
  await ses.send(new CreateReceiptRuleSetCommand({ RuleSetName: RULE_SET }));
  await ses.send(new SetActiveReceiptRuleSetCommand({ RuleSetName: RULE_SET }));
  await ses.send(
    new CreateReceiptRuleCommand({
      RuleSetName: RULE_SET,
      Rule: { Name: "archive", Enabled: true, Recipients: ["shop.example"], Actions: [{ S3Action: { BucketName: ARCHIVE_BUCKET } }] },
    }),
  );
  await ses.send(
    new CreateReceiptRuleCommand({
      RuleSetName: RULE_SET,
      After: "archive",
      Rule: {
        Name: "tickets",
        Enabled: true,
        Recipients: ["support@shop.example"],
        Actions: [{ LambdaAction: { FunctionArn: ticketFunctionArn, InvocationType: "Event" } }],
      },
    }),
  );
  await ses.send(
    new CreateReceiptRuleCommand({
      RuleSetName: RULE_SET,
      After: "tickets",
      Rule: {
        Name: "billing",
        Enabled: true,
        Recipients: ["billing@shop.example"],
        Actions: [{ SNSAction: { TopicArn: billingTopicArn, Encoding: "UTF-8" } }],
      },
    }),
  );
}
