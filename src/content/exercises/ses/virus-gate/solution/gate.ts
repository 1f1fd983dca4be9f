import { CreateReceiptRuleCommand, SESClient } from "@aws-sdk/client-ses";

const ses = new SESClient({});

/** The SES event, the fields used here (as in @types/aws-lambda's SESEvent). */
export interface SesEvent {
  Records: {
    ses: {
      mail: { messageId: string; source: string };
      receipt: {
        spamVerdict: { status: string };
        virusVerdict: { status: string };
      };
    };
  }[];
}

export type Disposition = "CONTINUE" | "STOP_RULE" | "STOP_RULE_SET";

/**
 * The rule "screen", first in RULE_SET: the function decides, the
 * bounce answers infected mail, Stop keeps it from the inbox rule.
 */
export async function addScreenRule(ruleSet: string, gateFunctionArn: string): Promise<void> {
  await ses.send(
    new CreateReceiptRuleCommand({
      RuleSetName: ruleSet,
      Rule: {
        Name: "screen",
        Enabled: true,
        ScanEnabled: true,
        Recipients: ["shop.example"],
        Actions: [
          { LambdaAction: { FunctionArn: gateFunctionArn, InvocationType: "RequestResponse" } },
          { BounceAction: { SmtpReplyCode: "500", StatusCode: "5.6.1", Message: "Message content rejected", Sender: "postmaster@shop.example" } },
          { StopAction: { Scope: "RuleSet" } },
        ],
      },
    }),
  );
}

/**
 * Handler "gate.handler" of the function "screen-mail":
 * - clean mail: skip the rest of "screen" (the bounce), on to the inbox;
 * - a FAIL virus verdict: go on to the bounce, then Stop;
 * - a FAIL spam verdict: drop it silently; a bounce would go to a
 *   forged sender.
 */
export async function handler(event: SesEvent): Promise<{ disposition: Disposition }> {
  const { spamVerdict, virusVerdict } = event.Records[0]!.ses.receipt;
  if (virusVerdict.status === "FAIL") return { disposition: "CONTINUE" };
  if (spamVerdict.status === "FAIL") return { disposition: "STOP_RULE_SET" };
  return { disposition: "STOP_RULE" };
}
