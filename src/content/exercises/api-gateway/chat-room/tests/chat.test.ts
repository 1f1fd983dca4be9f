import { beforeEach, describe, expect, it } from "vitest";
import { createSandbox } from "sandbox-engine";
import { ApiGatewayV2Client, CreateApiCommand, CreateIntegrationCommand, CreateRouteCommand, CreateStageCommand } from "@aws-sdk/client-apigatewayv2";
import { AddPermissionCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { onConnect, onDisconnect, onSendMessage } from "./chat";
import { members } from "./members";

let sb: ReturnType<typeof createSandbox>;
let wss: string;

beforeEach(async () => {
  sb = createSandbox({ seed: 20 });
  members.reset();
  const apigw = new ApiGatewayV2Client({});
  const lambda = new LambdaClient({});
  // WebSocket API "chat": routes chosen by the message's "action"; a function per route; stage prod, deployed automatically.
  const { ApiId = "", ApiEndpoint = "" } = await apigw.send(new CreateApiCommand({ Name: "chat", ProtocolType: "WEBSOCKET", RouteSelectionExpression: "$request.body.action" }));
  const routes = { $connect: onConnect, $disconnect: onDisconnect, sendMessage: onSendMessage };
  for (const [routeKey, handler] of Object.entries(routes)) {
    const name = `chat-${routeKey.replace("$", "")}`;
    const { FunctionArn = "" } = sb.lambda.createFunction({ FunctionName: name, handler: handler as never });
    await lambda.send(new AddPermissionCommand({ FunctionName: name, StatementId: "chat-api", Action: "lambda:InvokeFunction", Principal: "apigateway.amazonaws.com", SourceArn: `arn:aws:execute-api:us-east-1:123456789012:${ApiId}/*` }));
    const { IntegrationId } = await apigw.send(new CreateIntegrationCommand({ ApiId, IntegrationType: "AWS_PROXY", IntegrationUri: FunctionArn }));
    await apigw.send(new CreateRouteCommand({ ApiId, RouteKey: routeKey, Target: `integrations/${IntegrationId}` }));
  }
  await apigw.send(new CreateStageCommand({ ApiId, StageName: "prod", AutoDeploy: true }));
  wss = `${ApiEndpoint}/prod`;
});

const join = (name: string) => sb.apigateway.connect(wss, { query: { name } });
const names = () => members.all().map((member) => member.name).sort();

/** What a client has received so far, parsed where it is JSON. */
const received = (client: Awaited<ReturnType<typeof join>>) =>
  client.messages.map((message) => {
    try {
      return JSON.parse(message) as unknown;
    } catch {
      return message;
    }
  });

describe("the chat room", () => {
  it("$connect stores each member, and refuses a connection without a name", async () => {
    await join("ada");
    await join("grace");
    expect(names(), "after ada and grace connected with ?name=, both should be members").toEqual(["ada", "grace"]);
    const refused = await sb.apigateway.connect(wss).then(
      () => "connected",
      (error: Error) => error.message,
    );
    expect(refused, "a connection without ?name= should be refused: answer $connect with statusCode 400").toMatch(/Unexpected server response: 4\d\d/);
    expect(names(), "a refused connection is no member").toEqual(["ada", "grace"]);
  });

  it("sendMessage reaches every other member, from the sender's name", async () => {
    const ada = await join("ada");
    const grace = await join("grace");
    const linus = await join("linus");
    await ada.send(JSON.stringify({ action: "sendMessage", text: "hello" }));
    for (const [name, client] of [["grace", grace], ["linus", linus]] as const) {
      expect(received(client), `${name} received ${JSON.stringify(client.messages)}: post {"from":"ada","text":"hello"} to every other member with PostToConnection`).toEqual([{ from: "ada", text: "hello" }]);
    }
    expect(ada.messages, "the sender should not get her own message back").toEqual([]);
  });

  it("forgets a member that is gone, and still delivers to the others", async () => {
    const ada = await join("ada");
    const grace = await join("grace");
    // A member whose connection ended without $disconnect having run (it is best effort).
    members.put({ connectionId: "R2hvc3RJZD0=", name: "ghost" });
    await ada.send(JSON.stringify({ action: "sendMessage", text: "anyone?" }));
    expect(received(grace), `grace received ${JSON.stringify(grace.messages)}: she should still get the message. Catch GoneException for the ghost and go on`).toEqual([{ from: "ada", text: "anyone?" }]);
    expect(names(), "PostToConnection to the ghost answered GoneException (410): remove it from the members").toEqual(["ada", "grace"]);
  });

  it("$disconnect removes the member who left", async () => {
    await join("ada");
    const grace = await join("grace");
    await grace.close();
    expect(names(), "grace closed her connection: $disconnect should remove her").toEqual(["ada"]);
  });
});
