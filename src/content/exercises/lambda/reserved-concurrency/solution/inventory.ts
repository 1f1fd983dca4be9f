// The stock database and the function in front of it.
// The database is old: it accepts at most 5 connections at once
// and refuses the 6th. Each update holds a connection for 2 s
// (virtual time, so tests run instantly).
import { currentSandbox } from "sandbox-engine";

export const DB_MAX_CONNECTIONS = 5;
export const QUERY_MS = 2_000;

/** Waits on the sandbox's virtual clock. */
export const sleep = (ms: number): Promise<void> => currentSandbox().clock.sleep(ms);

export const db = {
  stock: new Map<string, number>(),
  open: 0,
  /** The most connections open at the same time. */
  maxOpen: 0,
  /** Connections refused because 5 were already open. */
  refused: 0,
  async adjust(sku: string, delta: number): Promise<number> {
    if (db.open >= DB_MAX_CONNECTIONS) {
      db.refused++;
      throw new Error(`too many connections: the database allows ${DB_MAX_CONNECTIONS}`);
    }
    db.open++;
    db.maxOpen = Math.max(db.maxOpen, db.open);
    try {
      await sleep(QUERY_MS);
      const stock = (db.stock.get(sku) ?? 0) + delta;
      db.stock.set(sku, stock);
      return stock;
    } finally {
      db.open--;
    }
  },
};

export function resetDb(): void {
  db.stock.clear();
  db.open = 0;
  db.maxOpen = 0;
  db.refused = 0;
}

/** Handler "inventory.handler" of the function update-stock. */
export async function handler(event: { sku?: string; delta?: number }): Promise<{ sku: string; stock: number }> {
  if (!event.sku) throw new Error("sku is required");
  const stock = await db.adjust(event.sku, event.delta ?? 0);
  return { sku: event.sku, stock };
}
