// The consumer's database. In a real service this would be a
// table (DynamoDB, Postgres...) where "remember this event id" and
// "apply the change" happen in one transaction or conditional write.

export interface Store {
  /** Loyalty points per customer id. */
  points: Map<string, number>;
  /** Ids of the events already applied. */
  processedEventIds: Set<string>;
  /** Latest shipping address per customer, with the version it came from. */
  addresses: Map<string, { address: string; version: number }>;
}

export function createStore(): Store {
  return { points: new Map(), processedEventIds: new Set(), addresses: new Map() };
}

/** The events producers send, as JSON message bodies. */
export type CustomerEvent =
  | { type: "points-earned"; eventId: string; customerId: string; points: number }
  | { type: "address-changed"; eventId: string; customerId: string; address: string; version: number };
