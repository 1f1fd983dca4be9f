import { describe, expect, it } from "vitest";
import { channelMessage, lockDownNetwork, offlineMessage, sealGlobalChannel } from "../../sandbox-engine/src/runner/index.ts";
import { createSandbox, installSandboxFetch } from "../../sandbox-engine/src/index.ts";
import { valueOf } from "../engine/lambda-helpers.ts";

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

describe("lockDownNetwork's fetch and the sandbox's APIs", () => {
  it("answers the current sandbox's execute-api URLs through sb.apigateway, and nothing else", async () => {
    const { scope } = fakeWorkerScope();
    lockDownNetwork(scope);
    const sb = createSandbox();
    sb.lambda.createFunction({ FunctionName: "hello", handler: async () => ({ hello: "world" }) });
    const api = valueOf(sb.apigateway.v2.createApi({ Name: "hello", ProtocolType: "HTTP" }));
    valueOf(sb.lambda.addPermission({ FunctionName: "hello", StatementId: "api", Action: "lambda:InvokeFunction", Principal: "apigateway.amazonaws.com", SourceArn: `arn:aws:execute-api:us-east-1:123456789012:${api.ApiId}/*` }));
    const { IntegrationId } = valueOf(sb.apigateway.v2.createIntegration({ ApiId: api.ApiId, IntegrationType: "AWS_PROXY", IntegrationUri: "arn:aws:lambda:us-east-1:123456789012:function:hello", PayloadFormatVersion: "2.0" }));
    valueOf(sb.apigateway.v2.createRoute({ ApiId: api.ApiId, RouteKey: "GET /hello", Target: `integrations/${IntegrationId}` }));
    valueOf(sb.apigateway.v2.createStage({ ApiId: api.ApiId, StageName: "$default", AutoDeploy: true }));
    const fetch = scope["fetch"] as (input: string) => Promise<Response>;
    const response = await fetch(`${api.ApiEndpoint}/hello`);
    expect(await response.json()).toEqual({ hello: "world" });
    expect(() => fetch("https://example.com/")).toThrow(offlineMessage("fetch"));
    expect(() => fetch(`https://${api.ApiId}.execute-api.eu-west-1.amazonaws.com/hello`)).toThrow(offlineMessage("fetch"));
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

describe("installSandboxFetch (Node: the parity check, the exercise validation, a downloaded project)", () => {
  it("answers the current sandbox's execute-api URLs, passes every other URL to the fetch it wrapped, and wraps once", async () => {
    const passed: string[] = [];
    const scope = { fetch: (async (input: string | URL | Request) => (passed.push(String(input)), new Response("from the network"))) as typeof fetch };
    installSandboxFetch(scope);
    installSandboxFetch(scope);
    const sb = createSandbox();
    const api = valueOf(sb.apigateway.v2.createApi({ Name: "hello", ProtocolType: "HTTP" }));
    valueOf(sb.apigateway.v2.createStage({ ApiId: api.ApiId, StageName: "$default", AutoDeploy: true }));
    const answered = await scope.fetch(`${api.ApiEndpoint}/nothing-here`);
    expect(answered.status).toBe(404);
    expect(await answered.json()).toEqual({ message: "Not Found" });
    expect(await (await scope.fetch("https://example.com/")).text()).toBe("from the network");
    expect(passed).toEqual(["https://example.com/"]);
  });
});
