import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import { envVar, type HttpApiEvent, type HttpApiResult, type Order } from "./shop";

const sns = new SNSClient({});

/**
 * Handler "place-order.handler", behind POST /orders (payload 2.0).
 *
 * 1. Read the order from the request body (JSON). Anything that is
 *    not a valid order gets 400 with { message } saying what is
 *    wrong, and publishes nothing.
 * 2. Publish the order to the topic (envVar("TOPIC_ARN")), as JSON,
 *    with two message attributes for the filter policies of stage 2:
 *    delivery (String) and total (Number).
 * 3. Answer 202 Accepted with { orderId }: the order is accepted, the
 *    work happens later, downstream.
 */
export async function handler(event: HttpApiEvent): Promise<HttpApiResult> {
  // TODO: validate, publish, answer 202.
  return json(501, { message: "not implemented yet" });
}

function json(statusCode: number, body: unknown): HttpApiResult {
  return { statusCode, headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
}
