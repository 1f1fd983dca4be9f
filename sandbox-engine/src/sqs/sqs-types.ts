/**
 * Input and output shapes of the SQS API, named and spelled as in the AWS SDK for JavaScript v3
 * (@aws-sdk/client-sqs), so learner code type-checks the same against the sandbox.
 */

export type QueueAttributeName =
  | "All"
  | "Policy"
  | "VisibilityTimeout"
  | "MaximumMessageSize"
  | "MessageRetentionPeriod"
  | "ApproximateNumberOfMessages"
  | "ApproximateNumberOfMessagesNotVisible"
  | "CreatedTimestamp"
  | "LastModifiedTimestamp"
  | "QueueArn"
  | "ApproximateNumberOfMessagesDelayed"
  | "DelaySeconds"
  | "ReceiveMessageWaitTimeSeconds"
  | "RedrivePolicy"
  | "FifoQueue"
  | "ContentBasedDeduplication"
  | "KmsMasterKeyId"
  | "KmsDataKeyReusePeriodSeconds"
  | "DeduplicationScope"
  | "FifoThroughputLimit"
  | "RedriveAllowPolicy"
  | "SqsManagedSseEnabled";

export type MessageSystemAttributeName =
  | "All"
  | "SenderId"
  | "SentTimestamp"
  | "ApproximateReceiveCount"
  | "ApproximateFirstReceiveTimestamp"
  | "SequenceNumber"
  | "MessageDeduplicationId"
  | "MessageGroupId"
  | "AWSTraceHeader"
  | "DeadLetterQueueSourceArn";

export interface MessageAttributeValue {
  StringValue?: string | undefined;
  BinaryValue?: Uint8Array | undefined;
  StringListValues?: string[] | undefined;
  BinaryListValues?: Uint8Array[] | undefined;
  /** "String", "Number" or "Binary", optionally followed by ".customType". */
  DataType: string | undefined;
}

export interface ResponseMetadata {
  httpStatusCode?: number;
  requestId?: string;
  extendedRequestId?: string;
  cfId?: string;
  attempts?: number;
  totalRetryDelay?: number;
}

export interface MetadataBearer {
  $metadata: ResponseMetadata;
}

export interface CreateQueueRequest {
  QueueName: string | undefined;
  Attributes?: Partial<Record<QueueAttributeName, string>> | undefined;
  tags?: Record<string, string> | undefined;
}
export interface CreateQueueResult {
  QueueUrl?: string | undefined;
}

export interface GetQueueUrlRequest {
  QueueName: string | undefined;
  QueueOwnerAWSAccountId?: string | undefined;
}
export interface GetQueueUrlResult {
  QueueUrl?: string | undefined;
}

export interface GetQueueAttributesRequest {
  QueueUrl: string | undefined;
  AttributeNames?: QueueAttributeName[] | undefined;
}
export interface GetQueueAttributesResult {
  Attributes?: Partial<Record<QueueAttributeName, string>> | undefined;
}

export interface SendMessageRequest {
  QueueUrl: string | undefined;
  MessageBody: string | undefined;
  DelaySeconds?: number | undefined;
  MessageAttributes?: Record<string, MessageAttributeValue> | undefined;
  MessageDeduplicationId?: string | undefined;
  MessageGroupId?: string | undefined;
}
export interface SendMessageResult {
  MD5OfMessageBody?: string | undefined;
  MD5OfMessageAttributes?: string | undefined;
  MD5OfMessageSystemAttributes?: string | undefined;
  MessageId?: string | undefined;
  SequenceNumber?: string | undefined;
}

export interface ReceiveMessageRequest {
  QueueUrl: string | undefined;
  /** @deprecated in the SDK: use MessageSystemAttributeNames. */
  AttributeNames?: QueueAttributeName[] | undefined;
  MessageSystemAttributeNames?: MessageSystemAttributeName[] | undefined;
  MessageAttributeNames?: string[] | undefined;
  MaxNumberOfMessages?: number | undefined;
  VisibilityTimeout?: number | undefined;
  WaitTimeSeconds?: number | undefined;
  ReceiveRequestAttemptId?: string | undefined;
}
export interface Message {
  MessageId?: string | undefined;
  ReceiptHandle?: string | undefined;
  MD5OfBody?: string | undefined;
  Body?: string | undefined;
  Attributes?: Partial<Record<MessageSystemAttributeName, string>> | undefined;
  MD5OfMessageAttributes?: string | undefined;
  MessageAttributes?: Record<string, MessageAttributeValue> | undefined;
}
export interface ReceiveMessageResult {
  Messages?: Message[] | undefined;
}

export interface DeleteMessageRequest {
  QueueUrl: string | undefined;
  ReceiptHandle: string | undefined;
}

export interface ChangeMessageVisibilityRequest {
  QueueUrl: string | undefined;
  ReceiptHandle: string | undefined;
  VisibilityTimeout: number | undefined;
}

// The SDK names every command's input and output; these aliases keep learner imports working.
export type CreateQueueCommandInput = CreateQueueRequest;
export type CreateQueueCommandOutput = CreateQueueResult & MetadataBearer;
export type GetQueueUrlCommandInput = GetQueueUrlRequest;
export type GetQueueUrlCommandOutput = GetQueueUrlResult & MetadataBearer;
export type GetQueueAttributesCommandInput = GetQueueAttributesRequest;
export type GetQueueAttributesCommandOutput = GetQueueAttributesResult & MetadataBearer;
export type SendMessageCommandInput = SendMessageRequest;
export type SendMessageCommandOutput = SendMessageResult & MetadataBearer;
export type ReceiveMessageCommandInput = ReceiveMessageRequest;
export type ReceiveMessageCommandOutput = ReceiveMessageResult & MetadataBearer;
export type DeleteMessageCommandInput = DeleteMessageRequest;
export type DeleteMessageCommandOutput = MetadataBearer;
export type ChangeMessageVisibilityCommandInput = ChangeMessageVisibilityRequest;
export type ChangeMessageVisibilityCommandOutput = MetadataBearer;
