import { SNSClient, SubscribeCommand } from "@aws-sdk/client-sns";
import { AddPermissionCommand, GetFunctionCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { warehouse } from "./warehouse";

const sns = new SNSClient({});
const lambda = new LambdaClient({});

export interface SnsEvent {
  Records: {
    EventSource: string;
    Sns: {
      MessageId: string;
      TopicArn: string;
      Subject: string | null;
      Message: string;
      MessageAttributes: Record<string, { Type: string; Value: string }>;
    };
  }[];
}

export async function subscribeFunction(topicArn: string, functionName: string): Promise<void> {
  // A new function lets no other service invoke it: SNS needs a statement in its resource-based policy.
  await lambda.send(
    new AddPermissionCommand({
      FunctionName: functionName,
      StatementId: "allow-orders-topic",
      Action: "lambda:InvokeFunction",
      Principal: "sns.amazonaws.com",
      SourceArn: topicArn,
    }),
  );
  const { Configuration } = await lambda.send(new GetFunctionCommand({ FunctionName: functionName }));
  await sns.send(
    new SubscribeCommand({ TopicArn: topicArn, Protocol: "lambda", Endpoint: Configuration!.FunctionArn! }),
  );
}

export async function handler(event: SnsEvent): Promise<void> {
  for (const record of event.Records) {
    const order = JSON.parse(record.Sns.Message);
    const priority = record.Sns.MessageAttributes["priority"]?.Value ?? "normal";
    // No catch: a failure fails the invocation, and Lambda retries it.
    await warehouse.book({ orderId: order.orderId, priority });
  }
}
