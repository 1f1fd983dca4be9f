import { beforeEach, describe, expect, it } from "vitest";
import { createSandbox } from "sandbox-engine";
import { APIGatewayClient, CreateResourceCommand, CreateRestApiCommand } from "@aws-sdk/client-api-gateway";
import { AddPermissionCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { flushPrices, publishCachedPrices } from "./cache";
import { handler, priceList } from "./price";

let sb: ReturnType<typeof createSandbox>;
let restApiId: string;

beforeEach(async () => {
  sb = createSandbox({ seed: 18 });
  priceList.reset();
  const apigateway = new APIGatewayClient({});
  const { FunctionArn = "" } = sb.lambda.createFunction({ FunctionName: "price", Handler: "price.handler", handler: handler as never });
  // REST API "shop" with the resource /products/{sku}; the function lets this API invoke it.
  const api = await apigateway.send(new CreateRestApiCommand({ name: "shop" }));
  restApiId = api.id!;
  const products = await apigateway.send(new CreateResourceCommand({ restApiId, parentId: api.rootResourceId!, pathPart: "products" }));
  const sku = await apigateway.send(new CreateResourceCommand({ restApiId, parentId: products.id!, pathPart: "{sku}" }));
  await new LambdaClient({}).send(
    new AddPermissionCommand({ FunctionName: "price", StatementId: "shop-api", Action: "lambda:InvokeFunction", Principal: "apigateway.amazonaws.com", SourceArn: `arn:aws:execute-api:us-east-1:123456789012:${restApiId}/*` }),
  );
  await publishCachedPrices(restApiId, sku.id!, FunctionArn);
});

async function price(sku: string, currency: string) {
  const path = `/prod/products/${sku}?currency=${currency}`;
  const response = await fetch(`https://${restApiId}.execute-api.us-east-1.amazonaws.com${path}`);
  const text = await response.text();
  let json: { cents?: number; currency?: string } = {};
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: the status and text say what happened
  }
  const cache = sb.trace.events.filter((event) => event.kind === "cache").at(-1);
  const result = cache?.kind === "cache" ? cache.details.result : "no cache";
  return { status: response.status, ...json, seen: `GET ${path} answered ${response.status} ${text.slice(0, 120)} (stage cache: ${result})` };
}

describe("the prod stage's cache", () => {
  it("runs the function once per 60 s for the same product and currency", async () => {
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) seen.push((await price("lamp-1", "EUR")).seen);
    expect(priceList.calls, `three requests within the TTL ran the function ${priceList.calls} times: ${seen.join("; ")}. Turn the stage cache on (/cacheClusterEnabled).`).toBe(1);
    await sb.clock.advance(59_000);
    await price("lamp-1", "EUR");
    expect(priceList.calls, "59 s later the entry is still fresh: the function should not run again").toBe(1);
    await sb.clock.advance(1_000);
    const after = await price("lamp-1", "EUR");
    expect(priceList.calls, `${after.seen}. After 60 s the entry has expired: the TTL of GET /products/{sku} should be 60 s, not the default 300`).toBe(2);
  });

  it("keeps products and currencies apart: both are cache keys", async () => {
    const eur = await price("lamp-1", "EUR");
    const usd = await price("lamp-1", "USD");
    const mug = await price("mug-7", "EUR");
    expect(usd.currency, `${usd.seen}, after ${eur.seen}. The currency must be part of the cache key, or the first caller's currency is served to all`).toBe("USD");
    expect(mug.cents, `${mug.seen}. The sku must be part of the cache key`).toBe(900);
    expect(eur.cents, eur.seen).toBe(3900);
  });

  it("serves a new price at once after a flush", async () => {
    await price("lamp-1", "EUR");
    priceList.setPrice("lamp-1", 2900);
    await flushPrices(restApiId);
    const after = await price("lamp-1", "EUR");
    expect(after.cents, `${after.seen}. FlushStageCache on prod should empty the cache so the new price (2900) is served`).toBe(2900);
  });
});
