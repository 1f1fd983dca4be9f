import type { Connect, PreviewServer, ViteDevServer } from "vite";
import { describe, expect, it } from "vitest";
import { isolationHeadersPlugin } from "../../src/lib/vite/isolation-headers-plugin.ts";

/** The dev (`npm start`) and preview (`npm run preview`) servers isolate the Run in Node pages and no others. */
function headersFrom(hook: "configureServer" | "configurePreviewServer", url: string): Record<string, string> {
  let middleware: Connect.NextHandleFunction | undefined;
  const server = { middlewares: { use: (handler: Connect.NextHandleFunction) => (middleware = handler) } };
  const plugin = isolationHeadersPlugin();
  (plugin[hook] as (server: ViteDevServer & PreviewServer) => void)(server as unknown as ViteDevServer & PreviewServer);
  const headers: Record<string, string> = {};
  let passedOn = false;
  middleware!({ url } as Connect.IncomingMessage, { setHeader: (name: string, value: string) => (headers[name] = value) } as never, () => (passedOn = true));
  expect(passedOn).toBe(true);
  return headers;
}

describe.each(["configureServer", "configurePreviewServer"] as const)("%s", (hook) => {
  it("sends COEP require-corp and COOP same-origin on a Run in Node page", () => {
    expect(headersFrom(hook, "/run-in-node/sqs/first-consumer/")).toEqual({
      "cross-origin-embedder-policy": "require-corp",
      "cross-origin-opener-policy": "same-origin",
    });
  });

  it("leaves lesson pages as they are", () => {
    expect(headersFrom(hook, "/sqs/producers-and-consumers/")).toEqual({});
  });
});
