import {
  SQSClient,
  CreateQueueCommand,
  GetQueueAttributesCommand,
  SetQueueAttributesCommand,
  ReceiveMessageCommand,
  StartMessageMoveTaskCommand,
} from "@aws-sdk/client-sqs";

const sqs = new SQSClient({});

export interface DeadLetter {
  messageId: string;
  body: string;
  sourceQueueArn: string;
  receiveCount: number;
}

export async function queueArn(queueUrl: string): Promise<string> {
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ["QueueArn"] }),
  );
  return Attributes.QueueArn!;
}

export async function attachDeadLetterQueue(
  queueUrl: string,
  dlqName: string,
  maxReceiveCount: number,
): Promise<string> {
  // Same type as the source: a standard queue here.
  const { QueueUrl: dlqUrl } = await sqs.send(
    new CreateQueueCommand({ QueueName: dlqName }),
  );
  await sqs.send(
    new SetQueueAttributesCommand({
      QueueUrl: queueUrl,
      Attributes: {
        RedrivePolicy: JSON.stringify({
          deadLetterTargetArn: await queueArn(dlqUrl!),
          maxReceiveCount,
        }),
      },
    }),
  );
  return dlqUrl!;
}

export async function peekDeadLetters(dlqUrl: string): Promise<DeadLetter[]> {
  const { Messages = [] } = await sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: dlqUrl,
      MaxNumberOfMessages: 10,
      // Visible again at once: looking must not hide them.
      VisibilityTimeout: 0,
      MessageSystemAttributeNames: ["DeadLetterQueueSourceArn", "ApproximateReceiveCount"],
    }),
  );
  return Messages.map((message) => ({
    messageId: message.MessageId!,
    body: message.Body ?? "",
    sourceQueueArn: message.Attributes?.DeadLetterQueueSourceArn ?? "",
    receiveCount: Number(message.Attributes?.ApproximateReceiveCount ?? "0"),
  }));
}

export async function redrive(dlqUrl: string): Promise<string> {
  const { TaskHandle } = await sqs.send(
    new StartMessageMoveTaskCommand({ SourceArn: await queueArn(dlqUrl) }),
  );
  return TaskHandle!;
}
