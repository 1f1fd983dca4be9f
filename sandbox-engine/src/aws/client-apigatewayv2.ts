/**
 * "@aws-sdk/client-apigatewayv2" inside exercises (also "sandbox-engine/aws/client-apigatewayv2"): the real AWS SDK
 * package (API Gateway HTTP and WebSocket APIs, REST-JSON), whose ApiGatewayV2Client and ApiGatewayV2 default to
 * the current sandbox.
 */
import * as sdk from "@aws-sdk/client-apigatewayv2";
import { sandboxClient, type SandboxClientOptions } from "../wire/sandbox-client-config.ts";

export * from "@aws-sdk/client-apigatewayv2";

export type ApiGatewayV2ClientConfig = sdk.ApiGatewayV2ClientConfig & SandboxClientOptions;

// The same options on the SDK's own config, for code that reads the real package's types (a downloaded project).
declare module "@aws-sdk/client-apigatewayv2" {
  interface ApiGatewayV2ClientConfig extends SandboxClientOptions {}
}
export const ApiGatewayV2Client = sandboxClient(sdk.ApiGatewayV2Client, "apigateway");
export type ApiGatewayV2Client = sdk.ApiGatewayV2Client;
/** The aggregated client (`new ApiGatewayV2().createApi(...)`), with the same defaults. */
export const ApiGatewayV2 = sandboxClient(sdk.ApiGatewayV2, "apigateway");
export type ApiGatewayV2 = sdk.ApiGatewayV2;
