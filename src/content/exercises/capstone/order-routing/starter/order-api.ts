// Provided: the front door. An HTTP API with one route, POST /orders,
// whose Lambda proxy integration calls the function "place-order"
// (your handler in place-order.ts), and the SNS topic it publishes to.
//
// The API is made with the simulator's API Gateway (sb.apigateway.v2)
// because the sandbox has no API Gateway SDK client yet; everything
// else is the real AWS SDK.
import type { Sandbox } from "sandbox-engine";
import { CreateTopicCommand, SNSClient } from "@aws-sdk/client-sns";
import { AddPermissionCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { handler as placeOrder } from "./place-order";
import { TOPIC_NAME } from "./shop";

export interface OrderApi {
  /** POST an order here: https://{apiId}.execute-api.us-east-1.amazonaws.com/orders */
  url: string;
  topicArn: string;
}

/** Outcomes of the simulator's own calls: the value, or an error with AWS's message. */
function valueOf<T>(outcome: { ok: true; value: T } | { ok: false; fault: { code: string; message: string } }): T {
  if (!outcome.ok) throw new Error(`${outcome.fault.code}: ${outcome.fault.message}`);
  return outcome.value;
}

export async function deployOrderApi(sb: Sandbox): Promise<OrderApi> {
  const { TopicArn } = await new SNSClient({}).send(new CreateTopicCommand({ Name: TOPIC_NAME }));
  const fn = sb.lambda.createFunction({
    FunctionName: "place-order",
    handler: placeOrder as never,
    Timeout: 5,
    Environment: { Variables: { TOPIC_ARN: TopicArn! } },
  });

  const api = valueOf(sb.apigateway.v2.createApi({ Name: "shop", ProtocolType: "HTTP" }));
  const integration = valueOf(
    sb.apigateway.v2.createIntegration({
      ApiId: api.ApiId,
      IntegrationType: "AWS_PROXY",
      IntegrationUri: fn.FunctionArn,
      PayloadFormatVersion: "2.0",
    }),
  );
  valueOf(sb.apigateway.v2.createRoute({ ApiId: api.ApiId, RouteKey: "POST /orders", Target: `integrations/${integration.IntegrationId}` }));
  valueOf(sb.apigateway.v2.createStage({ ApiId: api.ApiId, StageName: "$default", AutoDeploy: true }));

  // API Gateway may invoke the function only from this API (its resource-based policy).
  await new LambdaClient({}).send(
    new AddPermissionCommand({
      FunctionName: "place-order",
      StatementId: "shop-api",
      Action: "lambda:InvokeFunction",
      Principal: "apigateway.amazonaws.com",
      SourceArn: `arn:aws:execute-api:${sb.region}:${sb.accountId}:${api.ApiId}/*`,
    }),
  );
  return { url: `${api.ApiEndpoint}/orders`, topicArn: TopicArn! };
}
