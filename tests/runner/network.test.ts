import { describe, expect, it } from "vitest";
import { channelMessage, lockDownNetwork, offlineMessage, sealGlobalChannel } from "../../sandbox-engine/src/runner/index.ts";

/** A stand-in for a WorkerGlobalScope: APIs on a prototype, as in browsers. */
function fakeWorkerScope() {
  const proto = {
    fetch: async () => "network!",
    XMLHttpRequest: class {},
    WebSocket: class {},
    EventSource: class {},
    importScripts: () => undefined,
    get indexedDB() {
      return { open: () => "db" };
    },
  };
  const scope = Object.create(proto) as Record<string, unknown>;
  scope["navigator"] = { sendBeacon: () => true, userAgent: "test" };
  scope["setTimeout"] = setTimeout;
  return { scope, proto };
}

describe("lockDownNetwork", () => {
  it("makes fetch, XHR, WebSocket, EventSource, importScripts and sendBeacon throw a clear offline error", async () => {
    // given
    const { scope } = fakeWorkerScope();
    // when
    lockDownNetwork(scope);
    // then
    const call = (name: string) => () => (scope[name] as () => unknown)();
    expect(call("fetch")).toThrow(
      "EventLab exercises run offline: fetch is not available in the sandbox. Use the simulated services instead.",
    );
    expect(() => new (scope["XMLHttpRequest"] as new () => unknown)()).toThrow(offlineMessage("XMLHttpRequest"));
    expect(() => new (scope["WebSocket"] as new (url: string) => unknown)("wss://x")).toThrow(offlineMessage("WebSocket"));
    expect(() => new (scope["EventSource"] as new (url: string) => unknown)("/x")).toThrow(offlineMessage("EventSource"));
    expect(call("importScripts")).toThrow(offlineMessage("importScripts"));
    expect(() => (scope["navigator"] as { sendBeacon(): unknown }).sendBeacon()).toThrow(offlineMessage("navigator.sendBeacon"));
    expect(() => scope["indexedDB"]).toThrow(offlineMessage("indexedDB"));
    expect(scope["setTimeout"]).toBe(setTimeout);
  });

  it("also replaces them on the prototype chain and cannot be undone by assignment", () => {
    const { scope, proto } = fakeWorkerScope();
    lockDownNetwork(scope);
    expect(() => proto.fetch()).toThrow(offlineMessage("fetch"));
    expect(() => {
      "use strict";
      scope["fetch"] = async () => "back online";
    }).toThrow(TypeError);
    expect(() => delete scope["fetch"]).toThrow(TypeError);
  });

  it("leaves a scope without those APIs alone", () => {
    const scope: Record<string, unknown> = { answer: 42 };
    lockDownNetwork(scope);
    expect(scope).toEqual({ answer: 42 });
  });
});

describe("sealGlobalChannel", () => {
  it("leaves learner code no way to post on, listen to or close the Worker's own channel", () => {
    // given a scope whose channel lives on its prototype, as DedicatedWorkerGlobalScope's does
    const sent: unknown[] = [];
    const proto = {
      postMessage: (message: unknown) => sent.push(message),
      close: () => sent.push("closed"),
      onmessage: null as unknown,
    };
    const scope = Object.create(proto) as Record<string, unknown>;
    // when
    sealGlobalChannel(scope);
    // then
    const forged = { type: "result", runId: 1, status: "pass", tests: [] };
    expect(() => (scope["postMessage"] as (m: unknown) => void)(forged)).toThrow(channelMessage("postMessage"));
    expect(() => (proto.postMessage as (m: unknown) => void)(forged)).toThrow(channelMessage("postMessage"));
    expect(() => (scope["close"] as () => void)()).toThrow(channelMessage("close"));
    expect(() => {
      scope["onmessage"] = () => undefined;
    }).toThrow(channelMessage("onmessage"));
    expect(() => Object.defineProperty(scope, "postMessage", { value: (m: unknown) => sent.push(m) })).toThrow(TypeError);
    expect(sent).toEqual([]);
  });
});
