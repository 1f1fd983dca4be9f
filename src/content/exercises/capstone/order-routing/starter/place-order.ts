import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import { envVar, type HttpApiEvent, type HttpApiResult, type Order } from "./shop";

const sns = new SNSClient({});

/**
 * Handler "place-order.handler", behind POST /orders (payload 2.0):
 * validates the order, publishes it to the orders topic, answers 202.
 */
export async function handler(event: HttpApiEvent): Promise<HttpApiResult> {
  const topicArn = envVar("TOPIC_ARN");
  const order = readOrder(event);
  if (typeof order === "string") return json(400, { message: order });

  await sns.send(
    new PublishCommand({
      TopicArn: topicArn,
      Message: JSON.stringify(order),
      // Filter policies match message attributes; a numeric filter needs the Number type.
      MessageAttributes: {
        delivery: { DataType: "String", StringValue: order.delivery },
        total: { DataType: "Number", StringValue: String(order.total) },
      },
    }),
  );
  return json(202, { orderId: order.orderId });
}

/** The order, or what is wrong with the request. */
function readOrder(event: HttpApiEvent): Order | string {
  let body: unknown;
  try {
    const text = event.isBase64Encoded ? atob(event.body ?? "") : (event.body ?? "");
    body = JSON.parse(text);
  } catch {
    return "the body must be a JSON order";
  }
  if (typeof body !== "object" || body === null) return "the body must be a JSON order";
  const o = body as Partial<Order>;
  if (typeof o.orderId !== "string" || o.orderId.trim() === "") return "orderId is required";
  if (typeof o.email !== "string" || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(o.email)) return "email must be an email address";
  if (o.delivery !== "express" && o.delivery !== "standard") return 'delivery must be "express" or "standard"';
  if (typeof o.total !== "number" || !Number.isFinite(o.total) || o.total <= 0) return "total must be a positive number";
  if (!Array.isArray(o.items) || o.items.length === 0) return "items must list at least one item";
  // Publish only the fields the shop knows, never whatever else the client sent.
  return { orderId: o.orderId, email: o.email, delivery: o.delivery, total: o.total, items: o.items };
}

function json(statusCode: number, body: unknown): HttpApiResult {
  return { statusCode, headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
}
