/**
 * The SQS model of one sandbox (`sb.sqs`). Operations take SDK-shaped requests (validated at run
 * time, any value accepted) and return an Outcome: a result, or a Fault as data. The facade in
 * aws/client-sqs.ts turns faults into errors.
 */
import type { Clock } from "../clock/virtual-clock.ts";
import type { Outcome } from "../errors/fault.ts";
import type { SeededRandom } from "../random/seeded-random.ts";
import type { Trace } from "../trace/trace.ts";
import { changeMessageVisibility } from "./operations/change-message-visibility.ts";
import { createQueue } from "./operations/create-queue.ts";
import { deleteMessage } from "./operations/delete-message.ts";
import { getQueueAttributes } from "./operations/get-queue-attributes.ts";
import { getQueueUrl } from "./operations/get-queue-url.ts";
import { receiveMessage } from "./operations/receive-message.ts";
import { sendMessage } from "./operations/send-message.ts";
import type { SqsContext } from "./sqs-context.ts";
import type {
  ChangeMessageVisibilityRequest,
  CreateQueueRequest,
  CreateQueueResult,
  DeleteMessageRequest,
  GetQueueAttributesRequest,
  GetQueueAttributesResult,
  GetQueueUrlRequest,
  GetQueueUrlResult,
  ReceiveMessageRequest,
  ReceiveMessageResult,
  SendMessageRequest,
  SendMessageResult,
} from "./sqs-types.ts";

export type EmptyResult = Record<string, never>;

export interface SqsService {
  createQueue(input: CreateQueueRequest): Outcome<CreateQueueResult>;
  getQueueUrl(input: GetQueueUrlRequest): Outcome<GetQueueUrlResult>;
  getQueueAttributes(input: GetQueueAttributesRequest): Outcome<GetQueueAttributesResult>;
  sendMessage(input: SendMessageRequest): Outcome<SendMessageResult>;
  /** Async because of long polling (WaitTimeSeconds), which waits on the virtual clock. */
  receiveMessage(input: ReceiveMessageRequest): Promise<Outcome<ReceiveMessageResult>>;
  deleteMessage(input: DeleteMessageRequest): Outcome<EmptyResult>;
  changeMessageVisibility(input: ChangeMessageVisibilityRequest): Outcome<EmptyResult>;
}

export interface SqsServiceDeps {
  readonly clock: Clock;
  readonly random: SeededRandom;
  readonly trace: Trace;
  readonly region: string;
  readonly accountId: string;
}

export function createSqsService(deps: SqsServiceDeps): SqsService {
  const ctx: SqsContext = { ...deps, queues: new Map() };
  return {
    createQueue: (input) => createQueue(ctx, input),
    getQueueUrl: (input) => getQueueUrl(ctx, input),
    getQueueAttributes: (input) => getQueueAttributes(ctx, input),
    sendMessage: (input) => sendMessage(ctx, input),
    receiveMessage: (input) => receiveMessage(ctx, input),
    deleteMessage: (input) => deleteMessage(ctx, input),
    changeMessageVisibility: (input) => changeMessageVisibility(ctx, input),
  };
}
