/**
 * The sandbox's stand-in for "@aws-sdk/client-sns" (exercises alias that module id to this one;
 * also importable as "sandbox-engine/aws/client-sns"). Same export names as the real package.
 */
export { SNSClient, type SNSClientConfig } from "./sns-client.ts";
export {
  CreateTopicCommand,
  DeleteTopicCommand,
  ListTopicsCommand,
  GetTopicAttributesCommand,
  SetTopicAttributesCommand,
  SubscribeCommand,
  ConfirmSubscriptionCommand,
  UnsubscribeCommand,
  ListSubscriptionsCommand,
  ListSubscriptionsByTopicCommand,
  GetSubscriptionAttributesCommand,
  SetSubscriptionAttributesCommand,
  PublishCommand,
  PublishBatchCommand,
  TagResourceCommand,
  UntagResourceCommand,
  ListTagsForResourceCommand,
} from "./sns-commands.ts";
export {
  AuthorizationErrorException,
  BatchEntryIdsNotDistinctException,
  BatchRequestTooLongException,
  EmptyBatchRequestException,
  FilterPolicyLimitExceededException,
  InternalErrorException,
  InvalidBatchEntryIdException,
  InvalidParameterException,
  InvalidParameterValueException,
  NotFoundException,
  ResourceNotFoundException,
  SNSServiceException,
  SubscriptionLimitExceededException,
  TagLimitExceededException,
  ThrottledException,
  TooManyEntriesInBatchRequestException,
  TopicLimitExceededException,
} from "./sns-exceptions.ts";
export type * from "../sns/sns-types.ts";
