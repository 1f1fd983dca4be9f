import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResultV2 } from "aws-lambda";
import { ApiGatewayV2Client, CreateAuthorizerCommand, CreateRouteCommand } from "@aws-sdk/client-apigatewayv2";
import { ordersStore } from "./orders-store";

const apigateway = new ApiGatewayV2Client({});

export const ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Shop";
export const AUDIENCE = "shop-web";

export async function protectOrders(apiId: string, integrationId: string): Promise<void> {
  // API Gateway checks signature, issuer, audience and expiry before any function runs.
  const { AuthorizerId } = await apigateway.send(
    new CreateAuthorizerCommand({
      ApiId: apiId,
      Name: "shop-users",
      AuthorizerType: "JWT",
      IdentitySource: ["$request.header.Authorization"],
      JwtConfiguration: { Issuer: ISSUER, Audience: [AUDIENCE] },
    }),
  );
  const scopes: Record<string, string> = { "GET /orders": "orders/read", "POST /orders": "orders/write" };
  for (const [RouteKey, scope] of Object.entries(scopes)) {
    await apigateway.send(
      new CreateRouteCommand({
        ApiId: apiId,
        RouteKey,
        Target: `integrations/${integrationId}`,
        AuthorizationType: "JWT",
        AuthorizerId,
        AuthorizationScopes: [scope],
      }),
    );
  }
}

export async function handler(event: APIGatewayProxyEventV2WithJWTAuthorizer): Promise<APIGatewayProxyResultV2> {
  // Verified by API Gateway: the only trustworthy place to learn who is calling.
  const customer = String(event.requestContext.authorizer.jwt.claims.sub);
  if (event.requestContext.http.method === "POST") {
    const { item } = JSON.parse(event.body ?? "{}") as { item?: string };
    const order = { id: `o-${ordersStore.of(customer).length + 1}-${customer}`, customer, item: item ?? "" };
    ordersStore.add(order);
    return { statusCode: 201, headers: { "content-type": "application/json" }, body: JSON.stringify(order) };
  }
  return { statusCode: 200, headers: { "content-type": "application/json" }, body: JSON.stringify(ordersStore.of(customer)) };
}
