/**
 * Command classes named and shaped like @aws-sdk/client-sns's: `new PublishCommand(input)` keeps
 * `input`; the client runs it against the sandbox's SNS model (as `caller`, for topic policies).
 */
import type { Outcome } from "../core/outcome.ts";
import type { Caller } from "../iam/index.ts";
import type { SnsService } from "../sns/sns-service.ts";
import type {
  CreateTopicCommandInput,
  CreateTopicCommandOutput,
  DeleteTopicCommandInput,
  DeleteTopicCommandOutput,
  ListTopicsCommandInput,
  ListTopicsCommandOutput,
  GetTopicAttributesCommandInput,
  GetTopicAttributesCommandOutput,
  SetTopicAttributesCommandInput,
  SetTopicAttributesCommandOutput,
  SubscribeCommandInput,
  SubscribeCommandOutput,
  ConfirmSubscriptionCommandInput,
  ConfirmSubscriptionCommandOutput,
  UnsubscribeCommandInput,
  UnsubscribeCommandOutput,
  ListSubscriptionsCommandInput,
  ListSubscriptionsCommandOutput,
  ListSubscriptionsByTopicCommandInput,
  ListSubscriptionsByTopicCommandOutput,
  GetSubscriptionAttributesCommandInput,
  GetSubscriptionAttributesCommandOutput,
  SetSubscriptionAttributesCommandInput,
  SetSubscriptionAttributesCommandOutput,
  PublishCommandInput,
  PublishCommandOutput,
  PublishBatchCommandInput,
  PublishBatchCommandOutput,
  TagResourceCommandInput,
  TagResourceCommandOutput,
  UntagResourceCommandInput,
  UntagResourceCommandOutput,
  ListTagsForResourceCommandInput,
  ListTagsForResourceCommandOutput,
  MetadataBearer,
} from "../sns/sns-types.ts";

export const executeSnsCommand: unique symbol = Symbol.for("sandbox-engine/sns/execute") as never;

export type ResultOf<Output> = Omit<Output, "$metadata">;

export abstract class SnsCommand<Input extends object, Output extends MetadataBearer> {
  readonly input: Input;
  /** Type-only: lets `client.send(command)` infer the output type. */
  declare readonly __outputType?: Output;
  constructor(input: Input) {
    this.input = input;
  }
  abstract [executeSnsCommand](sns: SnsService, caller: Caller): Outcome<ResultOf<Output>>;
}

export class CreateTopicCommand extends SnsCommand<CreateTopicCommandInput, CreateTopicCommandOutput> {
  [executeSnsCommand](sns: SnsService, _caller: Caller) {
    return sns.createTopic(this.input) as Outcome<ResultOf<CreateTopicCommandOutput>>;
  }
}
export class DeleteTopicCommand extends SnsCommand<DeleteTopicCommandInput, DeleteTopicCommandOutput> {
  [executeSnsCommand](sns: SnsService, caller: Caller) {
    return sns.deleteTopic(this.input, caller) as Outcome<ResultOf<DeleteTopicCommandOutput>>;
  }
}
export class ListTopicsCommand extends SnsCommand<ListTopicsCommandInput, ListTopicsCommandOutput> {
  [executeSnsCommand](sns: SnsService, _caller: Caller) {
    return sns.listTopics(this.input) as Outcome<ResultOf<ListTopicsCommandOutput>>;
  }
}
export class GetTopicAttributesCommand extends SnsCommand<GetTopicAttributesCommandInput, GetTopicAttributesCommandOutput> {
  [executeSnsCommand](sns: SnsService, caller: Caller) {
    return sns.getTopicAttributes(this.input, caller) as Outcome<ResultOf<GetTopicAttributesCommandOutput>>;
  }
}
export class SetTopicAttributesCommand extends SnsCommand<SetTopicAttributesCommandInput, SetTopicAttributesCommandOutput> {
  [executeSnsCommand](sns: SnsService, caller: Caller) {
    return sns.setTopicAttributes(this.input, caller) as Outcome<ResultOf<SetTopicAttributesCommandOutput>>;
  }
}
export class SubscribeCommand extends SnsCommand<SubscribeCommandInput, SubscribeCommandOutput> {
  [executeSnsCommand](sns: SnsService, caller: Caller) {
    return sns.subscribe(this.input, caller) as Outcome<ResultOf<SubscribeCommandOutput>>;
  }
}
export class ConfirmSubscriptionCommand extends SnsCommand<ConfirmSubscriptionCommandInput, ConfirmSubscriptionCommandOutput> {
  [executeSnsCommand](sns: SnsService, _caller: Caller) {
    return sns.confirmSubscription(this.input) as Outcome<ResultOf<ConfirmSubscriptionCommandOutput>>;
  }
}
export class UnsubscribeCommand extends SnsCommand<UnsubscribeCommandInput, UnsubscribeCommandOutput> {
  [executeSnsCommand](sns: SnsService, _caller: Caller) {
    return sns.unsubscribe(this.input) as Outcome<ResultOf<UnsubscribeCommandOutput>>;
  }
}
export class ListSubscriptionsCommand extends SnsCommand<ListSubscriptionsCommandInput, ListSubscriptionsCommandOutput> {
  [executeSnsCommand](sns: SnsService, _caller: Caller) {
    return sns.listSubscriptions(this.input) as Outcome<ResultOf<ListSubscriptionsCommandOutput>>;
  }
}
export class ListSubscriptionsByTopicCommand extends SnsCommand<ListSubscriptionsByTopicCommandInput, ListSubscriptionsByTopicCommandOutput> {
  [executeSnsCommand](sns: SnsService, caller: Caller) {
    return sns.listSubscriptionsByTopic(this.input, caller) as Outcome<ResultOf<ListSubscriptionsByTopicCommandOutput>>;
  }
}
export class GetSubscriptionAttributesCommand extends SnsCommand<GetSubscriptionAttributesCommandInput, GetSubscriptionAttributesCommandOutput> {
  [executeSnsCommand](sns: SnsService, _caller: Caller) {
    return sns.getSubscriptionAttributes(this.input) as Outcome<ResultOf<GetSubscriptionAttributesCommandOutput>>;
  }
}
export class SetSubscriptionAttributesCommand extends SnsCommand<SetSubscriptionAttributesCommandInput, SetSubscriptionAttributesCommandOutput> {
  [executeSnsCommand](sns: SnsService, _caller: Caller) {
    return sns.setSubscriptionAttributes(this.input) as Outcome<ResultOf<SetSubscriptionAttributesCommandOutput>>;
  }
}
export class PublishCommand extends SnsCommand<PublishCommandInput, PublishCommandOutput> {
  [executeSnsCommand](sns: SnsService, caller: Caller) {
    return sns.publish(this.input, caller) as Outcome<ResultOf<PublishCommandOutput>>;
  }
}
export class PublishBatchCommand extends SnsCommand<PublishBatchCommandInput, PublishBatchCommandOutput> {
  [executeSnsCommand](sns: SnsService, caller: Caller) {
    return sns.publishBatch(this.input, caller) as Outcome<ResultOf<PublishBatchCommandOutput>>;
  }
}
export class TagResourceCommand extends SnsCommand<TagResourceCommandInput, TagResourceCommandOutput> {
  [executeSnsCommand](sns: SnsService, _caller: Caller) {
    return sns.tagResource(this.input) as Outcome<ResultOf<TagResourceCommandOutput>>;
  }
}
export class UntagResourceCommand extends SnsCommand<UntagResourceCommandInput, UntagResourceCommandOutput> {
  [executeSnsCommand](sns: SnsService, _caller: Caller) {
    return sns.untagResource(this.input) as Outcome<ResultOf<UntagResourceCommandOutput>>;
  }
}
export class ListTagsForResourceCommand extends SnsCommand<ListTagsForResourceCommandInput, ListTagsForResourceCommandOutput> {
  [executeSnsCommand](sns: SnsService, _caller: Caller) {
    return sns.listTagsForResource(this.input) as Outcome<ResultOf<ListTagsForResourceCommandOutput>>;
  }
}
