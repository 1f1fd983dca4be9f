/** Publish (https://docs.aws.amazon.com/sns/latest/api/API_Publish.html). */
import { ok } from "../../core/outcome.ts";
import type { Caller } from "../../iam/index.ts";
import { authorize } from "../access.ts";
import { asParams, required } from "../params.ts";
import { publishRequests } from "../billing/sns-bill.ts";
import { commit, prepare } from "../publish.ts";
import { invalidParameter, type SnsContext } from "../sns-context.ts";
import type { SnsOutcome } from "../sns-faults.ts";
import type { PublishResponse } from "../sns-types.ts";
import { findTopic } from "../topics.ts";

export function publish(ctx: SnsContext, input: unknown, caller: Caller): SnsOutcome<PublishResponse> {
  const params = asParams(input);
  if (params["PhoneNumber"] !== undefined && params["TopicArn"] === undefined && params["TargetArn"] === undefined) {
    return invalidParameter("Invalid parameter: PhoneNumber", "The sandbox does not send SMS: publish to a topic (TopicArn).");
  }
  const arn = params["TopicArn"] !== undefined ? required(params, "TopicArn") : required(params, "TargetArn", "TopicArn or TargetArn");
  if (!arn.ok) return arn;
  const topic = findTopic(ctx, arn.value);
  if (!topic.ok) return topic;
  const allowed = authorize(ctx, topic.value, caller, "SNS:Publish");
  if (!allowed.ok) return allowed;
  const prepared = prepare(topic.value, params);
  if (!prepared.ok) return prepared;
  // The service counted the call as one request; each further 64 KB chunk is one more (sns-bill.ts).
  ctx.usage.requests += publishRequests(prepared.value.size) - 1;
  return ok(commit(ctx, topic.value, prepared.value));
}
