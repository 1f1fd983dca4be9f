/**
 * Input and output shapes of the SQS API, named and spelled as in the AWS SDK for JavaScript v3
 * (@aws-sdk/client-sqs), so learner code type-checks the same against the sandbox.
 */
import type { MetadataBearer, ResponseMetadata } from "../core/metadata.ts";

export type { MetadataBearer, ResponseMetadata };

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
  MessageSystemAttributes?: Partial<Record<"AWSTraceHeader", MessageSystemAttributeValue>> | undefined;
  MessageDeduplicationId?: string | undefined;
  MessageGroupId?: string | undefined;
}
export interface MessageSystemAttributeValue {
  StringValue?: string | undefined;
  BinaryValue?: Uint8Array | undefined;
  StringListValues?: string[] | undefined;
  BinaryListValues?: Uint8Array[] | undefined;
  DataType: string | undefined;
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

export interface DeleteQueueRequest {
  QueueUrl: string | undefined;
}

export interface ListQueuesRequest {
  QueueNamePrefix?: string | undefined;
  NextToken?: string | undefined;
  MaxResults?: number | undefined;
}
export interface ListQueuesResult {
  QueueUrls?: string[] | undefined;
  NextToken?: string | undefined;
}

export interface SetQueueAttributesRequest {
  QueueUrl: string | undefined;
  Attributes: Partial<Record<QueueAttributeName, string>> | undefined;
}

export interface TagQueueRequest {
  QueueUrl: string | undefined;
  Tags: Record<string, string> | undefined;
}
export interface UntagQueueRequest {
  QueueUrl: string | undefined;
  TagKeys: string[] | undefined;
}
export interface ListQueueTagsRequest {
  QueueUrl: string | undefined;
}
export interface ListQueueTagsResult {
  Tags?: Record<string, string> | undefined;
}

export interface BatchResultErrorEntry {
  Id: string | undefined;
  SenderFault: boolean | undefined;
  Code: string | undefined;
  Message?: string | undefined;
}

export interface SendMessageBatchRequestEntry {
  Id: string | undefined;
  MessageBody: string | undefined;
  DelaySeconds?: number | undefined;
  MessageAttributes?: Record<string, MessageAttributeValue> | undefined;
  MessageSystemAttributes?: Partial<Record<"AWSTraceHeader", MessageSystemAttributeValue>> | undefined;
  MessageDeduplicationId?: string | undefined;
  MessageGroupId?: string | undefined;
}
export interface SendMessageBatchRequest {
  QueueUrl: string | undefined;
  Entries: SendMessageBatchRequestEntry[] | undefined;
}
export interface SendMessageBatchResultEntry {
  Id: string | undefined;
  MessageId: string | undefined;
  MD5OfMessageBody: string | undefined;
  MD5OfMessageAttributes?: string | undefined;
  MD5OfMessageSystemAttributes?: string | undefined;
  SequenceNumber?: string | undefined;
}
export interface SendMessageBatchResult {
  Successful: SendMessageBatchResultEntry[] | undefined;
  Failed: BatchResultErrorEntry[] | undefined;
}

export interface DeleteMessageBatchRequestEntry {
  Id: string | undefined;
  ReceiptHandle: string | undefined;
}
export interface DeleteMessageBatchRequest {
  QueueUrl: string | undefined;
  Entries: DeleteMessageBatchRequestEntry[] | undefined;
}
export interface DeleteMessageBatchResult {
  Successful: Array<{ Id: string | undefined }> | undefined;
  Failed: BatchResultErrorEntry[] | undefined;
}

export interface ChangeMessageVisibilityBatchRequestEntry {
  Id: string | undefined;
  ReceiptHandle: string | undefined;
  VisibilityTimeout?: number | undefined;
}
export interface ChangeMessageVisibilityBatchRequest {
  QueueUrl: string | undefined;
  Entries: ChangeMessageVisibilityBatchRequestEntry[] | undefined;
}
export interface ChangeMessageVisibilityBatchResult {
  Successful: Array<{ Id: string | undefined }> | undefined;
  Failed: BatchResultErrorEntry[] | undefined;
}

export interface PurgeQueueRequest {
  QueueUrl: string | undefined;
}

export interface ListDeadLetterSourceQueuesRequest {
  QueueUrl: string | undefined;
  NextToken?: string | undefined;
  MaxResults?: number | undefined;
}
export interface ListDeadLetterSourceQueuesResult {
  /** Lower-case q, as in the AWS API. */
  queueUrls: string[] | undefined;
  NextToken?: string | undefined;
}

export interface StartMessageMoveTaskRequest {
  SourceArn: string | undefined;
  DestinationArn?: string | undefined;
  MaxNumberOfMessagesPerSecond?: number | undefined;
}
export interface StartMessageMoveTaskResult {
  TaskHandle?: string | undefined;
}
export interface ListMessageMoveTasksRequest {
  SourceArn: string | undefined;
  MaxResults?: number | undefined;
}
export interface ListMessageMoveTasksResultEntry {
  TaskHandle?: string | undefined;
  Status?: string | undefined;
  SourceArn?: string | undefined;
  DestinationArn?: string | undefined;
  MaxNumberOfMessagesPerSecond?: number | undefined;
  ApproximateNumberOfMessagesMoved?: number | undefined;
  ApproximateNumberOfMessagesToMove?: number | undefined;
  FailureReason?: string | undefined;
  StartedTimestamp?: number | undefined;
}
export interface ListMessageMoveTasksResult {
  Results?: ListMessageMoveTasksResultEntry[] | undefined;
}
export interface CancelMessageMoveTaskRequest {
  TaskHandle: string | undefined;
}
export interface CancelMessageMoveTaskResult {
  ApproximateNumberOfMessagesMoved?: number | undefined;
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
export type DeleteQueueCommandInput = DeleteQueueRequest;
export type DeleteQueueCommandOutput = MetadataBearer;
export type ListQueuesCommandInput = ListQueuesRequest;
export type ListQueuesCommandOutput = ListQueuesResult & MetadataBearer;
export type SetQueueAttributesCommandInput = SetQueueAttributesRequest;
export type SetQueueAttributesCommandOutput = MetadataBearer;
export type TagQueueCommandInput = TagQueueRequest;
export type TagQueueCommandOutput = MetadataBearer;
export type UntagQueueCommandInput = UntagQueueRequest;
export type UntagQueueCommandOutput = MetadataBearer;
export type ListQueueTagsCommandInput = ListQueueTagsRequest;
export type ListQueueTagsCommandOutput = ListQueueTagsResult & MetadataBearer;
export type SendMessageBatchCommandInput = SendMessageBatchRequest;
export type SendMessageBatchCommandOutput = SendMessageBatchResult & MetadataBearer;
export type DeleteMessageBatchCommandInput = DeleteMessageBatchRequest;
export type DeleteMessageBatchCommandOutput = DeleteMessageBatchResult & MetadataBearer;
export type ChangeMessageVisibilityBatchCommandInput = ChangeMessageVisibilityBatchRequest;
export type ChangeMessageVisibilityBatchCommandOutput = ChangeMessageVisibilityBatchResult & MetadataBearer;
export type PurgeQueueCommandInput = PurgeQueueRequest;
export type PurgeQueueCommandOutput = MetadataBearer;
export type ListDeadLetterSourceQueuesCommandInput = ListDeadLetterSourceQueuesRequest;
export type ListDeadLetterSourceQueuesCommandOutput = ListDeadLetterSourceQueuesResult & MetadataBearer;
export type StartMessageMoveTaskCommandInput = StartMessageMoveTaskRequest;
export type StartMessageMoveTaskCommandOutput = StartMessageMoveTaskResult & MetadataBearer;
export type ListMessageMoveTasksCommandInput = ListMessageMoveTasksRequest;
export type ListMessageMoveTasksCommandOutput = ListMessageMoveTasksResult & MetadataBearer;
export type CancelMessageMoveTaskCommandInput = CancelMessageMoveTaskRequest;
export type CancelMessageMoveTaskCommandOutput = CancelMessageMoveTaskResult & MetadataBearer;
