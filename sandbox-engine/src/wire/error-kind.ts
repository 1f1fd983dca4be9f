import type { Fault } from "../core/outcome.ts";

/** The HTTP status of a fault: its own, else 400 for the caller's mistakes and 500 for the service's. */
export function faultStatus(fault: Fault): number {
  return fault.httpStatusCode ?? (fault.fault === "server" ? 500 : 400);
}

/** AWS's error `Type` in query-protocol errors: "Sender" (the request was wrong) or "Receiver" (the service failed). */
export function faultType(fault: Fault): "Sender" | "Receiver" {
  return fault.fault === "server" || faultStatus(fault) >= 500 ? "Receiver" : "Sender";
}
