import {
  APIGatewayClient,
  CreateDeploymentCommand,
  FlushStageCacheCommand,
  PutIntegrationCommand,
  PutMethodCommand,
  UpdateStageCommand,
} from "@aws-sdk/client-api-gateway";

const apigateway = new APIGatewayClient({});

export async function publishCachedPrices(restApiId: string, resourceId: string, functionArn: string): Promise<void> {
  await apigateway.send(
    new PutMethodCommand({
      restApiId,
      resourceId,
      httpMethod: "GET",
      authorizationType: "NONE",
      requestParameters: { "method.request.path.sku": true, "method.request.querystring.currency": false },
    }),
  );
  await apigateway.send(
    new PutIntegrationCommand({
      restApiId,
      resourceId,
      httpMethod: "GET",
      type: "AWS_PROXY",
      integrationHttpMethod: "POST",
      uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${functionArn}/invocations`,
      // The answer depends on both: each (sku, currency) pair is its own cache entry.
      cacheKeyParameters: ["method.request.path.sku", "method.request.querystring.currency"],
    }),
  );
  await apigateway.send(new CreateDeploymentCommand({ restApiId, stageName: "prod" }));
  await apigateway.send(
    new UpdateStageCommand({
      restApiId,
      stageName: "prod",
      patchOperations: [
        { op: "replace", path: "/cacheClusterEnabled", value: "true" },
        { op: "replace", path: "/~1products~1{sku}/GET/caching/ttlInSeconds", value: "60" },
      ],
    }),
  );
}

export async function flushPrices(restApiId: string): Promise<void> {
  await apigateway.send(new FlushStageCacheCommand({ restApiId, stageName: "prod" }));
}
