/**
 * HTTP API JWT authorizers with tokens from sb.world.identity (standing in for a Cognito user pool): issuer,
 * audience (or client_id), expiry, scopes and the signature are checked; the claims reach the function in the
 * payload 2.0 and 1.0 shapes; refusals are 401/403 with a www-authenticate header that says why.
 */
import { describe, expect, it } from "vitest";
import { createSandbox, type Sandbox } from "sandbox-engine";
import * as rest from "sandbox-engine/aws/client-api-gateway";
import * as v2 from "sandbox-engine/aws/client-apigatewayv2";
import { allowApi, fnArn, proxyUri } from "./apigw-helpers.ts";
import { errorOf } from "./sqs-helpers.ts";

const ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_EventLab";

async function givenJwtApi(version: "1.0" | "2.0" = "2.0"): Promise<{ sb: Sandbox; url: string; apigw: v2.ApiGatewayV2Client; apiId: string }> {
  const sb = createSandbox();
  sb.lambda.createFunction({ FunctionName: "orders", handler: async (event: any) => ({ statusCode: 200, body: JSON.stringify(event.requestContext.authorizer) }) });
  const apigw = new v2.ApiGatewayV2Client({ maxAttempts: 1 });
  const { ApiId, ApiEndpoint } = await apigw.send(new v2.CreateApiCommand({ Name: "shop", ProtocolType: "HTTP" }));
  allowApi(sb, "orders", ApiId!);
  const { AuthorizerId } = await apigw.send(new v2.CreateAuthorizerCommand({ ApiId, Name: "users", AuthorizerType: "JWT", IdentitySource: ["$request.header.Authorization"], JwtConfiguration: { Issuer: ISSUER, Audience: ["shop-app"] } }));
  const { IntegrationId } = await apigw.send(new v2.CreateIntegrationCommand({ ApiId, IntegrationType: "AWS_PROXY", IntegrationUri: fnArn("orders"), PayloadFormatVersion: version }));
  await apigw.send(new v2.CreateRouteCommand({ ApiId, RouteKey: "GET /orders", Target: `integrations/${IntegrationId}`, AuthorizationType: "JWT", AuthorizerId, AuthorizationScopes: ["orders/read"] }));
  await apigw.send(new v2.CreateRouteCommand({ ApiId, RouteKey: "GET /profile", Target: `integrations/${IntegrationId}`, AuthorizationType: "JWT", AuthorizerId }));
  await apigw.send(new v2.CreateStageCommand({ ApiId, StageName: "$default", AutoDeploy: true }));
  return { sb, url: ApiEndpoint!, apigw, apiId: ApiId! };
}

const call = (sb: Sandbox, url: string, token?: string) => sb.apigateway.fetch(url, token === undefined ? {} : { headers: { Authorization: token } });

describe("HTTP API JWT authorizers", () => {
  it("lets a valid token with a route scope through, and the function sees its claims and scopes (payload 2.0)", async () => {
    const { sb, url } = await givenJwtApi();
    const token = sb.world.identity.issueJwt({ issuer: ISSUER, audience: "shop-app", sub: "ana", scopes: ["orders/read", "orders/write"], claims: { email: "ana@example.com", "cognito:groups": ["admins", "staff"] } });
    expect(token.split(".")).toHaveLength(3);
    const response = await call(sb, `${url}/orders`, `Bearer ${token}`);
    expect(response.status).toBe(200);
    const iat = String(Math.floor(sb.clock.now() / 1000));
    expect(await response.json()).toEqual({
      jwt: {
        claims: { sub: "ana", iss: ISSUER, aud: "shop-app", scope: "orders/read orders/write", token_use: "id", iat, nbf: iat, exp: String(Number(iat) + 3600), email: "ana@example.com", "cognito:groups": "[admins staff]" },
        scopes: ["orders/read", "orders/write"],
      },
    });
    // The token alone, without "Bearer ", is accepted too.
    expect((await call(sb, `${url}/orders`, token)).status).toBe(200);
  });

  it("gives payload 1.0 integrations requestContext.authorizer.claims and .scopes", async () => {
    const { sb, url } = await givenJwtApi("1.0");
    const token = sb.world.identity.issueJwt({ issuer: ISSUER, clientId: "shop-app", sub: "bo", scopes: ["orders/read"] });
    const response = await call(sb, `${url}/orders`, token);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ claims: { sub: "bo", client_id: "shop-app", token_use: "access" }, scopes: ["orders/read"] });
  });

  it("answers 401 for a missing, forged, foreign, expired or wrong-audience token and 403 for missing scopes, saying why", async () => {
    const { sb, url } = await givenJwtApi();
    const issue = (options: Parameters<Sandbox["world"]["identity"]["issueJwt"]>[0]) => sb.world.identity.issueJwt({ issuer: ISSUER, audience: "shop-app", scopes: ["orders/read"], ...options });
    const refusal = async (token: string | undefined, path = "/orders") => {
      const response = await call(sb, `${url}${path}`, token);
      return { status: response.status, body: await response.json(), why: response.headers.get("www-authenticate") };
    };
    expect(await refusal(undefined)).toMatchObject({ status: 401, body: { message: "Unauthorized" }, why: expect.stringContaining('error="invalid_token"') });
    expect((await refusal(issue({ audience: "other-app" }))).why).toContain("the token does not have a valid audience");
    expect((await refusal(issue({ issuer: "https://issuer.example.com" }))).why).toContain("valid issuer");
    const [head, , signature] = issue({}).split(".");
    const forgedClaims = btoa(JSON.stringify({ sub: "mallory", iss: ISSUER, aud: "shop-app", scope: "orders/read", exp: 4_102_444_800 })).replace(/=+$/, "");
    expect(await refusal(`${head}.${forgedClaims}.${signature}`)).toMatchObject({ status: 401, why: expect.stringContaining("signature") });
    expect((await refusal("not-a-jwt")).status).toBe(401);
    const shortLived = issue({ expiresIn: 60 });
    expect((await refusal(shortLived)).status).toBe(200);
    await sb.clock.advance(60_000);
    expect(await refusal(shortLived)).toMatchObject({ status: 401, why: expect.stringContaining("expired") });
    const readOnlyProfile = issue({ scopes: ["profile"] });
    expect(await refusal(readOnlyProfile)).toMatchObject({ status: 403, body: { message: "Forbidden" }, why: expect.stringContaining('error="insufficient_scope"') });
    expect((await refusal(readOnlyProfile, "/profile")).status, "a route without scopes takes any valid token").toBe(200);
    const authorize = sb.trace.events.filter((event) => event.service === "apigateway" && event.kind === "authorize");
    expect(authorize.length).toBeGreaterThan(0);
  });

  it("validates JWT authorizers and the routes that use them", async () => {
    const { apigw, apiId } = await givenJwtApi();
    const noIssuer = await errorOf(apigw.send(new v2.CreateAuthorizerCommand({ ApiId: apiId, Name: "x", AuthorizerType: "JWT", IdentitySource: ["$request.header.Authorization"], JwtConfiguration: { Audience: ["a"] } })));
    expect(noIssuer).toBeInstanceOf(v2.BadRequestException);
    expect(noIssuer.message).toBe("JwtConfiguration.Issuer is required for JWT authorizers: the https URL of the token issuer");
    const { AuthorizerId } = await apigw.send(new v2.CreateAuthorizerCommand({ ApiId: apiId, Name: "y", AuthorizerType: "JWT", IdentitySource: ["$request.header.Authorization"], JwtConfiguration: { Issuer: ISSUER, Audience: ["a"] } }));
    const custom = await errorOf(apigw.send(new v2.CreateRouteCommand({ ApiId: apiId, RouteKey: "GET /x", AuthorizationType: "CUSTOM", AuthorizerId })));
    expect(custom.message).toMatch(/a CUSTOM route needs the AuthorizerId of a Lambda \(REQUEST\) authorizer/);
    const scopesWithoutJwt = await errorOf(apigw.send(new v2.CreateRouteCommand({ ApiId: apiId, RouteKey: "GET /y", AuthorizationScopes: ["a"] })));
    expect(scopesWithoutJwt.message).toBe("AuthorizationScopes are supported only for JWT authorizers");
  });
});

describe("REST COGNITO_USER_POOLS authorizers", () => {
  it("accept the pool's tokens (ID tokens, or access tokens with a method scope), pass the claims, and answer 401 otherwise", async () => {
    const sb = createSandbox();
    sb.lambda.createFunction({ FunctionName: "orders", handler: async (event: any) => ({ statusCode: 200, body: JSON.stringify(event.requestContext.authorizer) }) });
    const apigw = new rest.APIGatewayClient({ maxAttempts: 1 });
    const { id: restApiId, rootResourceId } = await apigw.send(new rest.CreateRestApiCommand({ name: "orders" }));
    allowApi(sb, "orders", restApiId!);
    const authorizer = await apigw.send(new rest.CreateAuthorizerCommand({ restApiId, name: "pool", type: "COGNITO_USER_POOLS", providerARNs: ["arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_EventLab"], identitySource: "method.request.header.Authorization" }));
    expect(authorizer).toMatchObject({ type: "COGNITO_USER_POOLS", providerARNs: ["arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_EventLab"] });
    for (const [pathPart, scopes] of [["profile", []], ["orders", ["orders/read"]]] as const) {
      const { id: resourceId } = await apigw.send(new rest.CreateResourceCommand({ restApiId, parentId: rootResourceId, pathPart }));
      const method = await apigw.send(new rest.PutMethodCommand({ restApiId, resourceId, httpMethod: "GET", authorizationType: "COGNITO_USER_POOLS", authorizerId: authorizer.id, ...(scopes.length === 0 ? {} : { authorizationScopes: [...scopes] }) }));
      expect(method.authorizationType).toBe("COGNITO_USER_POOLS");
      await apigw.send(new rest.PutIntegrationCommand({ restApiId, resourceId, httpMethod: "GET", type: "AWS_PROXY", integrationHttpMethod: "POST", uri: proxyUri("orders") }));
    }
    await apigw.send(new rest.CreateDeploymentCommand({ restApiId, stageName: "prod" }));
    const base = `https://${restApiId}.execute-api.us-east-1.amazonaws.com/prod`;
    const idToken = sb.world.identity.issueJwt({ audience: "web-client", sub: "ana", claims: { email: "ana@example.com" } });
    const accessToken = sb.world.identity.issueJwt({ clientId: "web-client", sub: "ana", scopes: ["orders/read"] });
    const otherPool = sb.world.identity.issueJwt({ issuer: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other", audience: "web-client" });
    const status = async (path: string, token?: string) => (await call(sb, `${base}${path}`, token)).status;
    const profile = await call(sb, `${base}/profile`, idToken);
    expect(profile.status).toBe(200);
    expect(await profile.json()).toMatchObject({ claims: { sub: "ana", email: "ana@example.com", aud: "web-client", token_use: "id" } });
    expect(await status("/orders", accessToken)).toBe(200);
    expect(await status("/orders", idToken), "an ID token has no scope").toBe(401);
    expect(await status("/profile", otherPool)).toBe(401);
    expect(await status("/profile")).toBe(401);
    expect(await (await call(sb, `${base}/profile`)).json()).toEqual({ message: "Unauthorized" });
    const badPool = await errorOf(apigw.send(new rest.CreateAuthorizerCommand({ restApiId, name: "bad", type: "COGNITO_USER_POOLS", providerARNs: ["us-east-1_EventLab"] })));
    expect(badPool).toBeInstanceOf(rest.BadRequestException);
  });
});
