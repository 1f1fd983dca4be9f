import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResultV2 } from "aws-lambda";
import { ApiGatewayV2Client, CreateAuthorizerCommand, CreateRouteCommand } from "@aws-sdk/client-apigatewayv2";
import { ordersStore } from "./orders-store";

const apigateway = new ApiGatewayV2Client({});

/** The shop's user pool, and the app client its tokens are issued to. */
export const ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Shop";
export const AUDIENCE = "shop-web";

/**
 * Adds the routes GET /orders (scope orders/read) and POST /orders (scope orders/write)
 * to the HTTP API `apiId`, both to the integration `integrationId`, both behind a JWT
 * authorizer for tokens of ISSUER issued to AUDIENCE.
 */
export async function protectOrders(apiId: string, integrationId: string): Promise<void> {
  // TODO 1: a JWT authorizer, and routes that use it with their scopes.
  for (const RouteKey of ["GET /orders", "POST /orders"]) {
    await apigateway.send(new CreateRouteCommand({ ApiId: apiId, RouteKey, Target: `integrations/${integrationId}` }));
  }
}

/** Handler "protect.handler": the caller's orders (GET), or a new order for the caller (POST, body { item }). */
export async function handler(event: APIGatewayProxyEventV2WithJWTAuthorizer): Promise<APIGatewayProxyResultV2> {
  // TODO 2: the caller is the token's sub claim, not a query parameter.
  const customer = event.queryStringParameters?.customer ?? "";
  if (event.requestContext.http.method === "POST") {
    const { item } = JSON.parse(event.body ?? "{}") as { item?: string };
    const order = { id: `o-${ordersStore.of(customer).length + 1}-${customer}`, customer, item: item ?? "" };
    ordersStore.add(order);
    return { statusCode: 201, body: JSON.stringify(order) };
  }
  return { statusCode: 200, body: JSON.stringify(ordersStore.of(customer)) };
}
