/**
 * Every fault code the API Gateway model answers with, as @aws-sdk/client-api-gateway and
 * @aws-sdk/client-apigatewayv2 name their exceptions (closed: another code is a type error where it is made).
 * Texts follow the API references' error pages where AWS gives one.
 */
import { fail, type Failed, type Outcome } from "../core/outcome.ts";

export type ApiGatewayFaultCode =
  | "BadRequestException"
  | "ConflictException"
  | "NotFoundException"
  | "LimitExceededException"
  /** The management API (@aws-sdk/client-apigatewaymanagementapi): a connection that is gone, a message too big, a wrong endpoint. */
  | "GoneException"
  | "PayloadTooLargeException"
  | "ForbiddenException";

export type ApiGatewayOutcome<T> = Outcome<T, ApiGatewayFaultCode>;

export function badRequest(message: string, hint?: string): Failed<"BadRequestException"> {
  return fail("BadRequestException", message, hint === undefined ? {} : { hint });
}

export function notFound(message: string): Failed<"NotFoundException"> {
  return fail("NotFoundException", message, { httpStatusCode: 404 });
}

export function conflict(message: string): Failed<"ConflictException"> {
  return fail("ConflictException", message, { httpStatusCode: 409 });
}

export function limitExceeded(message: string): Failed<"LimitExceededException"> {
  return fail("LimitExceededException", message, { httpStatusCode: 429 });
}

export function gone(message: string): Failed<"GoneException"> {
  return fail("GoneException", message, { httpStatusCode: 410 });
}
