import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { findOrder, type Order } from "./order-store";

/**
 * Handler "orders.handler", behind the HTTP API route GET /orders/{id} (payload format 2.0).
 *
 * - an id that is not `o-` and digits: 400 with `{ "message": "..." }`
 * - an unknown order: 404 with `{ "message": "..." }`
 * - a known order: 200 with the order as JSON (content-type application/json)
 */
export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  // TODO 1: the id is a path parameter, not a query string parameter.
  const id = event.queryStringParameters?.id ?? "";
  const order = findOrder(id);
  // TODO 2: answer 400 and 404 where they belong, and a JSON string as the body.
  return { statusCode: 200, body: String(order) };
}

/**
 * A client of the API: the order with this id, `undefined` when the API answers 404, and an Error (with the
 * status) for any other failure. `baseUrl` is the API's URL, e.g. https://abc123.execute-api.us-east-1.amazonaws.com
 */
export async function getOrder(baseUrl: string, id: string): Promise<Order | undefined> {
  // TODO 3: call the API with fetch.
  return findOrder(id);
}
