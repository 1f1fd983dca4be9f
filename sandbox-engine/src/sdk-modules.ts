/**
 * The SDK module of every id the registry names (services.ts), as static imports so the runner's
 * Worker bundle contains exactly these. The type check below fails when a service's module is missing
 * here or one is left over. The real-SDK modules keep these paths (sandbox-engine/src/aws/<id>.ts).
 */
import * as clientApiGateway from "./aws/client-api-gateway.ts";
import * as clientApigatewaymanagementapi from "./aws/client-apigatewaymanagementapi.ts";
import * as clientApigatewayv2 from "./aws/client-apigatewayv2.ts";
import * as clientLambda from "./aws/client-lambda.ts";
import * as clientSes from "./aws/client-ses.ts";
import * as clientSesv2 from "./aws/client-sesv2.ts";
import * as clientSns from "./aws/client-sns.ts";
import * as clientSqs from "./aws/client-sqs.ts";
import type { SdkModuleId } from "./services.ts";

export const sdkModules = {
  "client-sqs": clientSqs,
  "client-lambda": clientLambda,
  "client-sns": clientSns,
  "client-ses": clientSes,
  "client-sesv2": clientSesv2,
  "client-api-gateway": clientApiGateway,
  "client-apigatewayv2": clientApigatewayv2,
  "client-apigatewaymanagementapi": clientApigatewaymanagementapi,
} as const satisfies { readonly [Id in SdkModuleId]: object };
