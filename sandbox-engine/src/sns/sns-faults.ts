/**
 * Every fault code the SNS model answers with, as @aws-sdk/client-sns names its exceptions (closed: a
 * fault with another code is a type error where it is made).
 */
import type { Outcome } from "../core/outcome.ts";

export type SnsFaultCode =
  | "AuthorizationErrorException"
  | "BatchEntryIdsNotDistinctException"
  | "BatchRequestTooLongException"
  | "EmptyBatchRequestException"
  | "InvalidBatchEntryIdException"
  | "InvalidParameterException"
  | "InvalidParameterValueException"
  | "NotFoundException"
  | "ResourceNotFoundException"
  | "TagLimitExceededException"
  | "TooManyEntriesInBatchRequestException";

export type SnsOutcome<T> = Outcome<T, SnsFaultCode>;
