/**
 * The sandbox's stand-in for "@aws-sdk/client-sqs" (exercises alias that module id to this one;
 * also importable as "sandbox-engine/aws/client-sqs"). Same export names as the real package.
 */
export { SQSClient, type SQSClientConfig } from "./sqs-client.ts";
export {
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
} from "./sqs-commands.ts";
export {
  InvalidAttributeName,
  InvalidAttributeValue,
  InvalidMessageContents,
  MessageNotInflight,
  QueueDoesNotExist,
  QueueNameExists,
  ReceiptHandleIsInvalid,
  SQSServiceException,
  UnsupportedOperation,
} from "./sqs-exceptions.ts";
export type * from "../sqs/sqs-types.ts";
