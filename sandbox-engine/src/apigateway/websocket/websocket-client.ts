/**
 * The client end of a simulated WebSocket connection (what `sb.apigateway.connect` returns): `send(text, options?)`,
 * `await next()` (the next message from the server not read yet), `messages` (every message received, oldest
 * first), `close(code?, reason?)` and `closed`. Waiting in `next()` is a clock waiter, so with auto-advance the
 * virtual clock moves on until a message arrives or the connection ends (the 10-minute idle timeout at the latest).
 * Every `send` is one WebSocket frame, as in the `ws` package: `send(part, { fin: false })` sends a fragment of a
 * message that a later `send(last)` (fin defaults to true) completes. API Gateway takes frames of at most 32 KB and
 * messages of at most 128 KB, so a message over 32 KB must go in fragments. Messages from the server arrive whole,
 * however API Gateway framed them.
 */
import type { Clock } from "../../clock/virtual-clock.ts";
import { WEBSOCKET_MAX_DURATION_MS } from "../apigateway-limits.ts";
import type { ClientEnd, CloseReason } from "./websocket-connection.ts";

export interface WebSocketClient {
  /** The connection id API Gateway gave this client (what `$connect` saw in `requestContext.connectionId`). */
  readonly connectionId: string;
  /** Every message the server sent, oldest first. */
  readonly messages: readonly string[];
  /** Whether the connection is still open. */
  readonly isOpen: boolean;
  /**
   * Sends a text frame: a whole message, or with `fin: false` a fragment of one. Resolves when API Gateway has
   * handled it (for the last frame of a message: its route's integration answered).
   */
  send(message: string, options?: SendOptions): Promise<void>;
  /** The next message not read yet; rejects when the connection ends before one arrives. */
  next(): Promise<string>;
  /** Closes the connection (default code 1000); resolves after `$disconnect` ran. */
  close(code?: number, reason?: string): Promise<void>;
  /** Resolves with the close code and reason when the connection ends, from either side. */
  readonly closed: Promise<CloseReason>;
}

/** How a frame is sent (the `ws` package's option of the same name). */
export interface SendOptions {
  /** Whether this frame ends the message (default true); false sends a fragment, continued by the next send. */
  readonly fin?: boolean;
}

/** What the client asks of the gateway. */
export interface GatewayEnd {
  /** One frame; `fin` says whether it ends its message. */
  send(frame: string, fin: boolean): Promise<void>;
  close(close: CloseReason): Promise<void>;
}

export interface Inbox {
  readonly end: ClientEnd;
  client(connectionId: string, gateway: GatewayEnd): WebSocketClient;
}

export function createInbox(clock: Clock): Inbox {
  const messages: string[] = [];
  const wakers = new Set<() => void>();
  let read = 0;
  let ended: CloseReason | undefined;
  let resolveClosed: (close: CloseReason) => void = () => {};
  const closed = new Promise<CloseReason>((resolve) => {
    resolveClosed = resolve;
  });
  const wakeAll = (): void => {
    for (const wake of [...wakers]) wake();
  };
  const end: ClientEnd = {
    receive(message) {
      if (ended !== undefined) return;
      messages.push(message);
      wakeAll();
    },
    ended(close) {
      if (ended !== undefined) return;
      ended = close;
      resolveClosed(close);
      wakeAll();
    },
  };
  return {
    end,
    client(connectionId, gateway) {
      return {
        connectionId,
        messages,
        get isOpen() {
          return ended === undefined;
        },
        async send(message, options = {}) {
          if (typeof message !== "string") throw new TypeError("send takes a string: the simulated WebSocket client sends text messages only");
          if (options.fin !== undefined && typeof options.fin !== "boolean") throw new TypeError("send's fin option is true (the last frame of a message, the default) or false (a fragment)");
          if (ended !== undefined) throw new Error(`the WebSocket connection ${connectionId} is closed (code ${ended.code}); connect again to send`);
          await gateway.send(message, options.fin ?? true);
        },
        async next() {
          for (;;) {
            if (read < messages.length) return messages[read++]!;
            if (ended !== undefined) {
              throw new Error(`the WebSocket connection ended (code ${ended.code}${ended.reason === "" ? "" : `, ${ended.reason}`}) before another message arrived`);
            }
            const waiter = clock.waitUntil(clock.now() + WEBSOCKET_MAX_DURATION_MS);
            wakers.add(waiter.wake);
            try {
              await waiter.done;
            } finally {
              wakers.delete(waiter.wake);
            }
          }
        },
        async close(code = 1000, reason = "") {
          if (ended !== undefined) return;
          if (!Number.isInteger(code) || (code !== 1000 && (code < 3000 || code > 4999))) {
            throw new RangeError(`close code ${String(code)}: a client may close with 1000 or a code from 3000 to 4999 (RFC 6455, 7.4)`);
          }
          await gateway.close({ code, reason });
        },
        closed,
      };
    },
  };
}
