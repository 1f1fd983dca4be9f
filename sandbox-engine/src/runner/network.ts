/**
 * Cut a Worker off from the network and from the page's storage (DESIGN.md, "Runner and
 * isolation"). The Worker entry calls this once, before any learner code is evaluated; the
 * runner itself does not, so Node (CI) keeps its fetch.
 *
 * Each name is replaced on the scope and on every prototype that defines it (a learner could
 * otherwise reach `WorkerGlobalScope.prototype.fetch`), as a non-writable, non-configurable
 * value that throws whether called or constructed. One exception: `fetch` still answers the current
 * sandbox's API Gateway URLs (../sandbox-fetch.ts), which never leave the Worker.
 */
import { answerSandboxFetch } from "../sandbox-fetch.ts";

const NETWORK = ["fetch", "XMLHttpRequest", "WebSocket", "WebSocketStream", "EventSource", "WebTransport", "importScripts"];
/** Not network, but ways out of the sandbox to the site's storage or other contexts. */
const ESCAPES = ["BroadcastChannel", "Worker", "SharedWorker"];
/** Storage objects: reading them throws, since there is nothing to call. */
const STORAGE = ["indexedDB", "caches", "cookieStore"];

export function offlineMessage(name: string): string {
  return `EventLab exercises run offline: ${name} is not available in the sandbox. Use the simulated services instead.`;
}

export function lockDownNetwork(scope: object = globalThis): void {
  for (const name of [...NETWORK, ...ESCAPES]) block(scope, name, offlineMessage(name), "value");
  for (const name of STORAGE) block(scope, name, offlineMessage(name), "getter");
  const navigator = (scope as { navigator?: object }).navigator;
  if (navigator) block(navigator, "sendBeacon", offlineMessage("navigator.sendBeacon"), "value");
}

/** What learner code reads when it tries the Worker's own message channel. */
export function channelMessage(name: string): string {
  return `${name} is not available in the sandbox: the test runner reports the results itself, over a channel of its own.`;
}

/**
 * Closes the Worker's own message channel to learner code (issue 16: results cannot be forged). The runner talks
 * to its frame over a MessagePort it received before any learner module loaded; after this, `postMessage`,
 * `onmessage`/`onmessageerror` and `close` (which would end the Worker without a verdict) throw when used, and
 * cannot be redefined.
 */
export function sealGlobalChannel(scope: object = globalThis): void {
  for (const name of ["postMessage", "close"]) block(scope, name, channelMessage(name), "value");
  for (const name of ["onmessage", "onmessageerror"]) block(scope, name, channelMessage(name), "accessor");
}

function block(target: object, name: string, message: string, as: "value" | "getter" | "accessor"): void {
  if (!(name in target)) return;
  const blocked =
    name === "fetch"
      ? function fetch(input?: unknown, init?: unknown): Promise<Response> {
          const answered = answerSandboxFetch(input, init);
          if (answered === undefined) throw new Error(message);
          return answered;
        }
      : function blocked(): never {
          throw new Error(message);
        };
  const descriptor: PropertyDescriptor =
    as === "value"
      ? { value: blocked, writable: false, configurable: false, enumerable: false }
      : { get: blocked, ...(as === "accessor" ? { set: blocked } : {}), configurable: false, enumerable: false };
  for (let o: object | null = target; o; o = Object.getPrototypeOf(o)) {
    if (!Object.prototype.hasOwnProperty.call(o, name) && o !== target) continue;
    try {
      Object.defineProperty(o, name, descriptor);
    } catch {
      // Already non-configurable: overwrite the value if that is still allowed.
      try {
        (o as Record<string, unknown>)[name] = blocked;
      } catch {
        // Nothing more can be done from script; the Worker's CSP is the second line of defence.
      }
    }
  }
}
