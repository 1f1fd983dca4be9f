import {
  APIGatewayClient,
  CreateDeploymentCommand,
  FlushStageCacheCommand,
  PutIntegrationCommand,
  PutMethodCommand,
  UpdateStageCommand,
} from "@aws-sdk/client-api-gateway";

const apigateway = new APIGatewayClient({});

/**
 * Publishes GET on the resource /products/{sku} (id `resourceId`) of the REST API
 * `restApiId`: a Lambda proxy integration to `functionArn`, deployed to the stage prod,
 * with the stage cache on, a TTL of 60 s for this method, and the sku and the query
 * parameter currency as cache keys.
 */
export async function publishCachedPrices(restApiId: string, resourceId: string, functionArn: string): Promise<void> {
  await apigateway.send(new PutMethodCommand({ restApiId, resourceId, httpMethod: "GET", authorizationType: "NONE" }));
  await apigateway.send(
    new PutIntegrationCommand({
      restApiId,
      resourceId,
      httpMethod: "GET",
      type: "AWS_PROXY",
      integrationHttpMethod: "POST",
      uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${functionArn}/invocations`,
      // TODO 1: which request parameters make up the cache key?
    }),
  );
  await apigateway.send(new CreateDeploymentCommand({ restApiId, stageName: "prod" }));
  // TODO 2: turn on the stage cache, with a 60 s TTL for GET /products/{sku}.
}

/** After a price change: empties the prod stage's cache. */
export async function flushPrices(restApiId: string): Promise<void> {
  // TODO 3
}
