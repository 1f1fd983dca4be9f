import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { findOrder, type Order } from "./order-store";

const json = (statusCode: number, value: unknown): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(value),
});

export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const id = event.pathParameters?.id ?? "";
  if (!/^o-\d+$/.test(id)) return json(400, { message: `"${id}" is not an order id: ids look like o-123` });
  const order = findOrder(id);
  if (order === undefined) return json(404, { message: `order ${id} not found` });
  return json(200, order);
}

export async function getOrder(baseUrl: string, id: string): Promise<Order | undefined> {
  const response = await fetch(`${baseUrl}/orders/${encodeURIComponent(id)}`);
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`GET /orders/${id} failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as Order;
}
