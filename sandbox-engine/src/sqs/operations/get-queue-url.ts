/** GetQueueUrl: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_GetQueueUrl.html */
import { ok, type Outcome } from "../sqs-outcome.ts";
import { asParams, optionalString, requiredString } from "../params.ts";
import { queueDoesNotExist, type SqsContext } from "../sqs-context.ts";
import type { GetQueueUrlResult } from "../sqs-types.ts";

export function getQueueUrl(ctx: SqsContext, input: unknown): Outcome<GetQueueUrlResult> {
  const params = asParams(input);
  const name = requiredString(params, "QueueName");
  if (!name.ok) return name;
  const owner = optionalString(params, "QueueOwnerAWSAccountId");
  if (!owner.ok) return owner;
  const queue = ctx.queues.get(name.value);
  if (queue === undefined || (owner.value !== undefined && owner.value !== ctx.accountId)) {
    return queueDoesNotExist(
      `There is no queue named "${name.value}" yet: create it with CreateQueueCommand (names are case-sensitive).`,
    );
  }
  return ok({ QueueUrl: queue.url });
}
