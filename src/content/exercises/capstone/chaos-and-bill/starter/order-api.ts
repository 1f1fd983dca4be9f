// Provided: the front door. An HTTP API with one route, POST /orders,
// whose Lambda proxy integration calls the function "place-order"
// (your handler in place-order.ts), and the SNS topic it publishes to.
import type { Sandbox } from "sandbox-engine";
import { CreateTopicCommand, SNSClient } from "@aws-sdk/client-sns";
import { AddPermissionCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { ApiGatewayV2Client, CreateApiCommand, CreateIntegrationCommand, CreateRouteCommand, CreateStageCommand } from "@aws-sdk/client-apigatewayv2";
import { handler as placeOrder } from "./place-order";
import { TOPIC_NAME } from "./shop";

export interface OrderApi {
  /** POST an order here: https://{apiId}.execute-api.us-east-1.amazonaws.com/orders */
  url: string;
  topicArn: string;
}

export async function deployOrderApi(sb: Sandbox): Promise<OrderApi> {
  const { TopicArn } = await new SNSClient({}).send(new CreateTopicCommand({ Name: TOPIC_NAME }));
  const fn = sb.lambda.createFunction({
    FunctionName: "place-order",
    handler: placeOrder as never,
    Timeout: 5,
    Environment: { Variables: { TOPIC_ARN: TopicArn! } },
  });

  const apigw = new ApiGatewayV2Client({});
  const { ApiId, ApiEndpoint } = await apigw.send(new CreateApiCommand({ Name: "shop", ProtocolType: "HTTP" }));
  const { IntegrationId } = await apigw.send(
    new CreateIntegrationCommand({
      ApiId,
      IntegrationType: "AWS_PROXY",
      IntegrationUri: fn.FunctionArn,
      PayloadFormatVersion: "2.0",
    }),
  );
  await apigw.send(new CreateRouteCommand({ ApiId, RouteKey: "POST /orders", Target: `integrations/${IntegrationId}` }));
  await apigw.send(new CreateStageCommand({ ApiId, StageName: "$default", AutoDeploy: true }));

  // API Gateway may invoke the function only from this API (its resource-based policy).
  await new LambdaClient({}).send(
    new AddPermissionCommand({
      FunctionName: "place-order",
      StatementId: "shop-api",
      Action: "lambda:InvokeFunction",
      Principal: "apigateway.amazonaws.com",
      SourceArn: `arn:aws:execute-api:${sb.region}:${sb.accountId}:${ApiId}/*`,
    }),
  );
  return { url: `${ApiEndpoint}/orders`, topicArn: TopicArn! };
}
