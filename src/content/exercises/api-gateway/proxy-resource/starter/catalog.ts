import type { APIGatewayProxyEvent, APIGatewayProxyResult } from "aws-lambda";
import { AddPermissionCommand, GetFunctionCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { catalog, type Product } from "./catalog-store";

const lambda = new LambdaClient({});

/** Lets the REST API `restApiId`, and no other API, invoke the function `functionName`. */
export async function allowApiGateway(functionName: string, restApiId: string): Promise<void> {
  // TODO 1: add a statement to the function's resource policy (AddPermissionCommand) for
  //   the principal apigateway.amazonaws.com, limited to this API with a SourceArn.
}

/**
 * Handler "catalog.handler", behind the REST resource ANY /{proxy+} (Lambda proxy integration):
 *
 * - GET  products        200, all products as JSON
 * - GET  products/{sku}  200, the product as JSON; 404 if there is none
 * - POST products        201 with the stored product and a `location: /products/{sku}` header;
 *                        400 if the body is not JSON
 * - anything else        404
 */
export async function handler(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  // TODO 2: route on event.httpMethod and event.pathParameters.proxy.
  return { statusCode: 200, body: JSON.stringify(catalog.list()) };
}
