/**
 * Exception classes with the names @aws-sdk/client-sns exports (err.name === "NotFoundException",
 * err.Code === "NotFound" as on the wire), so `err instanceof NotFoundException` works.
 */
import { AwsError, type AwsErrorConstructor, type AwsErrorOptions } from "../core/aws-error.ts";

export class SNSServiceException extends AwsError {}

function named(name: string): AwsErrorConstructor {
  const Class = class extends SNSServiceException {
    constructor(message: string, options?: AwsErrorOptions) {
      super(name, message, options);
    }
  };
  Object.defineProperty(Class, "name", { value: name });
  return Class;
}

export const NotFoundException = named("NotFoundException");
export const InvalidParameterException = named("InvalidParameterException");
export const InvalidParameterValueException = named("InvalidParameterValueException");
export const AuthorizationErrorException = named("AuthorizationErrorException");
export const ResourceNotFoundException = named("ResourceNotFoundException");
export const TagLimitExceededException = named("TagLimitExceededException");
export const EmptyBatchRequestException = named("EmptyBatchRequestException");
export const TooManyEntriesInBatchRequestException = named("TooManyEntriesInBatchRequestException");
export const BatchEntryIdsNotDistinctException = named("BatchEntryIdsNotDistinctException");
export const InvalidBatchEntryIdException = named("InvalidBatchEntryIdException");
export const BatchRequestTooLongException = named("BatchRequestTooLongException");
export const InternalErrorException = named("InternalErrorException");
export const SubscriptionLimitExceededException = named("SubscriptionLimitExceededException");
export const TopicLimitExceededException = named("TopicLimitExceededException");
export const FilterPolicyLimitExceededException = named("FilterPolicyLimitExceededException");
export const ThrottledException = named("ThrottledException");

export const SNS_EXCEPTION_CLASSES: Readonly<Record<string, AwsErrorConstructor>> = {
  NotFoundException,
  InvalidParameterException,
  InvalidParameterValueException,
  AuthorizationErrorException,
  ResourceNotFoundException,
  TagLimitExceededException,
  EmptyBatchRequestException,
  TooManyEntriesInBatchRequestException,
  BatchEntryIdsNotDistinctException,
  InvalidBatchEntryIdException,
  BatchRequestTooLongException,
  InternalErrorException,
  SubscriptionLimitExceededException,
  TopicLimitExceededException,
  FilterPolicyLimitExceededException,
  ThrottledException,
};

export function genericSnsError(code: string, message: string, options: AwsErrorOptions = {}): AwsError {
  return new SNSServiceException(code, message, options);
}
