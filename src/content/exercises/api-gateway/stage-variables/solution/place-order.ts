import type { APIGatewayProxyEvent, APIGatewayProxyResult } from "aws-lambda";
import { GetQueueUrlCommand, SendMessageCommand, SQSClient } from "@aws-sdk/client-sqs";

const sqs = new SQSClient({});

const json = (statusCode: number, value: unknown): APIGatewayProxyResult => ({
  statusCode,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(value),
});

function parseOrder(body: string | null): { orderId: string } | undefined {
  try {
    const value = JSON.parse(body ?? "");
    return typeof value?.orderId === "string" ? value : undefined;
  } catch {
    return undefined;
  }
}

export async function handler(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  const stage = event.requestContext.stage;
  const queueName = event.stageVariables?.queueName;
  // No default queue: a stage that forgot its variable must fail loudly, not write into production.
  if (queueName === undefined) return json(500, { message: `stage ${stage} has no stage variable queueName` });
  const order = parseOrder(event.body);
  if (order === undefined) return json(400, { message: "the body must be JSON with an orderId" });
  const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: queueName }));
  await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: JSON.stringify(order) }));
  return json(202, { orderId: order.orderId, stage });
}
