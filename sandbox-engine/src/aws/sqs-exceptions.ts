/**
 * Exception classes with the names @aws-sdk/client-sqs exports, so learner code such as
 * `if (err instanceof QueueDoesNotExist)` works as with the real SDK. Codes the SDK does not model
 * as classes (InvalidParameterValue, MissingParameter) surface as an SQSServiceException whose
 * `name` is the code.
 */
import { AwsError, type AwsErrorConstructor, type AwsErrorOptions } from "../core/aws-error.ts";

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
export class QueueDeletedRecently extends SQSServiceException {
  constructor(message: string, options?: AwsErrorOptions) {
    super("QueueDeletedRecently", message, options);
  }
}
export class PurgeQueueInProgress extends SQSServiceException {
  constructor(message: string, options?: AwsErrorOptions) {
    super("PurgeQueueInProgress", message, options);
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
export class OverLimit extends SQSServiceException {
  constructor(message: string, options?: AwsErrorOptions) {
    super("OverLimit", message, options);
  }
}
export class EmptyBatchRequest extends SQSServiceException {
  constructor(message: string, options?: AwsErrorOptions) {
    super("EmptyBatchRequest", message, options);
  }
}
export class TooManyEntriesInBatchRequest extends SQSServiceException {
  constructor(message: string, options?: AwsErrorOptions) {
    super("TooManyEntriesInBatchRequest", message, options);
  }
}
export class BatchEntryIdsNotDistinct extends SQSServiceException {
  constructor(message: string, options?: AwsErrorOptions) {
    super("BatchEntryIdsNotDistinct", message, options);
  }
}
export class InvalidBatchEntryId extends SQSServiceException {
  constructor(message: string, options?: AwsErrorOptions) {
    super("InvalidBatchEntryId", message, options);
  }
}
export class BatchRequestTooLong extends SQSServiceException {
  constructor(message: string, options?: AwsErrorOptions) {
    super("BatchRequestTooLong", message, options);
  }
}
export class ResourceNotFoundException extends SQSServiceException {
  constructor(message: string, options?: AwsErrorOptions) {
    super("ResourceNotFoundException", message, options);
  }
}
export class InvalidIdFormat extends SQSServiceException {
  constructor(message: string, options?: AwsErrorOptions) {
    super("InvalidIdFormat", message, options);
  }
}
export class RequestThrottled extends SQSServiceException {
  constructor(message: string, options?: AwsErrorOptions) {
    super("RequestThrottled", message, options);
  }
}
export class InvalidAddress extends SQSServiceException {
  constructor(message: string, options?: AwsErrorOptions) {
    super("InvalidAddress", message, options);
  }
}
export class InvalidSecurity extends SQSServiceException {
  constructor(message: string, options?: AwsErrorOptions) {
    super("InvalidSecurity", message, options);
  }
}

/** Generic codes get the service's base class, as the SDK does for unmodelled errors. */
class GenericSqsError extends SQSServiceException {}

export const SQS_EXCEPTION_CLASSES: Readonly<Record<string, AwsErrorConstructor>> = {
  QueueDoesNotExist,
  QueueNameExists,
  QueueDeletedRecently,
  PurgeQueueInProgress,
  ReceiptHandleIsInvalid,
  InvalidAttributeName,
  InvalidAttributeValue,
  InvalidMessageContents,
  MessageNotInflight,
  UnsupportedOperation,
  OverLimit,
  EmptyBatchRequest,
  TooManyEntriesInBatchRequest,
  BatchEntryIdsNotDistinct,
  InvalidBatchEntryId,
  BatchRequestTooLong,
  ResourceNotFoundException,
  InvalidIdFormat,
  RequestThrottled,
  InvalidAddress,
  InvalidSecurity,
};

export function genericSqsError(code: string, message: string, options?: AwsErrorOptions): SQSServiceException {
  return new GenericSqsError(code, message, options);
}
