/**
 * "@aws-sdk/client-apigatewaymanagementapi" inside exercises (also "sandbox-engine/aws/client-apigatewaymanagementapi"):
 * the real AWS SDK package (the @connections API of WebSocket APIs, REST-JSON), whose ApiGatewayManagementApiClient
 * and ApiGatewayManagementApi default to the current sandbox. As on AWS, give it the stage's URL as `endpoint`:
 * `new ApiGatewayManagementApiClient({ endpoint: "https://{apiId}.execute-api.us-east-1.amazonaws.com/prod" })`.
 */
import * as sdk from "@aws-sdk/client-apigatewaymanagementapi";
import { sandboxClient, type SandboxClientOptions } from "../wire/sandbox-client-config.ts";

export * from "@aws-sdk/client-apigatewaymanagementapi";

export type ApiGatewayManagementApiClientConfig = sdk.ApiGatewayManagementApiClientConfig & SandboxClientOptions;

// The same options on the SDK's own config, for code that reads the real package's types (a downloaded project).
declare module "@aws-sdk/client-apigatewaymanagementapi" {
  interface ApiGatewayManagementApiClientConfig extends SandboxClientOptions {}
}
export const ApiGatewayManagementApiClient = sandboxClient(sdk.ApiGatewayManagementApiClient, "apigateway");
export type ApiGatewayManagementApiClient = sdk.ApiGatewayManagementApiClient;
/** The aggregated client (`new ApiGatewayManagementApi({ endpoint }).postToConnection(...)`), with the same defaults. */
export const ApiGatewayManagementApi = sandboxClient(sdk.ApiGatewayManagementApi, "apigateway");
export type ApiGatewayManagementApi = sdk.ApiGatewayManagementApi;
