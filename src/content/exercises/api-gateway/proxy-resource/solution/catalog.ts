import type { APIGatewayProxyEvent, APIGatewayProxyResult } from "aws-lambda";
import { AddPermissionCommand, GetFunctionCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { catalog, type Product } from "./catalog-store";

const lambda = new LambdaClient({});

export async function allowApiGateway(functionName: string, restApiId: string): Promise<void> {
  const { Configuration } = await lambda.send(new GetFunctionCommand({ FunctionName: functionName }));
  // arn:aws:lambda:{region}:{account}:function:{name}
  const [, , , region, account] = Configuration!.FunctionArn!.split(":");
  await lambda.send(
    new AddPermissionCommand({
      FunctionName: functionName,
      StatementId: `allow-api-${restApiId}`,
      Action: "lambda:InvokeFunction",
      Principal: "apigateway.amazonaws.com",
      // Any stage, method and path of this API; no other API.
      SourceArn: `arn:aws:execute-api:${region}:${account}:${restApiId}/*`,
    }),
  );
}

const json = (statusCode: number, value: unknown, headers: Record<string, string> = {}): APIGatewayProxyResult => ({
  statusCode,
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(value),
});

function parseProduct(body: string | null): Product | undefined {
  try {
    const value = JSON.parse(body ?? "");
    if (typeof value?.sku !== "string" || typeof value.name !== "string" || typeof value.priceCents !== "number") return undefined;
    return { sku: value.sku, name: value.name, priceCents: value.priceCents };
  } catch {
    return undefined;
  }
}

export async function handler(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  const [collection, sku, ...rest] = (event.pathParameters?.proxy ?? "").split("/");
  if (collection === "products" && rest.length === 0) {
    if (event.httpMethod === "GET" && sku === undefined) return json(200, catalog.list());
    if (event.httpMethod === "GET" && sku !== undefined) {
      const product = catalog.get(sku);
      return product === undefined ? json(404, { message: `no product ${sku}` }) : json(200, product);
    }
    if (event.httpMethod === "POST" && sku === undefined) {
      const product = parseProduct(event.body);
      if (product === undefined) return json(400, { message: "the body must be a product: { sku, name, priceCents }" });
      catalog.add(product);
      return json(201, product, { location: `/products/${product.sku}` });
    }
  }
  return json(404, { message: `nothing at ${event.httpMethod} /${event.pathParameters?.proxy ?? ""}` });
}
