/**
 * Command classes named and shaped like @aws-sdk/client-sqs's: `new SendMessageCommand(input)`
 * keeps `input`; the client runs it. Each command knows which model operation it is (behind a
 * shared symbol, so a command from another copy of this module still works).
 */
import type { Outcome } from "../errors/fault.ts";
import type { SqsService } from "../sqs/sqs-service.ts";
import type {
  ChangeMessageVisibilityCommandInput,
  ChangeMessageVisibilityCommandOutput,
  CreateQueueCommandInput,
  CreateQueueCommandOutput,
  DeleteMessageCommandInput,
  DeleteMessageCommandOutput,
  GetQueueAttributesCommandInput,
  GetQueueAttributesCommandOutput,
  GetQueueUrlCommandInput,
  GetQueueUrlCommandOutput,
  MetadataBearer,
  ReceiveMessageCommandInput,
  ReceiveMessageCommandOutput,
  SendMessageCommandInput,
  SendMessageCommandOutput,
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
export class GetQueueAttributesCommand extends SqsCommand<GetQueueAttributesCommandInput, GetQueueAttributesCommandOutput> {
  [executeSqsCommand](sqs: SqsService) {
    return sqs.getQueueAttributes(this.input);
  }
}
export class SendMessageCommand extends SqsCommand<SendMessageCommandInput, SendMessageCommandOutput> {
  [executeSqsCommand](sqs: SqsService) {
    return sqs.sendMessage(this.input);
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
export class ChangeMessageVisibilityCommand extends SqsCommand<
  ChangeMessageVisibilityCommandInput,
  ChangeMessageVisibilityCommandOutput
> {
  [executeSqsCommand](sqs: SqsService) {
    return sqs.changeMessageVisibility(this.input);
  }
}
