/**
 * SNS over the AWS Query protocol: `POST /` with a form body `Action=<Operation>&Version=2010-03-31&...`, answered
 * in XML; errors as `<ErrorResponse><Error><Type/><Code/><Message/>` with the query code (`NotFound`,
 * `InvalidParameter`, ...), from which the SDK picks the exception class.
 * https://docs.aws.amazon.com/sns/latest/api/CommonErrors.html
 */
import * as sns from "@aws-sdk/client-sns";
import type { Outcome } from "../../core/outcome.ts";
import type { Caller } from "../../iam/index.ts";
import { answerQuery, isQueryRequest, type QueryService } from "../../wire/query-service.ts";
import { operationTable } from "../../wire/schema-json.ts";
import type { WireContext, WireRequest, WireResponse } from "../../wire/wire-message.ts";
import type { SnsService } from "../sns-service.ts";

type Run = (service: SnsService, input: unknown, caller: Caller) => Outcome<object>;

const operations = operationTable<Run>([
  [sns.CreateTopic$, (s, i) => s.createTopic(i)],
  [sns.DeleteTopic$, (s, i, c) => s.deleteTopic(i, c)],
  [sns.ListTopics$, (s, i) => s.listTopics(i)],
  [sns.GetTopicAttributes$, (s, i, c) => s.getTopicAttributes(i, c)],
  [sns.SetTopicAttributes$, (s, i, c) => s.setTopicAttributes(i, c)],
  [sns.Subscribe$, (s, i, c) => s.subscribe(i, c)],
  [sns.ConfirmSubscription$, (s, i) => s.confirmSubscription(i)],
  [sns.Unsubscribe$, (s, i) => s.unsubscribe(i)],
  [sns.ListSubscriptions$, (s, i) => s.listSubscriptions(i)],
  [sns.ListSubscriptionsByTopic$, (s, i, c) => s.listSubscriptionsByTopic(i, c)],
  [sns.GetSubscriptionAttributes$, (s, i) => s.getSubscriptionAttributes(i)],
  [sns.SetSubscriptionAttributes$, (s, i) => s.setSubscriptionAttributes(i)],
  [sns.Publish$, (s, i, c) => s.publish(i, c)],
  [sns.PublishBatch$, (s, i, c) => s.publishBatch(i, c)],
  [sns.TagResource$, (s, i) => s.tagResource(i)],
  [sns.UntagResource$, (s, i) => s.untagResource(i)],
  [sns.ListTagsForResource$, (s, i) => s.listTagsForResource(i)],
]);

export const snsOperationNames: readonly string[] = [...operations.keys()];

const service: QueryService = {
  version: "2010-03-31",
  xmlns: "http://sns.amazonaws.com/doc/2010-03-31/",
  operations: new Map([...operations].map(([name, operation]) => [name, { ...operation, run: (input, context) => operation.run(context.sandbox.sns, input, context.caller) }])),
};

/** A form POST whose Version is SNS's API version. */
export const isSnsQueryRequest = (request: WireRequest): boolean => isQueryRequest(service, request);

export const answerSnsQuery = (request: WireRequest, context: WireContext): Promise<WireResponse> => answerQuery(service, request, context);
