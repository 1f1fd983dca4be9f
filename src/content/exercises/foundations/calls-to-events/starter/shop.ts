// The three services that must hear about every new order. In
// production each would be its own team's service behind its own
// API; here they are small fakes the tests can inspect and break.
// Each call takes 1 s (of the sandbox's virtual time).
import { currentSandbox } from "sandbox-engine";

export interface Order {
  orderId: string;
  customer: string;
  totalCents: number;
}

/** The event the order service publishes: a fact, in the past tense. */
export interface OrderPlaced {
  type: "OrderPlaced";
  order: Order;
}

export interface Service {
  readonly name: "billing" | "stock" | "email";
  /** Ids of the orders this service has handled, one entry per call. */
  readonly handled: string[];
  /** While true, every call fails, as during an outage. */
  down: boolean;
  handle(order: Order): Promise<void>;
}

export const SERVICE_CALL_MS = 1_000;

function service(name: Service["name"]): Service {
  const self: Service = {
    name,
    handled: [],
    down: false,
    async handle(order) {
      await currentSandbox().clock.sleep(SERVICE_CALL_MS);
      if (self.down) throw new Error(`${name} service unavailable (HTTP 503)`);
      self.handled.push(order.orderId);
    },
  };
  return self;
}

/** Charges the customer's card. */
export const billing = service("billing");
/** Reserves the items in the warehouse. */
export const stock = service("stock");
/** Sends the order confirmation mail. */
export const email = service("email");

export function resetShop(): void {
  for (const s of [billing, stock, email]) {
    s.handled.length = 0;
    s.down = false;
  }
}
