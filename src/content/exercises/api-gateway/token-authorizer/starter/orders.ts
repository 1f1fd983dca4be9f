// The function behind GET and DELETE /orders/{id}, which trusts the authorizer's context. Read-only.
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from "aws-lambda";

const orders = new Map<string, { id: string; customer: string; totalCents: number }>();

export function resetOrders(): void {
  orders.clear();
  orders.set("o-1", { id: "o-1", customer: "ada", totalCents: 2500 });
  orders.set("o-2", { id: "o-2", customer: "ada", totalCents: 900 });
  orders.set("o-3", { id: "o-3", customer: "grace", totalCents: 4100 });
}
resetOrders();

export async function handler(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  const userId = event.requestContext.authorizer?.userId;
  const role = event.requestContext.authorizer?.role;
  const order = orders.get(event.pathParameters?.id ?? "");
  // Someone else's order is "not found": its existence is none of the caller's business.
  if (order === undefined || (role !== "admin" && order.customer !== userId)) {
    return { statusCode: 404, body: JSON.stringify({ message: "order not found" }) };
  }
  if (event.httpMethod === "DELETE") {
    orders.delete(order.id);
    return { statusCode: 204, body: "" };
  }
  return { statusCode: 200, headers: { "content-type": "application/json" }, body: JSON.stringify(order) };
}
