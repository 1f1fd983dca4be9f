import {
  SQSClient,
  CreateQueueCommand,
  GetQueueAttributesCommand,
  SetQueueAttributesCommand,
  ReceiveMessageCommand,
  StartMessageMoveTaskCommand,
} from "@aws-sdk/client-sqs";

const sqs = new SQSClient({});

/** What an operator sees about a message in the dead-letter queue. */
export interface DeadLetter {
  messageId: string;
  body: string;
  /** The ARN of the queue the message was moved from. */
  sourceQueueArn: string;
  /** How many times it was received from the dead-letter queue (1 on a first look). */
  receiveCount: number;
}

/** A queue's ARN: RedrivePolicy and StartMessageMoveTask name queues by ARN, not URL. */
export async function queueArn(queueUrl: string): Promise<string> {
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ["QueueArn"] }),
  );
  return Attributes.QueueArn!;
}

/**
 * Creates a dead-letter queue named `dlqName` and attaches it to
 * the queue at `queueUrl`: after `maxReceiveCount` receives without
 * a delete, SQS moves a message there. Returns the DLQ's URL.
 */
export async function attachDeadLetterQueue(
  queueUrl: string,
  dlqName: string,
  maxReceiveCount: number,
): Promise<string> {
  const { QueueUrl: dlqUrl } = await sqs.send(
    new CreateQueueCommand({ QueueName: dlqName }),
  );
  // TODO 1: set the source queue's RedrivePolicy with
  //   SetQueueAttributesCommand. Its value is a JSON string:
  //   JSON.stringify({ deadLetterTargetArn: <the DLQ's ARN>,
  //   maxReceiveCount }). Use queueArn() for the ARN.
  return dlqUrl!;
}

/**
 * Looks at up to 10 messages in the dead-letter queue WITHOUT
 * taking them away: they must stay visible, so that a redrive can
 * move them back afterwards.
 */
export async function peekDeadLetters(dlqUrl: string): Promise<DeadLetter[]> {
  // TODO 2: receive up to 10 messages with VisibilityTimeout: 0
  //   (so they stay visible) and MessageSystemAttributeNames:
  //   ["DeadLetterQueueSourceArn", "ApproximateReceiveCount"].
  //   Map each to a DeadLetter (attribute values are strings).
  return [];
}

/**
 * Starts moving every message in the dead-letter queue back to
 * the queue it came from. Returns the move task's handle.
 */
export async function redrive(dlqUrl: string): Promise<string> {
  // TODO 3: StartMessageMoveTaskCommand({ SourceArn: <the DLQ's
  //   ARN> }). Without a DestinationArn, each message goes back to
  //   its source queue. Return the TaskHandle.
  return "";
}
