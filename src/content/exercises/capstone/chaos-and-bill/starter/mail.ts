// Provided: the mail side of the shop. SES with a verified sender and
// a template, a queue "order-mails" that gets every order from the
// topic, the function "confirm-order" that reads it (your handler in
// confirm-order.ts), and SES's bounce notifications on a topic that
// invokes "mail-bounces" (your handleBounce).
import type { Sandbox } from "sandbox-engine";
import { AddPermissionCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { CreateTopicCommand, SNSClient, SubscribeCommand } from "@aws-sdk/client-sns";
import { SESClient, SetIdentityNotificationTopicCommand } from "@aws-sdk/client-ses";
import { CreateEmailIdentityCommand, CreateEmailTemplateCommand, SESv2Client } from "@aws-sdk/client-sesv2";
import { handleBounce, handler as confirmOrder } from "./confirm-order";
import { consume } from "./consumers";
import { SENDER, TEMPLATE } from "./mail-log";
import { subscribedQueue } from "./routing";

export const MAIL_FUNCTION = "confirm-order";
export const BOUNCE_FUNCTION = "mail-bounces";

export interface MailStack {
  queue: string;
  deadLetters: string;
}

export async function deployMail(sb: Sandbox, topicArn: string): Promise<MailStack> {
  const sesv2 = new SESv2Client({});
  const lambda = new LambdaClient({});
  const sns = new SNSClient({});

  // A new SES account is in the sandbox: it may mail only verified addresses, one mail a second. The shop mails
  // any customer, so it has production access (on AWS: a request to AWS Support; here, one call).
  sb.ses.leaveSandbox();
  await sesv2.send(new CreateEmailIdentityCommand({ EmailIdentity: SENDER }));
  sb.ses.verify(SENDER); // the owner clicked the link in the verification mail
  await sesv2.send(
    new CreateEmailTemplateCommand({
      TemplateName: TEMPLATE,
      TemplateContent: {
        Subject: "Your order {{orderId}}",
        Text: "Thank you for your order {{orderId}} of ${{total}}. We will let you know when it ships.",
      },
    }),
  );

  // Every order, whatever its kind, gets a confirmation: a queue without a filter policy.
  const queue = await subscribedQueue(topicArn, "order-mails", {});
  sb.lambda.createFunction({ FunctionName: MAIL_FUNCTION, handler: confirmOrder as never, Timeout: 10 });
  const deadLetters = await consume(queue, MAIL_FUNCTION);

  // Bounces: SES publishes them to a topic, which invokes mail-bounces.
  const { TopicArn: feedbackTopic } = await sns.send(new CreateTopicCommand({ Name: "mail-feedback" }));
  await new SESClient({}).send(new SetIdentityNotificationTopicCommand({ Identity: SENDER, NotificationType: "Bounce", SnsTopic: feedbackTopic }));
  const bounces = sb.lambda.createFunction({ FunctionName: BOUNCE_FUNCTION, handler: handleBounce as never });
  await lambda.send(
    new AddPermissionCommand({
      FunctionName: BOUNCE_FUNCTION,
      StatementId: "mail-feedback",
      Action: "lambda:InvokeFunction",
      Principal: "sns.amazonaws.com",
      SourceArn: feedbackTopic,
    }),
  );
  await sns.send(new SubscribeCommand({ TopicArn: feedbackTopic, Protocol: "lambda", Endpoint: bounces.FunctionArn }));
  return { queue, deadLetters };
}
