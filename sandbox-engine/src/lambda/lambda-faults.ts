/**
 * Lambda faults as data, named as @aws-sdk/client-lambda surfaces them. Texts are AWS's where
 * AWS-FACTS C records them; the others are written to tell a learner what to change.
 */
import type { Fault } from "../core/outcome.ts";

/** Every fault code the Lambda model answers with (closed: another code is a type error). */
export type LambdaFaultCode =
  | "InvalidParameterValueException"
  | "ResourceNotFoundException"
  | "ResourceConflictException"
  | "ResourceInUseException"
  | "TooManyRequestsException"
  | "RequestTooLargeException"
  | "InvalidRequestContentException";

/** A Fault plus the extra fields some Lambda exceptions carry (TooManyRequestsException.Reason). */
export interface LambdaFault extends Fault<LambdaFaultCode> {
  readonly extra?: Readonly<Record<string, string | number>>;
}
export type LambdaFailed = { readonly ok: false; readonly fault: LambdaFault };
export type LambdaOutcome<T> = { readonly ok: true; readonly value: T } | LambdaFailed;

function failWith(code: LambdaFaultCode, message: string, httpStatusCode: number, hint?: string, extra?: LambdaFault["extra"]): LambdaFailed {
  return {
    ok: false,
    fault: {
      code,
      message,
      httpStatusCode,
      ...(hint === undefined ? {} : { hint }),
      ...(extra === undefined ? {} : { extra }),
    },
  };
}

export function invalidParameter(message: string, hint?: string): LambdaFailed {
  return failWith("InvalidParameterValueException", message, 400, hint);
}

/**
 * A value outside its range. Real Lambda answers such model constraints with a ValidationException
 * of this wording; the sandbox surfaces it as InvalidParameterValueException (one error name for
 * every bad value, which is what learner code catches).
 */
export function outOfRange(field: string, value: unknown, constraint: string): LambdaFailed {
  return invalidParameter(
    `1 validation error detected: Value '${String(value)}' at '${field}' failed to satisfy constraint: ${constraint}`,
  );
}

export function functionNotFound(arn: string): LambdaFailed {
  return failWith("ResourceNotFoundException", `Function not found: ${arn}`, 404,
    "Deploy it first with sb.lambda.createFunction({ FunctionName, handler }), and check the name's spelling.");
}

export function resourceNotFound(message: string, hint?: string): LambdaFailed {
  return failWith("ResourceNotFoundException", message, 404, hint);
}

export function resourceConflict(message: string, hint?: string): LambdaFailed {
  return failWith("ResourceConflictException", message, 409, hint);
}

export type ThrottleReason = "ReservedFunctionConcurrentInvocationLimitExceeded" | "ConcurrentInvocationLimitExceeded";

/** AWS-FACTS C.1 item 6: HTTP 429 with a Reason naming the limit. */
export function tooManyRequests(reason: ThrottleReason): LambdaFailed {
  const message =
    reason === "ReservedFunctionConcurrentInvocationLimitExceeded"
      ? "Rate Exceeded."
      : "Rate Exceeded.";
  const hint =
    reason === "ReservedFunctionConcurrentInvocationLimitExceeded"
      ? "The function is running as many copies as its reserved concurrency allows (0 throttles every call)."
      : "The account's unreserved concurrency is used up by other running invocations.";
  return failWith("TooManyRequestsException", message, 429, hint, { Reason: reason, Type: "User" });
}

/** AWS-FACTS C.1 item 4: HTTP 413. */
export function requestTooLarge(limit: number, operation: string): LambdaFailed {
  return failWith("RequestTooLargeException", `Request must be smaller than ${limit} bytes for the ${operation} operation`, 413);
}

export function invalidRequestContent(message: string): LambdaFailed {
  return failWith("InvalidRequestContentException", message, 400,
    "Send JSON: Payload: new TextEncoder().encode(JSON.stringify(event)).");
}
