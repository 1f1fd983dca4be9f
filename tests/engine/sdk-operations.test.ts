import { describe, expect, it } from "vitest";
import { createSandbox, type Sandbox } from "sandbox-engine";
import * as sqsSdk from "sandbox-engine/aws/client-sqs";
import * as snsSdk from "sandbox-engine/aws/client-sns";
import * as lambdaSdk from "sandbox-engine/aws/client-lambda";
import { sqsOperationNames } from "../../sandbox-engine/src/sqs/wire/sqs-json-protocol.ts";
import { snsOperationNames } from "../../sandbox-engine/src/sns/wire/sns-query-protocol.ts";
import { lambdaOperationNames } from "../../sandbox-engine/src/lambda/wire/lambda-rest-protocol.ts";
import { InMemoryRequestHandler } from "../../sandbox-engine/src/wire/in-memory-request-handler.ts";
import { droppedFields } from "./sdk-fields.ts";

/**
 * One request per operation the wire layer implements, through the real SDK: the SDK deserializes every answer
 * without error, and every field the engine answered reaches the learner (a field the SDK's model does not know,
 * e.g. a misspelt name, would be dropped silently by its deserializer).
 */

type Values = Map<string, unknown>;

/** Records what each engine method answered, by operation name. */
function recordAnswers(service: object, values: Values): void {
  const methods = service as Record<string, unknown>;
  for (const name of Object.keys(methods)) {
    const method = methods[name];
    if (typeof method !== "function") continue;
    const operation = name[0]!.toUpperCase() + name.slice(1);
    methods[name] = (...args: unknown[]) => {
      const result = (method as (...a: unknown[]) => unknown).apply(service, args);
      const keep = (outcome: unknown) => {
        const value = (outcome as { ok?: boolean; value?: unknown }).ok ? (outcome as { value: unknown }).value : undefined;
        if (value !== undefined) values.set(operation, value);
        return outcome;
      };
      return result instanceof Promise ? result.then(keep) : keep(result);
    };
  }
}


interface Exchange {
  operation: string;
  output: object;
}

async function check(sent: Exchange[], values: Values, operation: string, call: Promise<object>): Promise<Record<string, unknown>> {
  const output = (await call) as Record<string, unknown>;
  sent.push({ operation, output });
  expect(output.$metadata, operation).toMatchObject({ attempts: 1 });
  const engine =
    operation === "GetFunctionConfiguration" ? (values.get("GetFunction") as { Configuration?: unknown })?.Configuration
    : operation === "CreateFunction" ? values.get("DeployFunction")
    : values.get(operation);
  const { $metadata: _, ...sdkFields } = output;
  expect(droppedFields(engine, sdkFields), `${operation}: engine fields the SDK did not deliver`).toEqual([]);
  return output;
}

describe("every implemented operation through the real SDK", () => {
  it("SQS (AWS JSON 1.0)", async () => {
    const sb = createSandbox();
    const values: Values = new Map();
    recordAnswers(sb.sqs, values);
    const sent: Exchange[] = [];
    const c = new sqsSdk.SQSClient({});
    const run = (operation: string, command: object) => check(sent, values, operation, c.send(command as never));
    const { QueueUrl: dlqUrl } = await run("CreateQueue", new sqsSdk.CreateQueueCommand({ QueueName: "dlq" }));
    const { QueueUrl } = await run("CreateQueue", new sqsSdk.CreateQueueCommand({ QueueName: "orders", tags: { team: "a" } }));
    const url = QueueUrl as string;
    await run("GetQueueUrl", new sqsSdk.GetQueueUrlCommand({ QueueName: "orders" }));
    await run("ListQueues", new sqsSdk.ListQueuesCommand({}));
    const dlqArn = "arn:aws:sqs:us-east-1:123456789012:dlq";
    await run("SetQueueAttributes", new sqsSdk.SetQueueAttributesCommand({ QueueUrl: url, Attributes: { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 1 }) } }));
    await run("GetQueueAttributes", new sqsSdk.GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ["All"] }));
    await run("TagQueue", new sqsSdk.TagQueueCommand({ QueueUrl: url, Tags: { env: "dev" } }));
    await run("UntagQueue", new sqsSdk.UntagQueueCommand({ QueueUrl: url, TagKeys: ["env"] }));
    await run("ListQueueTags", new sqsSdk.ListQueueTagsCommand({ QueueUrl: url }));
    await run("SendMessage", new sqsSdk.SendMessageCommand({ QueueUrl: url, MessageBody: "one", MessageAttributes: { bin: { DataType: "Binary", BinaryValue: new Uint8Array([1, 2, 3]) }, s: { DataType: "String", StringValue: "v" } }, MessageSystemAttributes: { AWSTraceHeader: { DataType: "String", StringValue: "Root=1-5759e988-bd862e3fe1be46a994272793" } } }));
    await run("SendMessageBatch", new sqsSdk.SendMessageBatchCommand({ QueueUrl: url, Entries: [{ Id: "a", MessageBody: "two" }, { Id: "b", MessageBody: "three" }] }));
    const received = await run("ReceiveMessage", new sqsSdk.ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 3, MessageAttributeNames: ["All"], MessageSystemAttributeNames: ["All"] }));
    const messages = received.Messages as sqsSdk.Message[];
    expect(messages[0]!.MessageAttributes?.bin?.BinaryValue).toEqual(new Uint8Array([1, 2, 3]));
    await run("ChangeMessageVisibility", new sqsSdk.ChangeMessageVisibilityCommand({ QueueUrl: url, ReceiptHandle: messages[0]!.ReceiptHandle, VisibilityTimeout: 0 }));
    await run("ChangeMessageVisibilityBatch", new sqsSdk.ChangeMessageVisibilityBatchCommand({ QueueUrl: url, Entries: [{ Id: "x", ReceiptHandle: messages[1]!.ReceiptHandle, VisibilityTimeout: 10 }, { Id: "bad", ReceiptHandle: "nope", VisibilityTimeout: 10 }] }));
    await run("DeleteMessage", new sqsSdk.DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: messages[2]!.ReceiptHandle }));
    await run("DeleteMessageBatch", new sqsSdk.DeleteMessageBatchCommand({ QueueUrl: url, Entries: [{ Id: "x", ReceiptHandle: messages[1]!.ReceiptHandle }] }));
    await run("ListDeadLetterSourceQueues", new sqsSdk.ListDeadLetterSourceQueuesCommand({ QueueUrl: dlqUrl as string }));
    await sb.clock.advance(1_000);
    await c.send(new sqsSdk.ReceiveMessageCommand({ QueueUrl: url }));
    await c.send(new sqsSdk.ReceiveMessageCommand({ QueueUrl: url })); // over maxReceiveCount: to the DLQ
    const { TaskHandle } = await run("StartMessageMoveTask", new sqsSdk.StartMessageMoveTaskCommand({ SourceArn: dlqArn }));
    await run("ListMessageMoveTasks", new sqsSdk.ListMessageMoveTasksCommand({ SourceArn: dlqArn }));
    await run("CancelMessageMoveTask", new sqsSdk.CancelMessageMoveTaskCommand({ TaskHandle: TaskHandle as string }));
    await run("PurgeQueue", new sqsSdk.PurgeQueueCommand({ QueueUrl: url }));
    await run("DeleteQueue", new sqsSdk.DeleteQueueCommand({ QueueUrl: url }));
    expect([...new Set(sent.map((exchange) => exchange.operation))].sort()).toEqual([...sqsOperationNames].sort());
  });

  it("SNS (AWS Query, XML answers)", async () => {
    const sb = createSandbox();
    const values: Values = new Map();
    recordAnswers(sb.sns, values);
    const sent: Exchange[] = [];
    const c = new snsSdk.SNSClient({});
    const run = (operation: string, command: object) => check(sent, values, operation, c.send(command as never));
    const policy = { Statement: [{ Effect: "Allow", Principal: { Service: "sns.amazonaws.com" }, Action: "sqs:SendMessage", Resource: "*" }] };
    const queue = sb.sqs.createQueue({ QueueName: "inbox", Attributes: { Policy: JSON.stringify(policy) } });
    if (!queue.ok) throw new Error(queue.fault.message);
    const { TopicArn } = await run("CreateTopic", new snsSdk.CreateTopicCommand({ Name: "orders", Attributes: { DisplayName: "Orders" }, Tags: [{ Key: "team", Value: "a" }] }));
    const topicArn = TopicArn as string;
    await run("ListTopics", new snsSdk.ListTopicsCommand({}));
    await run("SetTopicAttributes", new snsSdk.SetTopicAttributesCommand({ TopicArn: topicArn, AttributeName: "DisplayName", AttributeValue: "Orders!" }));
    await run("GetTopicAttributes", new snsSdk.GetTopicAttributesCommand({ TopicArn: topicArn }));
    const { SubscriptionArn } = await run("Subscribe", new snsSdk.SubscribeCommand({ TopicArn: topicArn, Protocol: "sqs", Endpoint: "arn:aws:sqs:us-east-1:123456789012:inbox", Attributes: { RawMessageDelivery: "true", FilterPolicy: JSON.stringify({ kind: ["order"] }) }, ReturnSubscriptionArn: true }));
    const subscriptionArn = SubscriptionArn as string;
    const http = await c.send(new snsSdk.SubscribeCommand({ TopicArn: topicArn, Protocol: "email", Endpoint: "ana@example.com" }));
    expect(http.SubscriptionArn).toBe("pending confirmation");
    const link = /https:\/\/sns\.\S*Action=ConfirmSubscription\S*/.exec(sb.world.mailbox("ana@example.com")[0]!.text)![0];
    const token = new URL(link).searchParams.get("Token")!;
    await run("ConfirmSubscription", new snsSdk.ConfirmSubscriptionCommand({ TopicArn: topicArn, Token: token }));
    await run("ListSubscriptions", new snsSdk.ListSubscriptionsCommand({}));
    await run("ListSubscriptionsByTopic", new snsSdk.ListSubscriptionsByTopicCommand({ TopicArn: topicArn }));
    await run("SetSubscriptionAttributes", new snsSdk.SetSubscriptionAttributesCommand({ SubscriptionArn: subscriptionArn, AttributeName: "RawMessageDelivery", AttributeValue: "false" }));
    await run("GetSubscriptionAttributes", new snsSdk.GetSubscriptionAttributesCommand({ SubscriptionArn: subscriptionArn }));
    await run("Publish", new snsSdk.PublishCommand({ TopicArn: topicArn, Message: "hi", Subject: "s", MessageAttributes: { kind: { DataType: "String", StringValue: "order" }, sizes: { DataType: "String.Array", StringValue: '["s","m"]' }, raw: { DataType: "Binary", BinaryValue: new Uint8Array([9]) } } }));
    await run("PublishBatch", new snsSdk.PublishBatchCommand({ TopicArn: topicArn, PublishBatchRequestEntries: [{ Id: "1", Message: "a" }, { Id: "2", Message: "b" }] }));
    await run("TagResource", new snsSdk.TagResourceCommand({ ResourceArn: topicArn, Tags: [{ Key: "env", Value: "dev" }] }));
    await run("UntagResource", new snsSdk.UntagResourceCommand({ ResourceArn: topicArn, TagKeys: ["env"] }));
    const tags = await run("ListTagsForResource", new snsSdk.ListTagsForResourceCommand({ ResourceArn: topicArn }));
    expect(tags.Tags).toEqual([{ Key: "team", Value: "a" }]);
    await run("Unsubscribe", new snsSdk.UnsubscribeCommand({ SubscriptionArn: subscriptionArn }));
    await run("DeleteTopic", new snsSdk.DeleteTopicCommand({ TopicArn: topicArn }));
    const delivered = await sb.sqs.receiveMessage({ QueueUrl: queue.value.QueueUrl!, MessageAttributeNames: ["All"] });
    expect(delivered.ok && JSON.parse(delivered.value.Messages![0]!.Body!)).toMatchObject({ Message: "hi", Subject: "s", MessageAttributes: { kind: { Type: "String", Value: "order" } } });
    expect([...new Set(sent.map((exchange) => exchange.operation))].sort()).toEqual([...snsOperationNames].sort());
  });

  it("Lambda (REST-JSON)", async () => {
    const sb: Sandbox = createSandbox();
    const values: Values = new Map();
    recordAnswers(sb.lambda, values);
    const sent: Exchange[] = [];
    const c = new lambdaSdk.LambdaClient({});
    const run = (operation: string, command: object) => check(sent, values, operation, c.send(command as never));
    // CreateFunction needs a host that loads a .zip (npm run endpoint); here one that answers the same handler.
    const deploying = new lambdaSdk.LambdaClient({
      requestHandler: new InMemoryRequestHandler({ host: { loadFunctionCode: async () => async (event: unknown) => ({ event }) } }),
    });
    const created = await check(sent, values, "CreateFunction", deploying.send(new lambdaSdk.CreateFunctionCommand({
      FunctionName: "worker", Runtime: "nodejs22.x", Role: "arn:aws:iam::123456789012:role/worker", Handler: "index.handler",
      Code: { ZipFile: new Uint8Array([0x50, 0x4b, 0x05, 0x06]) }, Environment: { Variables: { MODE: "test" } },
    })));
    expect(created).toMatchObject({ FunctionName: "worker", Runtime: "nodejs22.x", Handler: "index.handler", $metadata: { httpStatusCode: 201 } });
    sb.sqs.createQueue({ QueueName: "jobs" });
    const invoked = await run("Invoke", new lambdaSdk.InvokeCommand({ FunctionName: "worker", Payload: JSON.stringify({ a: 1 }), LogType: "Tail" }));
    expect(invoked).toMatchObject({ StatusCode: 200, ExecutedVersion: "$LATEST" });
    await run("GetFunction", new lambdaSdk.GetFunctionCommand({ FunctionName: "worker" }));
    await run("GetFunctionConfiguration", new lambdaSdk.GetFunctionConfigurationCommand({ FunctionName: "worker" }));
    await run("ListFunctions", new lambdaSdk.ListFunctionsCommand({}));
    await run("UpdateFunctionConfiguration", new lambdaSdk.UpdateFunctionConfigurationCommand({ FunctionName: "worker", Timeout: 30 }));
    await run("PutFunctionConcurrency", new lambdaSdk.PutFunctionConcurrencyCommand({ FunctionName: "worker", ReservedConcurrentExecutions: 5 }));
    await run("GetFunctionConcurrency", new lambdaSdk.GetFunctionConcurrencyCommand({ FunctionName: "worker" }));
    await run("DeleteFunctionConcurrency", new lambdaSdk.DeleteFunctionConcurrencyCommand({ FunctionName: "worker" }));
    await run("PutFunctionEventInvokeConfig", new lambdaSdk.PutFunctionEventInvokeConfigCommand({ FunctionName: "worker", MaximumRetryAttempts: 1, DestinationConfig: { OnFailure: { Destination: "arn:aws:sqs:us-east-1:123456789012:jobs" } } }));
    await run("GetFunctionEventInvokeConfig", new lambdaSdk.GetFunctionEventInvokeConfigCommand({ FunctionName: "worker" }));
    await run("DeleteFunctionEventInvokeConfig", new lambdaSdk.DeleteFunctionEventInvokeConfigCommand({ FunctionName: "worker" }));
    const { UUID } = await run("CreateEventSourceMapping", new lambdaSdk.CreateEventSourceMappingCommand({ FunctionName: "worker", EventSourceArn: "arn:aws:sqs:us-east-1:123456789012:jobs", BatchSize: 5 }));
    await sb.clock.advance(1_000);
    await run("GetEventSourceMapping", new lambdaSdk.GetEventSourceMappingCommand({ UUID: UUID as string }));
    await run("ListEventSourceMappings", new lambdaSdk.ListEventSourceMappingsCommand({ FunctionName: "worker" }));
    await run("UpdateEventSourceMapping", new lambdaSdk.UpdateEventSourceMappingCommand({ UUID: UUID as string, BatchSize: 2 }));
    await sb.clock.advance(1_000);
    await run("DeleteEventSourceMapping", new lambdaSdk.DeleteEventSourceMappingCommand({ UUID: UUID as string }));
    await run("AddPermission", new lambdaSdk.AddPermissionCommand({ FunctionName: "worker", StatementId: "from-sns", Action: "lambda:InvokeFunction", Principal: "sns.amazonaws.com", SourceArn: "arn:aws:sns:us-east-1:123456789012:orders" }));
    const policy = await run("GetPolicy", new lambdaSdk.GetPolicyCommand({ FunctionName: "worker" }));
    expect(JSON.parse(policy.Policy as string).Statement[0]).toMatchObject({ Sid: "from-sns", Principal: { Service: "sns.amazonaws.com" } });
    await run("RemovePermission", new lambdaSdk.RemovePermissionCommand({ FunctionName: "worker", StatementId: "from-sns" }));
    await run("DeleteFunction", new lambdaSdk.DeleteFunctionCommand({ FunctionName: "worker" }));
    expect([...new Set(sent.map((exchange) => exchange.operation))].sort()).toEqual([...lambdaOperationNames].sort());
  });
});
