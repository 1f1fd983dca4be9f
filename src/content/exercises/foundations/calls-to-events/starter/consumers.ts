// The consumers: one Lambda function per service, each fed by its
// own SQS queue through an event source mapping. Lambda polls the
// queue, calls the handler with a batch of messages, and deletes
// them when the handler returns. When the handler throws, the
// messages stay in the queue and come back after the queue's
// visibility timeout (30 s): that is the retry.
import { billing, email, stock, type OrderPlaced, type Service } from "./shop";

/** The event Lambda passes for a batch of SQS messages (as in @types/aws-lambda). */
export interface SQSEvent {
  Records: { messageId: string; body: string }[];
}

function consumerFor(service: Service) {
  return async (event: SQSEvent): Promise<void> => {
    for (const record of event.Records) {
      const event = JSON.parse(record.body) as OrderPlaced;
      if (event.type !== "OrderPlaced" || typeof event.order?.orderId !== "string") {
        throw new Error(`${service.name}: message ${record.messageId} is not an OrderPlaced event: ${record.body}`);
      }
      await service.handle(event.order); // throws while the service is down
    }
  };
}

export const billingHandler = consumerFor(billing);
export const stockHandler = consumerFor(stock);
export const emailHandler = consumerFor(email);
