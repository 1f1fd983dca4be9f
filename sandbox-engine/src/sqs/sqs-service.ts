/**
 * The SQS model of one sandbox (`sb.sqs`). Operations take SDK-shaped requests (validated at run
 * time, any value accepted) and return an Outcome: a result, or a Fault as data. The wire layer
 * (wire/sqs-json-protocol.ts) turns faults into AWS errors for the real SDK. Course authors and
 * other services (SNS, Lambda event source mappings) call these methods directly.
 */
import type { ServiceDeps } from "../core/service-deps.ts";
import type { DeliveryReceiver } from "../core/delivery.ts";
import type { Outcome } from "./sqs-outcome.ts";
import { createSqsActivity, type ActivityCallback } from "./activity.ts";
import { deliveryBehaviour, type SqsOptions } from "./delivery.ts";
import { cancelMessageMoveTask } from "./operations/cancel-message-move-task.ts";
import { changeMessageVisibilityBatch } from "./operations/change-message-visibility-batch.ts";
import { changeMessageVisibility } from "./operations/change-message-visibility.ts";
import { createQueue } from "./operations/create-queue.ts";
import { deleteMessageBatch } from "./operations/delete-message-batch.ts";
import { deleteMessage } from "./operations/delete-message.ts";
import { deleteQueue } from "./operations/delete-queue.ts";
import { getQueueAttributes } from "./operations/get-queue-attributes.ts";
import { getQueueUrl } from "./operations/get-queue-url.ts";
import { listDeadLetterSourceQueues } from "./operations/list-dead-letter-source-queues.ts";
import { listMessageMoveTasks } from "./operations/list-message-move-tasks.ts";
import { listQueueTags } from "./operations/list-queue-tags.ts";
import { listQueues } from "./operations/list-queues.ts";
import { purgeQueue } from "./operations/purge-queue.ts";
import { receiveMessage } from "./operations/receive-message.ts";
import { sendMessageBatch } from "./operations/send-message-batch.ts";
import { sendMessage } from "./operations/send-message.ts";
import { setQueueAttributes } from "./operations/set-queue-attributes.ts";
import { startMessageMoveTask } from "./operations/start-message-move-task.ts";
import { tagQueue } from "./operations/tag-queue.ts";
import { untagQueue } from "./operations/untag-queue.ts";
import { sqsDeliveryReceiver } from "./receive-delivery.ts";
import type { SqsContext } from "./sqs-context.ts";
import type {
  CancelMessageMoveTaskRequest,
  CancelMessageMoveTaskResult,
  ChangeMessageVisibilityBatchRequest,
  ChangeMessageVisibilityBatchResult,
  ChangeMessageVisibilityRequest,
  CreateQueueRequest,
  CreateQueueResult,
  DeleteMessageBatchRequest,
  DeleteMessageBatchResult,
  DeleteMessageRequest,
  DeleteQueueRequest,
  GetQueueAttributesRequest,
  GetQueueAttributesResult,
  GetQueueUrlRequest,
  GetQueueUrlResult,
  ListDeadLetterSourceQueuesRequest,
  ListDeadLetterSourceQueuesResult,
  ListMessageMoveTasksRequest,
  ListMessageMoveTasksResult,
  ListQueuesRequest,
  ListQueuesResult,
  ListQueueTagsRequest,
  ListQueueTagsResult,
  PurgeQueueRequest,
  ReceiveMessageRequest,
  ReceiveMessageResult,
  SendMessageBatchRequest,
  SendMessageBatchResult,
  SendMessageRequest,
  SendMessageResult,
  SetQueueAttributesRequest,
  StartMessageMoveTaskRequest,
  StartMessageMoveTaskResult,
  TagQueueRequest,
  UntagQueueRequest,
} from "./sqs-types.ts";

export type EmptyResult = Record<string, never>;

export interface SqsService {
  createQueue(input: CreateQueueRequest): Outcome<CreateQueueResult>;
  getQueueUrl(input: GetQueueUrlRequest): Outcome<GetQueueUrlResult>;
  listQueues(input: ListQueuesRequest): Outcome<ListQueuesResult>;
  deleteQueue(input: DeleteQueueRequest): Outcome<EmptyResult>;
  getQueueAttributes(input: GetQueueAttributesRequest): Outcome<GetQueueAttributesResult>;
  setQueueAttributes(input: SetQueueAttributesRequest): Outcome<EmptyResult>;
  tagQueue(input: TagQueueRequest): Outcome<EmptyResult>;
  untagQueue(input: UntagQueueRequest): Outcome<EmptyResult>;
  listQueueTags(input: ListQueueTagsRequest): Outcome<ListQueueTagsResult>;
  /** `cause` (engine-internal): trace seq of the event that led to this send. */
  sendMessage(input: SendMessageRequest, cause?: number): Outcome<SendMessageResult>;
  sendMessageBatch(input: SendMessageBatchRequest): Outcome<SendMessageBatchResult>;
  /** Async because of long polling (WaitTimeSeconds), which waits on the virtual clock. */
  receiveMessage(input: ReceiveMessageRequest, receiveSeqs?: number[]): Promise<Outcome<ReceiveMessageResult>>;
  deleteMessage(input: DeleteMessageRequest): Outcome<EmptyResult>;
  deleteMessageBatch(input: DeleteMessageBatchRequest): Outcome<DeleteMessageBatchResult>;
  changeMessageVisibility(input: ChangeMessageVisibilityRequest): Outcome<EmptyResult>;
  changeMessageVisibilityBatch(input: ChangeMessageVisibilityBatchRequest): Outcome<ChangeMessageVisibilityBatchResult>;
  purgeQueue(input: PurgeQueueRequest): Outcome<EmptyResult>;
  listDeadLetterSourceQueues(input: ListDeadLetterSourceQueuesRequest): Outcome<ListDeadLetterSourceQueuesResult>;
  startMessageMoveTask(input: StartMessageMoveTaskRequest): Outcome<StartMessageMoveTaskResult>;
  listMessageMoveTasks(input: ListMessageMoveTasksRequest): Outcome<ListMessageMoveTasksResult>;
  cancelMessageMoveTask(input: CancelMessageMoveTaskRequest): Outcome<CancelMessageMoveTaskResult>;
  /**
   * Engine-internal wake-up: calls `callback` after anything that may make messages receivable on the
   * queue (activity.ts). Returns the function that stops it.
   */
  onActivity(queueArn: string, callback: ActivityCallback): () => void;
}

export interface SqsServiceDeps extends ServiceDeps {
  readonly options?: SqsOptions | undefined;
}

export function createSqsService(deps: SqsServiceDeps): SqsService {
  return createSqs(deps).service;
}

/** The service and its delivery receiver (what the service registry needs). */
export function createSqs(deps: SqsServiceDeps): { service: SqsService; receive: DeliveryReceiver } {
  const activity = createSqsActivity(deps.trace, (trace) => (ctx.trace = trace));
  const ctx: SqsContext = {
    clock: deps.clock,
    random: deps.random,
    trace: deps.trace,
    region: deps.region,
    accountId: deps.accountId,
    delivery: deliveryBehaviour(deps.options),
    deliveryRandom: deps.random.fork("sqs-delivery"),
    queues: new Map(),
    queuesByUrl: new Map(),
    queuesByArn: new Map(),
    deletedAt: new Map(),
    moveTasks: [],
    counters: { messageKey: 0, queue: 0 },
  };
  const service: SqsService = {
    createQueue: (input) => createQueue(ctx, input),
    getQueueUrl: (input) => getQueueUrl(ctx, input),
    listQueues: (input) => listQueues(ctx, input),
    deleteQueue: (input) => deleteQueue(ctx, input),
    getQueueAttributes: (input) => getQueueAttributes(ctx, input),
    setQueueAttributes: (input) => setQueueAttributes(ctx, input),
    tagQueue: (input) => tagQueue(ctx, input),
    untagQueue: (input) => untagQueue(ctx, input),
    listQueueTags: (input) => listQueueTags(ctx, input),
    sendMessage: (input, cause) => sendMessage(ctx, input, cause),
    sendMessageBatch: (input) => sendMessageBatch(ctx, input),
    receiveMessage: (input, receiveSeqs) => receiveMessage(ctx, input, receiveSeqs),
    deleteMessage: (input) => deleteMessage(ctx, input),
    deleteMessageBatch: (input) => deleteMessageBatch(ctx, input),
    changeMessageVisibility: (input) => changeMessageVisibility(ctx, input),
    changeMessageVisibilityBatch: (input) => changeMessageVisibilityBatch(ctx, input),
    purgeQueue: (input) => purgeQueue(ctx, input),
    listDeadLetterSourceQueues: (input) => listDeadLetterSourceQueues(ctx, input),
    startMessageMoveTask: (input) => startMessageMoveTask(ctx, input),
    listMessageMoveTasks: (input) => listMessageMoveTasks(ctx, input),
    cancelMessageMoveTask: (input) => cancelMessageMoveTask(ctx, input),
    onActivity: (queueArn, callback) => activity.onActivity(queueArn, callback),
  };
  return { service, receive: sqsDeliveryReceiver(ctx) };
}
