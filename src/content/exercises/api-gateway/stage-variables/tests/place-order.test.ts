import { beforeEach, describe, expect, it } from "vitest";
import { createSandbox } from "sandbox-engine";
import { APIGatewayClient, CreateDeploymentCommand, CreateResourceCommand, CreateRestApiCommand, PutIntegrationCommand, PutMethodCommand } from "@aws-sdk/client-api-gateway";
import { CreateQueueCommand, ReceiveMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import { AddPermissionCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { handler } from "./place-order";

let sb: ReturnType<typeof createSandbox>;
let sqs: SQSClient;
let apiId: string;

beforeEach(async () => {
  sb = createSandbox({ seed: 13 });
  sqs = new SQSClient({});
  for (const name of ["orders-dev", "orders-prod"]) await sqs.send(new CreateQueueCommand({ QueueName: name }));
  const { FunctionArn = "" } = sb.lambda.createFunction({ FunctionName: "place-order", Handler: "place-order.handler", handler: handler as never });
  // REST API "shop": POST /orders -> place-order, deployed to three stages with their own stage variables.
  const apigw = new APIGatewayClient({});
  const { id = "", rootResourceId = "" } = await apigw.send(new CreateRestApiCommand({ name: "shop" }));
  apiId = id;
  await new LambdaClient({}).send(
    new AddPermissionCommand({ FunctionName: "place-order", StatementId: "shop-api", Action: "lambda:InvokeFunction", Principal: "apigateway.amazonaws.com", SourceArn: `arn:aws:execute-api:us-east-1:123456789012:${apiId}/*` }),
  );
  const { id: resourceId = "" } = await apigw.send(new CreateResourceCommand({ restApiId: apiId, parentId: rootResourceId, pathPart: "orders" }));
  await apigw.send(new PutMethodCommand({ restApiId: apiId, resourceId, httpMethod: "POST", authorizationType: "NONE" }));
  await apigw.send(
    new PutIntegrationCommand({
      restApiId: apiId,
      resourceId,
      httpMethod: "POST",
      type: "AWS_PROXY",
      integrationHttpMethod: "POST",
      uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${FunctionArn}/invocations`,
    }),
  );
  await apigw.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: "dev", variables: { queueName: "orders-dev" } }));
  await apigw.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: "prod", variables: { queueName: "orders-prod" } }));
  await apigw.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: "qa" }));
});

async function placeOrder(stage: string, body: string) {
  const response = await fetch(`https://${apiId}.execute-api.us-east-1.amazonaws.com/${stage}/orders`, { method: "POST", body });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json, seen: `POST /${stage}/orders with ${body} answered ${response.status} with body ${text === "" ? "(empty)" : text.slice(0, 200)}` };
}

async function ordersIn(queueName: string): Promise<unknown[]> {
  const QueueUrl = `https://sqs.us-east-1.amazonaws.com/123456789012/${queueName}`;
  const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10 }));
  return Messages.map((message) => JSON.parse(message.Body ?? "null"));
}

describe("one function, a queue per stage", () => {
  it("sends a dev order to orders-dev and a prod order to orders-prod", async () => {
    const dev = await placeOrder("dev", JSON.stringify({ orderId: "test-1" }));
    const prod = await placeOrder("prod", JSON.stringify({ orderId: "real-1" }));
    expect(dev.status, `${dev.seen}. Queued work is 202 Accepted.`).toBe(202);
    expect(prod.status, `${prod.seen}. Queued work is 202 Accepted.`).toBe(202);
    const [devQueue, prodQueue] = [await ordersIn("orders-dev"), await ordersIn("orders-prod")];
    expect(prodQueue, `orders-prod holds ${JSON.stringify(prodQueue)}: a test order from dev must never reach production. Read event.stageVariables.queueName.`).toEqual([{ orderId: "real-1" }]);
    expect(devQueue, `orders-dev holds ${JSON.stringify(devQueue)}: the dev stage's orders belong there.`).toEqual([{ orderId: "test-1" }]);
  });

  it("says which stage took the order", async () => {
    const dev = await placeOrder("dev", JSON.stringify({ orderId: "test-2" }));
    expect(dev.json, `${dev.seen}. Answer { orderId, stage } with the stage from event.requestContext.stage.`).toEqual({ orderId: "test-2", stage: "dev" });
  });

  it("refuses to guess on a stage without queueName: 500, and no queue gets the order", async () => {
    const qa = await placeOrder("qa", JSON.stringify({ orderId: "qa-1" }));
    expect(qa.status, `${qa.seen}. The stage qa has no stage variable queueName: answer 500 and say so.`).toBe(500);
    expect(qa.json, `${qa.seen}. Explain the problem in a JSON body { "message": "..." }.`).toMatchObject({ message: expect.stringMatching(/queueName/) });
    const queued = [...(await ordersIn("orders-dev")), ...(await ordersIn("orders-prod"))];
    expect(queued, "the qa order reached a queue: without a queueName, send nothing").toEqual([]);
  });

  it("answers 400 to a body that is not an order, and sends nothing", async () => {
    const bad = await placeOrder("dev", "orderId=1");
    expect(bad.status, `${bad.seen}. That body is not JSON: 400 Bad Request.`).toBe(400);
    expect(await ordersIn("orders-dev"), "nothing should be queued for a bad request").toEqual([]);
  });
});
