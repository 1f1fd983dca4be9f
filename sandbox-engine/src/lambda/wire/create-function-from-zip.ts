/**
 * CreateFunction over the wire (https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html): a Node.js
 * function whose deployment package is a .zip file given as bytes (`Code.ZipFile`). The engine runs function
 * values, so the host of the wire layer turns the package into one (`loadFunctionCode`: the HTTP endpoint in Node
 * unpacks and imports it); in memory there is no such host, and the answer says to deploy the function in code.
 */
import type { WireContext } from "../../wire/wire-message.ts";
import { invalidParameter, type LambdaOutcome } from "../lambda-faults.ts";
import type { LambdaService } from "../lambda-service.ts";
import type { CreateFunctionRequest, FunctionConfiguration } from "../lambda-types.ts";

interface CreateFunctionInput {
  readonly Runtime?: unknown;
  readonly Handler?: unknown;
  readonly Code?: { readonly ZipFile?: unknown; readonly S3Bucket?: unknown; readonly ImageUri?: unknown } | undefined;
  readonly PackageType?: unknown;
}

export async function createFunctionFromZip(
  service: LambdaService,
  input: CreateFunctionInput & Record<string, unknown>,
  context: WireContext,
): Promise<LambdaOutcome<FunctionConfiguration>> {
  if (context.loadFunctionCode === undefined) {
    return invalidParameter(
      "The sandbox runs functions given as code: CreateFunction with a deployment package is served by `npm run endpoint` only.",
      "In an exercise, deploy with sb.lambda.createFunction({ FunctionName, handler: async (event, context) => { ... } }).",
    );
  }
  const zipFile = input.Code?.ZipFile;
  if (input.PackageType === "Image" || !(zipFile instanceof Uint8Array)) {
    return invalidParameter(
      "The sandbox deploys a function from a .zip file given as bytes (Code.ZipFile); S3 locations and container images are not simulated.",
    );
  }
  // A .zip deployment needs both (https://docs.aws.amazon.com/lambda/latest/dg/configuration-function-zip.html).
  if (typeof input.Runtime !== "string" || typeof input.Handler !== "string") {
    return invalidParameter("Runtime and Handler are required when the deployment package is a .zip file archive.");
  }
  if (!input.Runtime.startsWith("nodejs")) {
    return invalidParameter(`The sandbox runs Node.js functions only (a nodejs runtime such as nodejs22.x), not ${input.Runtime}.`);
  }
  let handler;
  try {
    handler = await context.loadFunctionCode({ zipFile, handler: input.Handler, runtime: input.Runtime });
  } catch (error) {
    return invalidParameter(error instanceof Error ? error.message : String(error));
  }
  // The rest of the request as the SDK sent it: the engine validates each setting (Timeout, MemorySize, ...).
  const { Code: _code, PackageType: _packageType, ...settings } = input;
  return service.deployFunction({ ...(settings as Omit<CreateFunctionRequest, "handler">), Runtime: input.Runtime, Handler: input.Handler, handler });
}
