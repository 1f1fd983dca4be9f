import type { APIGatewayAuthorizerResult, APIGatewayTokenAuthorizerEvent } from "aws-lambda";
import { findSession } from "./sessions";

export async function authorizer(event: APIGatewayTokenAuthorizerEvent): Promise<APIGatewayAuthorizerResult> {
  const token = /^Bearer (\S+)$/.exec(event.authorizationToken)?.[1];
  const session = token === undefined ? undefined : findSession(token);
  // This exact message is what makes API Gateway answer 401 rather than 500.
  if (session === undefined) throw new Error("Unauthorized");

  // arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{METHOD}/{path}
  const [api, stage] = event.methodArn.split("/");
  // The policy is cached per token for the TTL and reused for the caller's other paths: allow them all.
  const resources = session.role === "admin" ? [`${api}/${stage}/*/orders/*`] : [`${api}/${stage}/GET/orders/*`];
  return {
    principalId: session.userId,
    policyDocument: {
      Version: "2012-10-17",
      Statement: [{ Action: "execute-api:Invoke", Effect: "Allow", Resource: resources }],
    },
    context: { userId: session.userId, role: session.role },
  };
}
