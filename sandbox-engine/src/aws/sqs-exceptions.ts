/**
 * Exception classes with the names @aws-sdk/client-sqs exports, so learner code such as
 * `if (err instanceof QueueDoesNotExist)` works as with the real SDK. Codes the SDK does not model
 * as classes (InvalidParameterValue, MissingParameter) surface as an SQSServiceException whose
 * `name` is the code.
 */
import { AwsError, type AwsErrorConstructor, type AwsErrorOptions } from "../errors/aws-error.ts";

export class SQSServiceException extends AwsError {}

export class QueueDoesNotExist extends SQSServiceException {
  constructor(message: string, options?: AwsErrorOptions) {
    super("QueueDoesNotExist", message, options);
  }
}
export class QueueNameExists extends SQSServiceException {
  constructor(message: string, options?: AwsErrorOptions) {
    super("QueueNameExists", message, options);
  }
}
export class ReceiptHandleIsInvalid extends SQSServiceException {
  constructor(message: string, options?: AwsErrorOptions) {
    super("ReceiptHandleIsInvalid", message, options);
  }
}
export class InvalidAttributeName extends SQSServiceException {
  constructor(message: string, options?: AwsErrorOptions) {
    super("InvalidAttributeName", message, options);
  }
}
export class InvalidAttributeValue extends SQSServiceException {
  constructor(message: string, options?: AwsErrorOptions) {
    super("InvalidAttributeValue", message, options);
  }
}
export class InvalidMessageContents extends SQSServiceException {
  constructor(message: string, options?: AwsErrorOptions) {
    super("InvalidMessageContents", message, options);
  }
}
export class MessageNotInflight extends SQSServiceException {
  constructor(message: string, options?: AwsErrorOptions) {
    super("MessageNotInflight", message, options);
  }
}
export class UnsupportedOperation extends SQSServiceException {
  constructor(message: string, options?: AwsErrorOptions) {
    super("UnsupportedOperation", message, options);
  }
}

/** Generic codes get the service's base class, as the SDK does for unmodelled errors. */
class GenericSqsError extends SQSServiceException {}

export const SQS_EXCEPTION_CLASSES: Readonly<Record<string, AwsErrorConstructor>> = {
  QueueDoesNotExist,
  QueueNameExists,
  ReceiptHandleIsInvalid,
  InvalidAttributeName,
  InvalidAttributeValue,
  InvalidMessageContents,
  MessageNotInflight,
  UnsupportedOperation,
};

export function genericSqsError(code: string, message: string, options?: AwsErrorOptions): SQSServiceException {
  return new GenericSqsError(code, message, options);
}
