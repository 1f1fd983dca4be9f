/**
 * Exception classes with the names @aws-sdk/client-lambda exports, so learner code such as
 * `if (err instanceof TooManyRequestsException)` works as with the real SDK. Extra fields the SDK
 * models (TooManyRequestsException.Reason, Type) are copied from the fault.
 */
import { AwsError, faultToError, type AwsErrorConstructor, type AwsErrorOptions } from "../core/aws-error.ts";
import type { LambdaFault } from "../lambda/lambda-faults.ts";

export class LambdaServiceException extends AwsError {}

function named(name: string): AwsErrorConstructor {
  return class extends LambdaServiceException {
    constructor(message: string, options?: AwsErrorOptions) {
      super(name, message, options);
    }
  };
}

export class ResourceNotFoundException extends LambdaServiceException {
  constructor(message: string, options?: AwsErrorOptions) {
    super("ResourceNotFoundException", message, options);
  }
}
export class ResourceConflictException extends LambdaServiceException {
  constructor(message: string, options?: AwsErrorOptions) {
    super("ResourceConflictException", message, options);
  }
}
export class ResourceInUseException extends LambdaServiceException {
  constructor(message: string, options?: AwsErrorOptions) {
    super("ResourceInUseException", message, options);
  }
}
export class InvalidParameterValueException extends LambdaServiceException {
  constructor(message: string, options?: AwsErrorOptions) {
    super("InvalidParameterValueException", message, options);
  }
}
export class InvalidRequestContentException extends LambdaServiceException {
  constructor(message: string, options?: AwsErrorOptions) {
    super("InvalidRequestContentException", message, options);
  }
}
export class RequestTooLargeException extends LambdaServiceException {
  constructor(message: string, options?: AwsErrorOptions) {
    super("RequestTooLargeException", message, options);
  }
}
export class TooManyRequestsException extends LambdaServiceException {
  /** "ReservedFunctionConcurrentInvocationLimitExceeded" | "ConcurrentInvocationLimitExceeded" | ... */
  Reason?: string;
  Type?: string;
  retryAfterSeconds?: string;
  constructor(message: string, options?: AwsErrorOptions) {
    super("TooManyRequestsException", message, options);
  }
}
export class ServiceException extends LambdaServiceException {
  constructor(message: string, options?: AwsErrorOptions) {
    super("ServiceException", message, { $fault: "server", ...options });
  }
}

export const LAMBDA_EXCEPTION_CLASSES: Readonly<Record<string, AwsErrorConstructor>> = {
  ResourceNotFoundException,
  ResourceConflictException,
  ResourceInUseException,
  InvalidParameterValueException,
  InvalidRequestContentException,
  RequestTooLargeException,
  TooManyRequestsException,
  ServiceException,
};

/** Other codes surface as a LambdaServiceException whose `name` is the code. */
export function genericLambdaError(code: string, message: string, options: AwsErrorOptions): AwsError {
  return new (named(code))(message, options);
}

export function lambdaFaultToError(fault: LambdaFault, requestId: string | undefined): AwsError {
  const error = faultToError(fault, requestId, LAMBDA_EXCEPTION_CLASSES, genericLambdaError);
  if (fault.extra !== undefined) Object.assign(error, fault.extra);
  return error;
}
