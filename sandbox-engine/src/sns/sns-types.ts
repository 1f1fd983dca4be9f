/**
 * Input and output shapes of the SNS API, named as in the AWS SDK for JavaScript v3
 * (@aws-sdk/client-sns), so learner code type-checks the same against the sandbox.
 */
import type { MetadataBearer } from "../core/metadata.ts";

export type { MetadataBearer };

export interface Tag {
  Key: string | undefined;
  Value: string | undefined;
}

export interface MessageAttributeValue {
  /** "String", "String.Array", "Number" or "Binary". */
  DataType: string | undefined;
  StringValue?: string | undefined;
  BinaryValue?: Uint8Array | undefined;
}

export interface CreateTopicInput {
  Name: string | undefined;
  Attributes?: Record<string, string> | undefined;
  Tags?: Tag[] | undefined;
  DataProtectionPolicy?: string | undefined;
}
export interface CreateTopicResponse {
  TopicArn?: string | undefined;
}
export interface DeleteTopicInput {
  TopicArn: string | undefined;
}
export interface ListTopicsInput {
  NextToken?: string | undefined;
}
export interface Topic {
  TopicArn?: string | undefined;
}
export interface ListTopicsResponse {
  Topics?: Topic[] | undefined;
  NextToken?: string | undefined;
}
export interface GetTopicAttributesInput {
  TopicArn: string | undefined;
}
export interface GetTopicAttributesResponse {
  Attributes?: Record<string, string> | undefined;
}
export interface SetTopicAttributesInput {
  TopicArn: string | undefined;
  AttributeName: string | undefined;
  AttributeValue?: string | undefined;
}

export interface SubscribeInput {
  TopicArn: string | undefined;
  Protocol: string | undefined;
  Endpoint?: string | undefined;
  Attributes?: Record<string, string> | undefined;
  ReturnSubscriptionArn?: boolean | undefined;
}
export interface SubscribeResponse {
  SubscriptionArn?: string | undefined;
}
export interface ConfirmSubscriptionInput {
  TopicArn: string | undefined;
  Token: string | undefined;
  AuthenticateOnUnsubscribe?: string | undefined;
}
export interface ConfirmSubscriptionResponse {
  SubscriptionArn?: string | undefined;
}
export interface UnsubscribeInput {
  SubscriptionArn: string | undefined;
}
export interface Subscription {
  SubscriptionArn?: string | undefined;
  Owner?: string | undefined;
  Protocol?: string | undefined;
  Endpoint?: string | undefined;
  TopicArn?: string | undefined;
}
export interface ListSubscriptionsInput {
  NextToken?: string | undefined;
}
export interface ListSubscriptionsResponse {
  Subscriptions?: Subscription[] | undefined;
  NextToken?: string | undefined;
}
export interface ListSubscriptionsByTopicInput {
  TopicArn: string | undefined;
  NextToken?: string | undefined;
}
export type ListSubscriptionsByTopicResponse = ListSubscriptionsResponse;
export interface GetSubscriptionAttributesInput {
  SubscriptionArn: string | undefined;
}
export interface GetSubscriptionAttributesResponse {
  Attributes?: Record<string, string> | undefined;
}
export interface SetSubscriptionAttributesInput {
  SubscriptionArn: string | undefined;
  AttributeName: string | undefined;
  AttributeValue?: string | undefined;
}

export interface PublishInput {
  TopicArn?: string | undefined;
  TargetArn?: string | undefined;
  PhoneNumber?: string | undefined;
  Message: string | undefined;
  Subject?: string | undefined;
  MessageStructure?: string | undefined;
  MessageAttributes?: Record<string, MessageAttributeValue> | undefined;
  MessageDeduplicationId?: string | undefined;
  MessageGroupId?: string | undefined;
}
export interface PublishResponse {
  MessageId?: string | undefined;
  SequenceNumber?: string | undefined;
}
export interface PublishBatchRequestEntry {
  Id: string | undefined;
  Message: string | undefined;
  Subject?: string | undefined;
  MessageStructure?: string | undefined;
  MessageAttributes?: Record<string, MessageAttributeValue> | undefined;
  MessageDeduplicationId?: string | undefined;
  MessageGroupId?: string | undefined;
}
export interface PublishBatchInput {
  TopicArn: string | undefined;
  PublishBatchRequestEntries: PublishBatchRequestEntry[] | undefined;
}
export interface PublishBatchResultEntry {
  Id?: string | undefined;
  MessageId?: string | undefined;
  SequenceNumber?: string | undefined;
}
export interface BatchResultErrorEntry {
  Id: string | undefined;
  Code: string | undefined;
  Message?: string | undefined;
  SenderFault: boolean | undefined;
}
export interface PublishBatchResponse {
  Successful?: PublishBatchResultEntry[] | undefined;
  Failed?: BatchResultErrorEntry[] | undefined;
}

export interface TagResourceInput {
  ResourceArn: string | undefined;
  Tags: Tag[] | undefined;
}
export interface UntagResourceInput {
  ResourceArn: string | undefined;
  TagKeys: string[] | undefined;
}
export interface ListTagsForResourceInput {
  ResourceArn: string | undefined;
}
export interface ListTagsForResourceResponse {
  Tags?: Tag[] | undefined;
}

type Out<T> = T & MetadataBearer;
export type CreateTopicCommandInput = CreateTopicInput;
export type CreateTopicCommandOutput = Out<CreateTopicResponse>;
export type DeleteTopicCommandInput = DeleteTopicInput;
export type DeleteTopicCommandOutput = Out<object>;
export type ListTopicsCommandInput = ListTopicsInput;
export type ListTopicsCommandOutput = Out<ListTopicsResponse>;
export type GetTopicAttributesCommandInput = GetTopicAttributesInput;
export type GetTopicAttributesCommandOutput = Out<GetTopicAttributesResponse>;
export type SetTopicAttributesCommandInput = SetTopicAttributesInput;
export type SetTopicAttributesCommandOutput = Out<object>;
export type SubscribeCommandInput = SubscribeInput;
export type SubscribeCommandOutput = Out<SubscribeResponse>;
export type ConfirmSubscriptionCommandInput = ConfirmSubscriptionInput;
export type ConfirmSubscriptionCommandOutput = Out<ConfirmSubscriptionResponse>;
export type UnsubscribeCommandInput = UnsubscribeInput;
export type UnsubscribeCommandOutput = Out<object>;
export type ListSubscriptionsCommandInput = ListSubscriptionsInput;
export type ListSubscriptionsCommandOutput = Out<ListSubscriptionsResponse>;
export type ListSubscriptionsByTopicCommandInput = ListSubscriptionsByTopicInput;
export type ListSubscriptionsByTopicCommandOutput = Out<ListSubscriptionsByTopicResponse>;
export type GetSubscriptionAttributesCommandInput = GetSubscriptionAttributesInput;
export type GetSubscriptionAttributesCommandOutput = Out<GetSubscriptionAttributesResponse>;
export type SetSubscriptionAttributesCommandInput = SetSubscriptionAttributesInput;
export type SetSubscriptionAttributesCommandOutput = Out<object>;
export type PublishCommandInput = PublishInput;
export type PublishCommandOutput = Out<PublishResponse>;
export type PublishBatchCommandInput = PublishBatchInput;
export type PublishBatchCommandOutput = Out<PublishBatchResponse>;
export type TagResourceCommandInput = TagResourceInput;
export type TagResourceCommandOutput = Out<object>;
export type UntagResourceCommandInput = UntagResourceInput;
export type UntagResourceCommandOutput = Out<object>;
export type ListTagsForResourceCommandInput = ListTagsForResourceInput;
export type ListTagsForResourceCommandOutput = Out<ListTagsForResourceResponse>;
