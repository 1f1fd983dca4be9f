/**
 * The SQS model of one sandbox (`sb.sqs`). Operations take SDK-shaped requests (validated at run
 * time, any value accepted) and return an Outcome: a result, or a Fault as data. The wire layer
 * (wire/sqs-json-protocol.ts) turns faults into AWS errors for the real SDK. Course authors and
 * other services (SNS, Lambda event source mappings) call these methods directly.
 */
import type { ServiceDeps } from "../core/service-deps.ts";
import type { DeliveryCheck, DeliveryReceiver } from "../core/delivery.ts";
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
import { sqsDelivery } from "./receive-delivery.ts";
import { billedRequests, queueTypeOf, sqsBill, type SqsBill, type SqsUsage } from "./billing/sqs-bill.ts";
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
  /** SQS lines of the bill at list prices: every call above (the event source mappings' polls too) is a request. */
  bill(): SqsBill;
}

export interface SqsServiceDeps extends ServiceDeps {
  readonly options?: SqsOptions | undefined;
}

export function createSqsService(deps: SqsServiceDeps): SqsService {
  return createSqs(deps).service;
}

/** The service and its delivery receiver (what the service registry needs). */
export function createSqs(deps: SqsServiceDeps): { service: SqsService; receive: DeliveryReceiver; check: DeliveryCheck } {
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
  // Billed requests, counted as the calls come (the SNS -> SQS deliveries of receive-delivery.ts are not SQS
  // requests: they do not pass through here).
  const usage: SqsUsage = { standard: 0, FIFO: 0 };
  const count = (input: unknown, bodies: readonly unknown[] = [], attributeSets?: readonly unknown[]) => {
    const queue = typeof input === "object" && input !== null ? ((input as { QueueUrl?: unknown; QueueName?: unknown }).QueueUrl ?? (input as { QueueName?: unknown }).QueueName) : undefined;
    usage[queueTypeOf(queue)] += billedRequests(bodies, attributeSets);
  };
  const entries = (input: SendMessageBatchRequest) => (Array.isArray(input?.Entries) ? input.Entries : []);
  const service: SqsService = {
    createQueue: (input) => (count(input), createQueue(ctx, input)),
    getQueueUrl: (input) => (count(input), getQueueUrl(ctx, input)),
    listQueues: (input) => (count(input), listQueues(ctx, input)),
    deleteQueue: (input) => (count(input), deleteQueue(ctx, input)),
    getQueueAttributes: (input) => (count(input), getQueueAttributes(ctx, input)),
    setQueueAttributes: (input) => (count(input), setQueueAttributes(ctx, input)),
    tagQueue: (input) => (count(input), tagQueue(ctx, input)),
    untagQueue: (input) => (count(input), untagQueue(ctx, input)),
    listQueueTags: (input) => (count(input), listQueueTags(ctx, input)),
    sendMessage: (input, cause) => (count(input, [input?.MessageBody], input?.MessageAttributes === undefined ? undefined : [input.MessageAttributes]), sendMessage(ctx, input, cause)),
    sendMessageBatch: (input) => (count(input, entries(input).map((entry) => entry?.MessageBody), entries(input).map((entry) => entry?.MessageAttributes)), sendMessageBatch(ctx, input)),
    receiveMessage: async (input, receiveSeqs) => {
      const received = await receiveMessage(ctx, input, receiveSeqs);
      // The answer's messages (bodies and the attributes it returns) are the payload: an empty receive is still one request.
      const messages = received.ok ? (received.value.Messages ?? []) : [];
      count(input, messages.map((message) => message.Body), messages.some((message) => message.MessageAttributes !== undefined) ? messages.map((message) => message.MessageAttributes) : undefined);
      return received;
    },
    deleteMessage: (input) => (count(input), deleteMessage(ctx, input)),
    deleteMessageBatch: (input) => (count(input), deleteMessageBatch(ctx, input)),
    changeMessageVisibility: (input) => (count(input), changeMessageVisibility(ctx, input)),
    changeMessageVisibilityBatch: (input) => (count(input), changeMessageVisibilityBatch(ctx, input)),
    purgeQueue: (input) => (count(input), purgeQueue(ctx, input)),
    listDeadLetterSourceQueues: (input) => (count(input), listDeadLetterSourceQueues(ctx, input)),
    startMessageMoveTask: (input) => (count(input), startMessageMoveTask(ctx, input)),
    listMessageMoveTasks: (input) => (count(input), listMessageMoveTasks(ctx, input)),
    cancelMessageMoveTask: (input) => (count(input), cancelMessageMoveTask(ctx, input)),
    onActivity: (queueArn, callback) => activity.onActivity(queueArn, callback),
    bill: () => sqsBill(usage),
  };
  return { service, ...sqsDelivery(ctx) };
}
