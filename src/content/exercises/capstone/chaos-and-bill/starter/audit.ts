// Provided: what the chaos tests check after a run, in one place.
import type { Sandbox } from "sandbox-engine";
import { drain } from "./inspect";
import type { Order } from "./shop";
import type { ShopStack } from "./shop-stack";
import { warehouse } from "./warehouse";

export interface RunAudit {
  /** Accepted orders neither fulfilled nor waiting in an order dead-letter queue. */
  lost: string[];
  /** Orders the warehouse fulfilled more than once, as "o-3 x2". */
  fulfilledTwice: string[];
  /** Orders whose customer got more than one confirmation, as "o-3 x2". */
  mailedTwice: string[];
  /** Accepted orders with no confirmation, no bounce and no place in the mail dead-letter queue. */
  unconfirmed: string[];
}

/** Reads the run's outcome. Empties the dead-letter queues (it reads them), so take any report first. */
export async function auditRun(sb: Sandbox, stack: ShopStack, accepted: Order[], bounced: readonly string[]): Promise<RunAudit> {
  const parkedIds = async (queueUrl: string) => (await drain(queueUrl)).map((message) => (JSON.parse(message.body) as Order).orderId);
  const parked = new Set([
    ...(await parkedIds(stack.deadLetters.express)),
    ...(await parkedIds(stack.deadLetters.standard)),
    ...(await parkedIds(stack.deadLetters.fraudReview)),
  ]);
  const mailParked = new Set(await parkedIds(stack.mail.deadLetters));
  const fulfilments = new Map<string, number>();
  for (const f of warehouse.fulfilments) fulfilments.set(f.orderId, (fulfilments.get(f.orderId) ?? 0) + 1);
  const mailsFor = (o: Order) => sb.world.mailbox(o.email).filter((mail) => mail.subject === `Your order ${o.orderId}`).length;
  const bouncing = new Set(bounced.map((address) => address.toLowerCase()));
  return {
    lost: accepted.filter((o) => !fulfilments.has(o.orderId) && !parked.has(o.orderId)).map((o) => o.orderId),
    fulfilledTwice: [...fulfilments].filter(([, n]) => n > 1).map(([id, n]) => `${id} x${n}`),
    mailedTwice: accepted.filter((o) => mailsFor(o) > 1).map((o) => `${o.orderId} x${mailsFor(o)}`),
    unconfirmed: accepted
      .filter((o) => mailsFor(o) === 0 && !bouncing.has(o.email.toLowerCase()) && !mailParked.has(o.orderId))
      .map((o) => o.orderId),
  };
}
