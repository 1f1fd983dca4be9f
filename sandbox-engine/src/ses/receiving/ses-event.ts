/**
 * What SES hands a Lambda function and an SNS topic about a received mail: `Records[].ses.{mail,receipt}`
 * (the `SESEvent` of @types/aws-lambda; https://docs.aws.amazon.com/ses/latest/dg/receiving-email-action-lambda-event.html)
 * and the `notificationType: "Received"` notification (receiving-email-notifications-contents.html). The body
 * is not in the Lambda event; the SNS action's notification carries it as `content`.
 */
import type { ReceiptAction } from "../ses-context.ts";

export type VerdictStatus = "PASS" | "FAIL" | "GRAY" | "PROCESSING_FAILED" | "DISABLED";

export interface InboundMail {
  readonly messageId: string;
  readonly timestamp: number;
  readonly source: string;
  readonly destination: readonly string[];
  /** In order, as SES passes them on (AddHeader actions add to the top). */
  headers: Array<readonly [string, string]>;
  readonly subject: string;
  readonly from: string;
  readonly to: readonly string[];
  readonly text: string;
  readonly html: string | undefined;
}

export interface Verdicts {
  readonly spam: VerdictStatus;
  readonly virus: VerdictStatus;
  readonly spf: VerdictStatus;
  readonly dkim: VerdictStatus;
  readonly dmarc: VerdictStatus;
}

export function mailOf(mail: InboundMail) {
  return {
    timestamp: new Date(mail.timestamp).toISOString(),
    source: mail.source,
    messageId: mail.messageId,
    destination: [...mail.destination],
    headersTruncated: false,
    headers: mail.headers.map(([name, value]) => ({ name, value })),
    commonHeaders: {
      returnPath: mail.source,
      from: [mail.from],
      date: new Date(mail.timestamp).toUTCString(),
      to: [...mail.to],
      messageId: mail.messageId,
      subject: mail.subject,
    },
  };
}

export function actionOf(action: ReceiptAction, messageId: string): Record<string, unknown> {
  switch (action.type) {
    case "Lambda":
      return { type: "Lambda", functionArn: action.functionArn, invocationType: action.invocationType };
    case "SNS":
      return { type: "SNS", topicArn: action.topicArn, encoding: action.encoding };
    case "S3":
      return { type: "S3", ...(action.topicArn === undefined ? {} : { topicArn: action.topicArn }), bucketName: action.bucketName, objectKey: `${action.objectKeyPrefix}${messageId}` };
    case "Bounce":
      return { type: "Bounce", ...(action.topicArn === undefined ? {} : { topicArn: action.topicArn }), smtpReplyCode: action.smtpReplyCode, statusCode: action.statusCode ?? "", message: action.message, sender: action.sender };
    case "Stop":
      return { type: "Stop", ...(action.topicArn === undefined ? {} : { topicArn: action.topicArn }) };
    case "WorkMail":
      return { type: "WorkMail", ...(action.topicArn === undefined ? {} : { topicArn: action.topicArn }), organizationArn: action.organizationArn };
    case "AddHeader":
      return { type: "AddHeader" };
  }
}

export function receiptOf(mail: InboundMail, recipients: readonly string[], verdicts: Verdicts, action: ReceiptAction) {
  return {
    timestamp: new Date(mail.timestamp).toISOString(),
    processingTimeMillis: 0,
    recipients: [...recipients],
    spamVerdict: { status: verdicts.spam },
    virusVerdict: { status: verdicts.virus },
    spfVerdict: { status: verdicts.spf },
    dkimVerdict: { status: verdicts.dkim },
    dmarcVerdict: { status: verdicts.dmarc },
    // dmarcPolicy appears only when DMARC fails (AWS-FACTS D.5); the sender's policy is not simulated: "none".
    ...(verdicts.dmarc === "FAIL" ? { dmarcPolicy: "none" as const } : {}),
    action: actionOf(action, mail.messageId),
  };
}

export function sesEvent(mail: InboundMail, recipients: readonly string[], verdicts: Verdicts, action: ReceiptAction) {
  return { Records: [{ eventSource: "aws:ses", eventVersion: "1.0", ses: { mail: mailOf(mail), receipt: receiptOf(mail, recipients, verdicts, action) } }] };
}
