import type { APIGatewayProxyEvent, APIGatewayProxyResult } from "aws-lambda";
import { GetQueueUrlCommand, SendMessageCommand, SQSClient } from "@aws-sdk/client-sqs";

const sqs = new SQSClient({});

/**
 * Handler "place-order.handler", behind POST /orders of a REST API with two stages:
 * dev (stage variable queueName = "orders-dev") and prod (queueName = "orders-prod").
 *
 * Sends the order (the request body, JSON) to the queue its stage names, and answers
 * 202 with `{ "orderId": ..., "stage": ... }`. A stage without queueName answers 500
 * and sends nothing; a body that is not JSON with an orderId answers 400.
 */
export async function handler(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  const order = JSON.parse(event.body ?? "{}");
  // TODO: the queue depends on the stage: read it from the stage variables.
  const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: "orders-prod" }));
  await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: JSON.stringify(order) }));
  return { statusCode: 200, body: "ok" };
}
