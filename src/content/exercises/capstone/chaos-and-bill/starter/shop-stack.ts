// Provided: the whole shop of stages 1-4, deployed in one call.
import type { Sandbox } from "sandbox-engine";
import { deployConsumers } from "./consumers";
import { deployMail, type MailStack } from "./mail";
import { resetMail } from "./mail-log";
import { deployOrderApi, type OrderApi } from "./order-api";
import { createOrderQueues, type OrderQueues } from "./routing";
import { resetWarehouse } from "./warehouse";

export interface ShopStack {
  api: OrderApi;
  queues: OrderQueues;
  /** The order queues' dead-letter queues. */
  deadLetters: OrderQueues;
  mail: MailStack;
}

export async function deployShop(sb: Sandbox): Promise<ShopStack> {
  resetWarehouse();
  resetMail();
  const api = await deployOrderApi(sb);
  const queues = await createOrderQueues(api.topicArn);
  const deadLetters = await deployConsumers(sb, queues);
  const mail = await deployMail(sb, api.topicArn);
  return { api, queues, deadLetters, mail };
}
