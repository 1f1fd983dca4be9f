/**
 * SQS over the AWS JSON 1.0 protocol, as the SDK speaks it today: `POST /` with `X-Amz-Target: AmazonSQS.<Operation>`
 * and a JSON body; answers are JSON. SQS is "query compatible": an error also carries the old query-protocol code and
 * its type in `x-amzn-query-error: <Code>;<Sender|Receiver>`, which the SDK uses to pick the exception class and to
 * fill `Code`/`Type` (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-json-faqs.html).
 */
import * as sqs from "@aws-sdk/client-sqs";
import type { Fault, Outcome } from "../../core/outcome.ts";
import { faultStatus, faultType } from "../../wire/error-kind.ts";
import { operationTable, readJson, writeJson } from "../../wire/schema-json.ts";
import { utf8, type WireContext, type WireRequest, type WireResponse } from "../../wire/wire-message.ts";
import type { SqsService } from "../sqs-service.ts";

type Run = (service: SqsService, input: never) => Outcome<object> | Promise<Outcome<object>>;

/** Each simulated operation: the SDK's schema for it and the engine method that answers it. */
const operations = operationTable<Run>([
    [sqs.CreateQueue$, (s, i) => s.createQueue(i)],
    [sqs.GetQueueUrl$, (s, i) => s.getQueueUrl(i)],
    [sqs.ListQueues$, (s, i) => s.listQueues(i)],
    [sqs.DeleteQueue$, (s, i) => s.deleteQueue(i)],
    [sqs.GetQueueAttributes$, (s, i) => s.getQueueAttributes(i)],
    [sqs.SetQueueAttributes$, (s, i) => s.setQueueAttributes(i)],
    [sqs.TagQueue$, (s, i) => s.tagQueue(i)],
    [sqs.UntagQueue$, (s, i) => s.untagQueue(i)],
    [sqs.ListQueueTags$, (s, i) => s.listQueueTags(i)],
    [sqs.SendMessage$, (s, i) => s.sendMessage(i)],
    [sqs.SendMessageBatch$, (s, i) => s.sendMessageBatch(i)],
    [sqs.ReceiveMessage$, (s, i) => s.receiveMessage(i)],
    [sqs.DeleteMessage$, (s, i) => s.deleteMessage(i)],
    [sqs.DeleteMessageBatch$, (s, i) => s.deleteMessageBatch(i)],
    [sqs.ChangeMessageVisibility$, (s, i) => s.changeMessageVisibility(i)],
    [sqs.ChangeMessageVisibilityBatch$, (s, i) => s.changeMessageVisibilityBatch(i)],
    [sqs.PurgeQueue$, (s, i) => s.purgeQueue(i)],
    [sqs.ListDeadLetterSourceQueues$, (s, i) => s.listDeadLetterSourceQueues(i)],
    [sqs.StartMessageMoveTask$, (s, i) => s.startMessageMoveTask(i)],
    [sqs.ListMessageMoveTasks$, (s, i) => s.listMessageMoveTasks(i)],
    [sqs.CancelMessageMoveTask$, (s, i) => s.cancelMessageMoveTask(i)],
  ]);

/** The operations this adapter answers (for tests and docs). */
export const sqsOperationNames: readonly string[] = [...operations.keys()];

/** True for requests the SDK addresses to SQS's JSON protocol. */
export function isSqsJsonRequest(request: WireRequest): boolean {
  return request.headers["x-amz-target"]?.startsWith("AmazonSQS.") ?? false;
}

export async function answerSqsJson(request: WireRequest, context: WireContext): Promise<WireResponse> {
  const name = request.headers["x-amz-target"]!.slice("AmazonSQS.".length);
  const operation = operations.get(name);
  if (operation === undefined) {
    return sqsError(context, { code: "InvalidAction", message: `The action ${name} is not valid for this endpoint: the sandbox does not simulate it.` });
  }
  const input = await readJson(operation.input, request.body);
  const outcome = await operation.run(context.sandbox.sqs, input as never);
  if (!outcome.ok) return sqsError(context, outcome.fault);
  return {
    statusCode: 200,
    headers: { "content-type": "application/x-amz-json-1.0", "x-amzn-requestid": context.requestId },
    body: writeJson(operation.output, outcome.value),
  };
}

function sqsError(context: WireContext, fault: Fault): WireResponse {
  // `hint` is the sandbox's advice for learners (not an AWS field); the SDK copies unknown body fields onto the error.
  const body = { __type: `com.amazonaws.sqs#${fault.code}`, message: fault.message, ...(fault.hint === undefined ? {} : { hint: fault.hint }) };
  return {
    statusCode: faultStatus(fault),
    headers: {
      "content-type": "application/x-amz-json-1.0",
      "x-amzn-requestid": context.requestId,
      "x-amzn-query-error": `${fault.queryCode ?? fault.code};${faultType(fault)}`,
    },
    body: utf8.encode(JSON.stringify(body)),
  };
}
