/**
 * "@aws-sdk/client-api-gateway" inside exercises (also "sandbox-engine/aws/client-api-gateway"): the real AWS SDK
 * package (API Gateway REST APIs, REST-JSON), whose APIGatewayClient and APIGateway default to the current sandbox.
 */
import * as sdk from "@aws-sdk/client-api-gateway";
import { sandboxClient, type SandboxClientOptions } from "../wire/sandbox-client-config.ts";

export * from "@aws-sdk/client-api-gateway";

export type APIGatewayClientConfig = sdk.APIGatewayClientConfig & SandboxClientOptions;

// The same options on the SDK's own config, for code that reads the real package's types (a downloaded project).
declare module "@aws-sdk/client-api-gateway" {
  interface APIGatewayClientConfig extends SandboxClientOptions {}
}
export const APIGatewayClient = sandboxClient(sdk.APIGatewayClient, "apigateway");
export type APIGatewayClient = sdk.APIGatewayClient;
/** The aggregated client (`new APIGateway().createRestApi(...)`), with the same defaults. */
export const APIGateway = sandboxClient(sdk.APIGateway, "apigateway");
export type APIGateway = sdk.APIGateway;
