/**
 * SNS over the AWS Query protocol: `POST /` with a form body `Action=<Operation>&Version=2010-03-31&...`, answered
 * in XML; errors as `<ErrorResponse><Error><Type/><Code/><Message/>` with the query code (`NotFound`,
 * `InvalidParameter`, ...), from which the SDK picks the exception class.
 * https://docs.aws.amazon.com/sns/latest/api/CommonErrors.html
 */
import * as sns from "@aws-sdk/client-sns";
import type { Fault, Outcome } from "../../core/outcome.ts";
import type { Caller } from "../../iam/index.ts";
import { faultStatus, faultType } from "../../wire/error-kind.ts";
import { parseForm, readQueryInput } from "../../wire/query-form.ts";
import { queryErrorXml, queryResponseXml } from "../../wire/query-xml.ts";
import { operationTable } from "../../wire/schema-json.ts";
import type { WireContext, WireRequest, WireResponse } from "../../wire/wire-message.ts";
import type { SnsService } from "../sns-service.ts";

const XMLNS = "http://sns.amazonaws.com/doc/2010-03-31/";
const VERSION = "2010-03-31";

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

/** A form POST whose Version is SNS's API version. */
export function isSnsQueryRequest(request: WireRequest): boolean {
  return (
    request.method === "POST" &&
    (request.headers["content-type"]?.startsWith("application/x-www-form-urlencoded") ?? false) &&
    parseForm(request.body).get("Version") === VERSION
  );
}

export async function answerSnsQuery(request: WireRequest, context: WireContext): Promise<WireResponse> {
  const params = parseForm(request.body);
  const action = params.get("Action") ?? "";
  const operation = operations.get(action);
  if (operation === undefined) {
    return snsError(context, { code: "InvalidAction", message: `The action ${action} is not valid for this endpoint: the sandbox does not simulate it.` });
  }
  const outcome = operation.run(context.sandbox.sns, readQueryInput(operation.input, params), context.caller);
  // Let deliveries this call started (HTTP handlers, Lambda) begin before the caller goes on, as on AWS.
  await Promise.resolve();
  if (!outcome.ok) return snsError(context, outcome.fault);
  return {
    statusCode: 200,
    headers: { "content-type": "text/xml", "x-amzn-requestid": context.requestId },
    body: queryResponseXml(action, operation.output, outcome.value, context.requestId, XMLNS),
  };
}

function snsError(context: WireContext, fault: Fault): WireResponse {
  return {
    statusCode: faultStatus(fault),
    headers: { "content-type": "text/xml", "x-amzn-requestid": context.requestId },
    body: queryErrorXml({ type: faultType(fault), code: fault.queryCode ?? fault.code, message: fault.message }, context.requestId, XMLNS),
  };
}
