/**
 * SQS's Outcome: the core type with SQS's closed union of fault codes, named as @aws-sdk/client-sqs
 * surfaces them. SQS modules import Outcome, Fault, ok and fail from here, so a fault with a code not
 * listed is a type error where it is made.
 */
import type { Fault as CoreFault, Outcome as CoreOutcome } from "../core/outcome.ts";

export { fail, ok } from "../core/outcome.ts";

export type SqsFaultCode =
  | "BatchEntryIdsNotDistinct"
  | "BatchRequestTooLong"
  | "EmptyBatchRequest"
  | "InvalidAttributeName"
  | "InvalidAttributeValue"
  | "InvalidBatchEntryId"
  | "InvalidMessageContents"
  | "InvalidParameterValue"
  | "MissingParameter"
  | "OverLimit"
  | "PurgeQueueInProgress"
  | "QueueDeletedRecently"
  | "QueueDoesNotExist"
  | "QueueNameExists"
  | "ReceiptHandleIsInvalid"
  | "ResourceNotFoundException"
  | "TooManyEntriesInBatchRequest";

export type Outcome<T> = CoreOutcome<T, SqsFaultCode>;
export type Fault = CoreFault<SqsFaultCode>;
