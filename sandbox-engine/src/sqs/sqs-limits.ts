/**
 * SQS defaults and limits, each with its source (see AWS-FACTS.md section B). Seconds unless noted.
 */

export const DOCS = {
  visibility: "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-visibility-timeout.html",
  delay: "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-delay-queues.html",
  polling: "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-short-and-long-polling.html",
  quotas: "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html",
  queueQuotas: "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-queues.html",
  sendMessage: "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html",
  receiveMessage: "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ReceiveMessage.html",
  deleteMessage: "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_DeleteMessage.html",
  changeVisibility:
    "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ChangeMessageVisibility.html",
  createQueue: "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_CreateQueue.html",
  getQueueAttributes:
    "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_GetQueueAttributes.html",
  messageAttributes:
    "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-message-metadata.html",
} as const;

export interface Range {
  readonly min: number;
  readonly max: number;
}

/** Visibility timeout: default 30 s, 0 to 12 hours (AWS-FACTS B.1 item 1, DOCS.visibility). */
export const VISIBILITY_TIMEOUT = { default: 30, min: 0, max: 43_200 } as const;
/** Delay: default 0, up to 15 minutes (B.1 item 4, DOCS.delay). */
export const DELAY_SECONDS = { default: 0, min: 0, max: 900 } as const;
/** Retention: default 4 days, 60 s to 14 days (B.1 item 3, DOCS.quotas). */
export const MESSAGE_RETENTION_PERIOD = { default: 345_600, min: 60, max: 1_209_600 } as const;
/** Long polling waits at most 20 s; 0 means short polling (B.1 item 7, DOCS.polling). */
export const RECEIVE_WAIT_TIME_SECONDS = { default: 0, min: 0, max: 20 } as const;
/** Message size: 1 MiB maximum and default, 1 KiB minimum setting (B.1 item 5, DOCS.sendMessage). */
export const MAXIMUM_MESSAGE_SIZE = { default: 1_048_576, min: 1_024, max: 1_048_576 } as const;
/** One receive returns 1 to 10 messages, default 1 (B.1 item 8, DOCS.receiveMessage). */
export const MAX_NUMBER_OF_MESSAGES = { default: 1, min: 1, max: 10 } as const;
/** At most 10 message attributes per message (B.1 item 11, DOCS.quotas). */
export const MAX_MESSAGE_ATTRIBUTES = 10;
/** Queue names: 1 to 80 characters (B.1 item 14, DOCS.queueQuotas). */
export const QUEUE_NAME_MAX_LENGTH = 80;
/** RedrivePolicy maxReceiveCount: 1 to 1000 (AWS-FACTS B.3 item 24). */
export const MAX_RECEIVE_COUNT = { min: 1, max: 1000 } as const;
/** RedriveAllowPolicy byQueue: up to 10 source queues (AWS-FACTS B.3 item 27). */
export const REDRIVE_ALLOW_MAX_SOURCE_QUEUES = 10;
/** KmsDataKeyReusePeriodSeconds: 60 s to 24 hours (API_SetQueueAttributes.html). */
export const KMS_DATA_KEY_REUSE_PERIOD_SECONDS = { default: 300, min: 60, max: 86_400 } as const;
/** Batch requests: at most 10 entries (AWS-FACTS B.1 item 9). */
export const MAX_BATCH_ENTRIES = 10;
/** Batch payload: at most 1 MiB in all (AWS-FACTS B.1 item 6). */
export const MAX_BATCH_BYTES = 1_048_576;
/** FIFO deduplication interval: 5 minutes (AWS-FACTS B.4 item 28). */
export const DEDUPLICATION_INTERVAL_MS = 5 * 60 * 1000;
/** A queue name cannot be reused for 60 s after DeleteQueue (AWS-FACTS B.1 item 14). */
export const QUEUE_NAME_REUSE_DELAY_MS = 60_000;
/** One PurgeQueue per 60 s (AWS-FACTS B.1 item 16). */
export const PURGE_INTERVAL_MS = 60_000;
/** In-flight quotas: ~120,000 standard, 20,000 FIFO (AWS-FACTS B.1 item 13). */
export const MAX_IN_FLIGHT_STANDARD = 120_000;
export const MAX_IN_FLIGHT_FIFO = 20_000;
/** ListQueues / ListDeadLetterSourceQueues: MaxResults 1 to 1000; ListQueues returns at most 1000. */
export const LIST_MAX_RESULTS = { min: 1, max: 1000 } as const;
/** Tags: at most 50 per queue, keys up to 128 and values up to 256 characters (sqs-queue-tags.html). */
export const MAX_TAGS = 50;
/** MessageGroupId / MessageDeduplicationId: 1 to 128 characters (AWS-FACTS B.4 item 30). */
export const MAX_FIFO_ID_LENGTH = 128;
/** StartMessageMoveTask MaxNumberOfMessagesPerSecond: at most 500 (API_StartMessageMoveTask.html). */
export const MOVE_TASK_MAX_RATE = 500;
