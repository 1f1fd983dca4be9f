/**
 * Command classes named and shaped like @aws-sdk/client-sqs's: `new SendMessageCommand(input)`
 * keeps `input`; the client runs it. Each command knows which model operation it is (behind a
 * shared symbol, so a command from another copy of this module still works).
 */
import type { Outcome } from "../core/outcome.ts";
import type { SqsService } from "../sqs/sqs-service.ts";
import type {
  CreateQueueCommandInput,
  CreateQueueCommandOutput,
  GetQueueUrlCommandInput,
  GetQueueUrlCommandOutput,
  ListQueuesCommandInput,
  ListQueuesCommandOutput,
  DeleteQueueCommandInput,
  DeleteQueueCommandOutput,
  GetQueueAttributesCommandInput,
  GetQueueAttributesCommandOutput,
  SetQueueAttributesCommandInput,
  SetQueueAttributesCommandOutput,
  TagQueueCommandInput,
  TagQueueCommandOutput,
  UntagQueueCommandInput,
  UntagQueueCommandOutput,
  ListQueueTagsCommandInput,
  ListQueueTagsCommandOutput,
  SendMessageCommandInput,
  SendMessageCommandOutput,
  SendMessageBatchCommandInput,
  SendMessageBatchCommandOutput,
  ReceiveMessageCommandInput,
  ReceiveMessageCommandOutput,
  DeleteMessageCommandInput,
  DeleteMessageCommandOutput,
  DeleteMessageBatchCommandInput,
  DeleteMessageBatchCommandOutput,
  ChangeMessageVisibilityCommandInput,
  ChangeMessageVisibilityCommandOutput,
  ChangeMessageVisibilityBatchCommandInput,
  ChangeMessageVisibilityBatchCommandOutput,
  PurgeQueueCommandInput,
  PurgeQueueCommandOutput,
  ListDeadLetterSourceQueuesCommandInput,
  ListDeadLetterSourceQueuesCommandOutput,
  StartMessageMoveTaskCommandInput,
  StartMessageMoveTaskCommandOutput,
  ListMessageMoveTasksCommandInput,
  ListMessageMoveTasksCommandOutput,
  CancelMessageMoveTaskCommandInput,
  CancelMessageMoveTaskCommandOutput,
  MetadataBearer,
} from "../sqs/sqs-types.ts";

export const executeSqsCommand: unique symbol = Symbol.for("sandbox-engine/sqs/execute") as never;

export type ResultOf<Output> = Omit<Output, "$metadata">;

export abstract class SqsCommand<Input extends object, Output extends MetadataBearer> {
  readonly input: Input;
  /** Type-only: lets `client.send(command)` infer the output type (never set at run time). */
  declare readonly __outputType?: Output;
  constructor(input: Input) {
    this.input = input;
  }
  abstract [executeSqsCommand](sqs: SqsService): Outcome<ResultOf<Output>> | Promise<Outcome<ResultOf<Output>>>;
}

export class CreateQueueCommand extends SqsCommand<CreateQueueCommandInput, CreateQueueCommandOutput> {
  [executeSqsCommand](sqs: SqsService) {
    return sqs.createQueue(this.input);
  }
}
export class GetQueueUrlCommand extends SqsCommand<GetQueueUrlCommandInput, GetQueueUrlCommandOutput> {
  [executeSqsCommand](sqs: SqsService) {
    return sqs.getQueueUrl(this.input);
  }
}
export class ListQueuesCommand extends SqsCommand<ListQueuesCommandInput, ListQueuesCommandOutput> {
  [executeSqsCommand](sqs: SqsService) {
    return sqs.listQueues(this.input);
  }
}
export class DeleteQueueCommand extends SqsCommand<DeleteQueueCommandInput, DeleteQueueCommandOutput> {
  [executeSqsCommand](sqs: SqsService) {
    return sqs.deleteQueue(this.input);
  }
}
export class GetQueueAttributesCommand extends SqsCommand<GetQueueAttributesCommandInput, GetQueueAttributesCommandOutput> {
  [executeSqsCommand](sqs: SqsService) {
    return sqs.getQueueAttributes(this.input);
  }
}
export class SetQueueAttributesCommand extends SqsCommand<SetQueueAttributesCommandInput, SetQueueAttributesCommandOutput> {
  [executeSqsCommand](sqs: SqsService) {
    return sqs.setQueueAttributes(this.input);
  }
}
export class TagQueueCommand extends SqsCommand<TagQueueCommandInput, TagQueueCommandOutput> {
  [executeSqsCommand](sqs: SqsService) {
    return sqs.tagQueue(this.input);
  }
}
export class UntagQueueCommand extends SqsCommand<UntagQueueCommandInput, UntagQueueCommandOutput> {
  [executeSqsCommand](sqs: SqsService) {
    return sqs.untagQueue(this.input);
  }
}
export class ListQueueTagsCommand extends SqsCommand<ListQueueTagsCommandInput, ListQueueTagsCommandOutput> {
  [executeSqsCommand](sqs: SqsService) {
    return sqs.listQueueTags(this.input);
  }
}
export class SendMessageCommand extends SqsCommand<SendMessageCommandInput, SendMessageCommandOutput> {
  [executeSqsCommand](sqs: SqsService) {
    return sqs.sendMessage(this.input);
  }
}
export class SendMessageBatchCommand extends SqsCommand<SendMessageBatchCommandInput, SendMessageBatchCommandOutput> {
  [executeSqsCommand](sqs: SqsService) {
    return sqs.sendMessageBatch(this.input);
  }
}
export class ReceiveMessageCommand extends SqsCommand<ReceiveMessageCommandInput, ReceiveMessageCommandOutput> {
  [executeSqsCommand](sqs: SqsService) {
    return sqs.receiveMessage(this.input);
  }
}
export class DeleteMessageCommand extends SqsCommand<DeleteMessageCommandInput, DeleteMessageCommandOutput> {
  [executeSqsCommand](sqs: SqsService) {
    return sqs.deleteMessage(this.input);
  }
}
export class DeleteMessageBatchCommand extends SqsCommand<DeleteMessageBatchCommandInput, DeleteMessageBatchCommandOutput> {
  [executeSqsCommand](sqs: SqsService) {
    return sqs.deleteMessageBatch(this.input);
  }
}
export class ChangeMessageVisibilityCommand extends SqsCommand<ChangeMessageVisibilityCommandInput, ChangeMessageVisibilityCommandOutput> {
  [executeSqsCommand](sqs: SqsService) {
    return sqs.changeMessageVisibility(this.input);
  }
}
export class ChangeMessageVisibilityBatchCommand extends SqsCommand<ChangeMessageVisibilityBatchCommandInput, ChangeMessageVisibilityBatchCommandOutput> {
  [executeSqsCommand](sqs: SqsService) {
    return sqs.changeMessageVisibilityBatch(this.input);
  }
}
export class PurgeQueueCommand extends SqsCommand<PurgeQueueCommandInput, PurgeQueueCommandOutput> {
  [executeSqsCommand](sqs: SqsService) {
    return sqs.purgeQueue(this.input);
  }
}
export class ListDeadLetterSourceQueuesCommand extends SqsCommand<ListDeadLetterSourceQueuesCommandInput, ListDeadLetterSourceQueuesCommandOutput> {
  [executeSqsCommand](sqs: SqsService) {
    return sqs.listDeadLetterSourceQueues(this.input);
  }
}
export class StartMessageMoveTaskCommand extends SqsCommand<StartMessageMoveTaskCommandInput, StartMessageMoveTaskCommandOutput> {
  [executeSqsCommand](sqs: SqsService) {
    return sqs.startMessageMoveTask(this.input);
  }
}
export class ListMessageMoveTasksCommand extends SqsCommand<ListMessageMoveTasksCommandInput, ListMessageMoveTasksCommandOutput> {
  [executeSqsCommand](sqs: SqsService) {
    return sqs.listMessageMoveTasks(this.input);
  }
}
export class CancelMessageMoveTaskCommand extends SqsCommand<CancelMessageMoveTaskCommandInput, CancelMessageMoveTaskCommandOutput> {
  [executeSqsCommand](sqs: SqsService) {
    return sqs.cancelMessageMoveTask(this.input);
  }
}
