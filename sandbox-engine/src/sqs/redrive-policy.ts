/**
 * RedrivePolicy and RedriveAllowPolicy: parsing the JSON strings, and checking a policy against the
 * queues that exist. Rules: AWS-FACTS B.3 items 24-27,
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html
 */
import { fail, ok, type Outcome } from "./sqs-outcome.ts";
import { isPlainRecord } from "./params.ts";
import type { RedriveAllowPolicy, RedrivePolicy } from "./queue.ts";
import type { SqsContext } from "./sqs-context.ts";
import { MAX_RECEIVE_COUNT, REDRIVE_ALLOW_MAX_SOURCE_QUEUES } from "./sqs-limits.ts";

function invalidPolicy(name: string, value: string, reason: string) {
  return fail("InvalidParameterValue", `Value ${value} for parameter ${name} is invalid. Reason: ${reason}`);
}

const SQS_ARN = /^arn:aws:sqs:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,75}(\.fifo)?$/;

function parseJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/**
 * "" removes the policy (null). Texts are LocalStack's (LS-SQS-IMPL); AWS's wording is UNVERIFIED:
 * the LocalStack snapshots recorded against AWS hold no RedrivePolicy error, and the
 * SetQueueAttributes API reference and the dead-letter-queue guide describe the fields, not the errors.
 */
export function parseRedrivePolicy(value: string): Outcome<RedrivePolicy | null> {
  if (value === "") return ok(null);
  const json = parseJson(value);
  if (!isPlainRecord(json)) {
    return invalidPolicy("RedrivePolicy", value, "Redrive policy is not a dict or valid json.");
  }
  for (const key of ["deadLetterTargetArn", "maxReceiveCount"]) {
    if (json[key] === undefined) {
      return invalidPolicy("RedrivePolicy", value, `Redrive policy does not contain mandatory attribute: ${key}.`);
    }
  }
  const arn = json["deadLetterTargetArn"];
  if (typeof arn !== "string" || !SQS_ARN.test(arn)) {
    return invalidPolicy(
      "RedrivePolicy",
      value,
      "Invalid value for deadLetterTargetArn: use the QueueArn of the dead-letter queue (GetQueueAttributes, AttributeNames [\"QueueArn\"]).",
    );
  }
  const rawCount = json["maxReceiveCount"];
  const count = typeof rawCount === "number" ? rawCount : typeof rawCount === "string" && /^\d+$/.test(rawCount) ? Number(rawCount) : NaN;
  if (!Number.isInteger(count) || count < MAX_RECEIVE_COUNT.min || count > MAX_RECEIVE_COUNT.max) {
    // AWS-FACTS B.3 item 24 (LocalStack's text).
    return invalidPolicy(
      "RedrivePolicy",
      value,
      `Invalid value for maxReceiveCount: ${String(rawCount)}, valid values are from 1 to 1000 both inclusive.`,
    );
  }
  return ok({ deadLetterTargetArn: arn, maxReceiveCount: count });
}

/** allowAll (default), denyAll, or byQueue with 1 to 10 source queue ARNs (AWS-FACTS B.3 item 27). */
export function parseRedriveAllowPolicy(value: string): Outcome<RedriveAllowPolicy | null> {
  if (value === "") return ok(null);
  const json = parseJson(value);
  if (!isPlainRecord(json)) {
    return invalidPolicy("RedriveAllowPolicy", value, "Redrive allow policy is not a dict or valid json.");
  }
  const permission = json["redrivePermission"];
  if (permission !== "allowAll" && permission !== "denyAll" && permission !== "byQueue") {
    return invalidPolicy("RedriveAllowPolicy", value, 'redrivePermission must be "allowAll", "denyAll" or "byQueue".');
  }
  const arns = json["sourceQueueArns"];
  if (permission !== "byQueue") {
    if (arns !== undefined && !(Array.isArray(arns) && arns.length === 0)) {
      return invalidPolicy("RedriveAllowPolicy", value, 'sourceQueueArns can only be given with redrivePermission "byQueue".');
    }
    return ok({ redrivePermission: permission, sourceQueueArns: [] });
  }
  if (
    !Array.isArray(arns) ||
    arns.length < 1 ||
    arns.length > REDRIVE_ALLOW_MAX_SOURCE_QUEUES ||
    !arns.every((arn): arn is string => typeof arn === "string" && SQS_ARN.test(arn))
  ) {
    return invalidPolicy(
      "RedriveAllowPolicy",
      value,
      `redrivePermission "byQueue" needs sourceQueueArns: a list of 1 to ${REDRIVE_ALLOW_MAX_SOURCE_QUEUES} queue ARNs.`,
    );
  }
  return ok({ redrivePermission: permission, sourceQueueArns: [...arns] });
}

/**
 * A RedrivePolicy is valid only if the dead-letter queue exists, has the same type as the source
 * (FIFO <-> FIFO, standard <-> standard) and its RedriveAllowPolicy lets the source in
 * (AWS-FACTS B.3 items 25 and 27). Wording UNVERIFIED: searched the LocalStack snapshots recorded
 * against AWS (none records these errors), the dead-letter-queue guide (states the rules only) and
 * moto (its own texts, e.g. InvalidParameterCombination, not recorded from AWS).
 */
export function checkRedriveTarget(
  ctx: SqsContext,
  source: { readonly arn: string; readonly fifo: boolean },
  policy: RedrivePolicy,
  raw: string,
): Outcome<true> {
  const dlq = ctx.queuesByArn.get(policy.deadLetterTargetArn);
  if (dlq === undefined) {
    return fail(
      "InvalidParameterValue",
      `Value ${raw} for parameter RedrivePolicy is invalid. Reason: Dead letter target does not exist.`,
      { hint: "Create the dead-letter queue first (SQS does not create it), then use its QueueArn." },
    );
  }
  if (dlq.fifo !== source.fifo) {
    return fail(
      "InvalidParameterValue",
      `Value ${raw} for parameter RedrivePolicy is invalid. Reason: Dead-letter queue must be same type of queue as the source.`,
      {
        hint: source.fifo
          ? "A FIFO queue needs a FIFO dead-letter queue (a name ending in .fifo)."
          : "A standard queue needs a standard dead-letter queue.",
      },
    );
  }
  const allow = dlq.redriveAllowPolicy;
  if (
    allow !== undefined &&
    (allow.redrivePermission === "denyAll" ||
      (allow.redrivePermission === "byQueue" && !allow.sourceQueueArns.includes(source.arn)))
  ) {
    return fail(
      "InvalidParameterValue",
      `Value ${raw} for parameter RedrivePolicy is invalid. Reason: Queue ${dlq.arn} does not allow this queue as a dead-letter source.`,
      { hint: `Change the RedriveAllowPolicy of ${dlq.name} to allow ${source.arn}.` },
    );
  }
  return ok(true);
}
