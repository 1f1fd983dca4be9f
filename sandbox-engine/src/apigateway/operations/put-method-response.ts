/** PutMethodResponse (https://docs.aws.amazon.com/apigateway/latest/api/API_PutMethodResponse.html): declares a status code the method may answer. */
import { ok } from "../../core/outcome.ts";
import { asParams } from "../../core/params.ts";
import type { ApiGatewayContext } from "../apigateway-context.ts";
import { badRequest, type ApiGatewayOutcome } from "../apigateway-faults.ts";
import { findMethod } from "./find-method.ts";

export function putMethodResponse(context: ApiGatewayContext, input: unknown): ApiGatewayOutcome<{ statusCode: string }> {
  const params = asParams(input);
  const method = findMethod(context, params);
  if (!method.ok) return method;
  if (typeof params.statusCode !== "string" || !/^[1-5]\d\d$/.test(params.statusCode)) return badRequest("Invalid status code specified");
  method.value.methodResponses.add(params.statusCode);
  return ok({ statusCode: params.statusCode });
}
