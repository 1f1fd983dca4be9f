import { beforeEach, describe, expect, it } from "vitest";
import { createSandbox } from "sandbox-engine";
import { APIGatewayClient, CreateDeploymentCommand, CreateResourceCommand, CreateRestApiCommand, PutIntegrationCommand, PutMethodCommand } from "@aws-sdk/client-api-gateway";
import { allowApiGateway, handler } from "./catalog";
import { catalog } from "./catalog-store";

let sb: ReturnType<typeof createSandbox>;
let apiId: string;
let otherApiId: string;

const apigw = new APIGatewayClient({});

/** A REST API whose resource ANY /{proxy+} sends everything to `functionArn`, deployed to the stage prod. */
async function proxyApi(name: string, functionArn: string): Promise<string> {
  const { id: restApiId = "", rootResourceId = "" } = await apigw.send(new CreateRestApiCommand({ name }));
  const { id: resourceId = "" } = await apigw.send(new CreateResourceCommand({ restApiId, parentId: rootResourceId, pathPart: "{proxy+}" }));
  await apigw.send(new PutMethodCommand({ restApiId, resourceId, httpMethod: "ANY", authorizationType: "NONE" }));
  await apigw.send(
    new PutIntegrationCommand({
      restApiId,
      resourceId,
      httpMethod: "ANY",
      type: "AWS_PROXY",
      integrationHttpMethod: "POST",
      uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${functionArn}/invocations`,
    }),
  );
  await apigw.send(new CreateDeploymentCommand({ restApiId, stageName: "prod" }));
  return restApiId;
}

beforeEach(async () => {
  sb = createSandbox({ seed: 12 });
  catalog.reset();
  const { FunctionArn = "" } = sb.lambda.createFunction({ FunctionName: "catalog", Handler: "catalog.handler", handler: handler as never });
  apiId = await proxyApi("catalog", FunctionArn);
  otherApiId = await proxyApi("someone-elses-api", FunctionArn);
  await allowApiGateway("catalog", apiId);
});

/** Calls the stage prod of an API and says what came back, and why API Gateway answered itself if it did. */
async function call(method: string, path: string, body?: string, api = apiId) {
  const response = await fetch(`https://${api}.execute-api.us-east-1.amazonaws.com/prod${path}`, { method, ...(body === undefined ? {} : { body }) });
  const text = await response.text();
  const answered = sb.trace.events.filter((event) => event.service === "apigateway" && event.kind === "response").at(-1);
  const reason = answered?.kind === "response" && answered.details.reason !== null ? ` (API Gateway: ${answered.details.reason})` : "";
  const seen = `${method} /prod${path} answered ${response.status} with body ${text === "" ? "(empty)" : text.slice(0, 200)}${reason}`;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, location: response.headers.get("location"), json, seen };
}

describe("the function's resource policy", () => {
  it("lets the catalog API invoke the function", async () => {
    const answer = await call("GET", "/products");
    expect(answer.status, `${answer.seen}. allowApiGateway should let apigateway.amazonaws.com invoke the function.`).toBe(200);
  });

  it("lets no other API invoke it", async () => {
    const answer = await call("GET", "/products", undefined, otherApiId);
    expect(answer.status, `${answer.seen}. Another API reached the function: limit the permission with SourceArn arn:aws:execute-api:us-east-1:123456789012:${apiId}/*`).toBe(500);
  });
});

describe("one handler behind ANY /{proxy+}", () => {
  it("lists the products and finds one by sku; an unknown sku is 404", async () => {
    const all = await call("GET", "/products");
    expect(all.json, `${all.seen}. GET /products should list the catalog.`).toEqual(catalog.list());
    const lamp = await call("GET", "/products/lamp-1");
    expect(lamp.status, lamp.seen).toBe(200);
    expect(lamp.json, `${lamp.seen}. event.pathParameters.proxy is "products/lamp-1".`).toEqual({ sku: "lamp-1", name: "Desk lamp", priceCents: 3900 });
    const missing = await call("GET", "/products/sofa-9");
    expect(missing.status, `${missing.seen}. There is no product sofa-9.`).toBe(404);
  });

  it("creates a product with POST: 201 Created and its location, then GET finds it", async () => {
    const created = await call("POST", "/products", JSON.stringify({ sku: "pen-3", name: "Pen", priceCents: 250 }));
    expect(created.status, `${created.seen}. A new product is 201 Created.`).toBe(201);
    expect(created.location, `${created.seen}. Say where the product lives: a location header /products/pen-3.`).toBe("/products/pen-3");
    const found = await call("GET", "/products/pen-3");
    expect(found.json, `${found.seen}. The POSTed product should be in the catalog.`).toEqual({ sku: "pen-3", name: "Pen", priceCents: 250 });
  });

  it("answers 400 to a body that is not a product, and stores nothing", async () => {
    const answer = await call("POST", "/products", "sku=pen-3");
    expect(answer.status, `${answer.seen}. The body is not JSON: that is the caller's mistake, 400.`).toBe(400);
    expect(catalog.list().length, "nothing should be stored from a bad request").toBe(2);
  });

  it("answers 404 to paths and methods it does not serve", async () => {
    for (const [method, path] of [["GET", "/customers"], ["DELETE", "/products/lamp-1"], ["GET", "/products/lamp-1/reviews"]] as const) {
      const answer = await call(method, path);
      expect(answer.status, `${answer.seen}. The function does not serve ${method} ${path}.`).toBe(404);
    }
    expect(catalog.get("lamp-1"), "DELETE is not served: the lamp should still be there").toBeDefined();
  });
});
