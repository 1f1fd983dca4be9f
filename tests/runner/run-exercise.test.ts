import { describe, expect, it } from "vitest";
import { runExerciseWith } from "../../sandbox-engine/src/runner/run-exercise.ts";
import type { ModuleMap, RunRequest } from "../../sandbox-engine/src/runner/types.ts";

/** A tiny stand-in for sandbox-engine, so these tests do not depend on the engine's behaviour. */
function standInModules(): ModuleMap {
  let current: { trace: { events: unknown[] } } | undefined;
  const listeners = new Set<(sandbox: NonNullable<typeof current>) => void>();
  const engine = {
    createSandbox: () => {
      current = { trace: { events: [{ kind: "created" }] } };
      for (const listener of listeners) listener(current);
      return current;
    },
    onSandboxCreated: (listener: (sandbox: NonNullable<typeof current>) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    currentSandbox: () => {
      if (!current) throw new Error("no sandbox yet");
      return current;
    },
  };
  class SQSClient {
    async send(command: { input: unknown }) {
      return { echoed: command.input };
    }
  }
  class SendMessageCommand {
    constructor(readonly input: unknown) {}
  }
  const sqs = { SQSClient, SendMessageCommand };
  return { "sandbox-engine": engine, "@aws-sdk/client-sqs": sqs, "sandbox-engine/aws/client-sqs": sqs };
}

const run = (files: Record<string, string>, extra: Partial<RunRequest> = {}) =>
  runExerciseWith({ files, testFiles: Object.keys(files).filter((f) => f.endsWith(".test.ts")), ...extra }, { modules: standInModules() });

describe("runExercise", () => {
  it("transpiles TypeScript with types and runs a test file that imports vitest and a relative learner module", async () => {
    // given
    const files = {
      "consumer.ts": [
        'import { SQSClient, SendMessageCommand } from "@aws-sdk/client-sqs";',
        "interface Order { id: string; total: number }",
        "const client = new SQSClient({});",
        "export async function publish(order: Order): Promise<unknown> {",
        "  return client.send(new SendMessageCommand({ MessageBody: JSON.stringify(order) }));",
        "}",
        "export default function label(o: Order): string { return `order ${o.id}`; }",
      ].join("\n"),
      "consumer.test.ts": [
        'import { describe, it, expect } from "vitest";',
        'import label, { publish } from "./consumer";',
        'import type { Sandbox } from "sandbox-engine";',
        'describe("publish", () => {',
        '  it("sends the order", async () => {',
        '    const out = (await publish({ id: "1", total: 5 })) as { echoed: { MessageBody: string } };',
        '    expect(JSON.parse(out.echoed.MessageBody)).toEqual({ id: "1", total: 5 });',
        "  });",
        '  it("labels", () => {',
        '    expect(label({ id: "7", total: 1 })).toBe("order 8");',
        "  });",
        "});",
      ].join("\n"),
    };
    // when
    const results = await run(files);
    // then: one pass and one fail give a "fail" verdict
    expect(results).toMatchObject({
      version: 3,
      status: "fail",
      tests: [
        { name: "publish > sends the order", status: "pass" },
        { name: "publish > labels", status: "fail", message: "expected 'order 7' to be 'order 8' // Object.is equality" },
      ],
      console: "",
    });
    expect(results.tests[1]!.test_code).toBe('expect(label({ id: "7", total: 1 })).toBe("order 8");');
  });

  it("reports a syntax error as file:line:column with no tests", async () => {
    const results = await run({
      "consumer.ts": "export const a = 1;\nexport const b = ;\n",
      "consumer.test.ts": 'import { it } from "vitest";\nit("x", () => {});',
    });
    expect(results).toMatchObject({ status: "error", message: "consumer.ts:2:18 Unexpected token", tests: [] });
  });

  it("names the importing file and the available modules for an unknown import", async () => {
    const results = await run({
      "consumer.ts": 'import { thing } from "lodash";\nexport const x = thing;',
      "consumer.test.ts": 'import { it } from "vitest";\nimport { x } from "./consumer";\nit("x", () => { void x; });',
    });
    expect(results.status).toBe("error");
    expect(results.message).toContain('consumer.ts: Cannot find module "lodash" imported from consumer.ts.');
    expect(results.message).toContain("Available modules: sandbox-engine, @aws-sdk/client-sqs, sandbox-engine/aws/client-sqs, vitest, ./consumer.ts, ./consumer.test.ts");
  });

  it("reports a top-level throw in a learner module as an error naming that module", async () => {
    const results = await run({
      "consumer.ts": 'export const ready = true;\nthrow new Error("config missing");',
      "consumer.test.ts": 'import { it } from "vitest";\nimport { ready } from "./consumer";\nit("x", () => { void ready; });',
    });
    expect(results).toMatchObject({ status: "error", message: "consumer.ts: config missing", tests: [] });
  });

  it("fails only the test during which a learner module throws", async () => {
    const results = await run({
      "consumer.ts": "export function handle(body: string) { return JSON.parse(body).id as string; }",
      "consumer.test.ts": [
        'import { it, expect } from "vitest";',
        'import { handle } from "./consumer";',
        'it("bad json", () => { expect(handle("{")).toBe("1"); });',
        'it("good json", () => { expect(handle(\'{"id":"1"}\')).toBe("1"); });',
      ].join("\n"),
    });
    expect(results.tests.map((t) => t.status)).toEqual(["fail", "pass"]);
    expect(results.tests[0]!.message).toMatch(/^SyntaxError: .*\n    at consumer\.ts:1$/);
  });

  it("resolves relative ids with and without extensions, index files and cycles like CommonJS", async () => {
    const results = await run({
      "lib/index.ts": 'export { twice } from "./math.js";\nexport { name } from "../a";',
      "lib/math.ts": "export const twice = (n: number) => n * 2;",
      "a.ts": 'import { fromB } from "./b";\nexport const name = "a";\nexport const viaB = () => fromB();',
      "b.ts": 'import * as a from "./a";\nexport const fromB = () => a.name + "!";',
      "data.json": '{ "limit": 3 }',
      "x.test.ts": [
        'import { it, expect } from "vitest";',
        'import { twice, name } from "./lib";',
        'import { viaB } from "./a.ts";',
        'import data from "./data.json";',
        'it("works", () => { expect([twice(2), name, viaB(), data.limit]).toEqual([4, "a", "a!", 3]); });',
      ].join("\n"),
    });
    expect(results.tests).toMatchObject([{ name: "works", status: "pass" }]);
  });

  it("makes module-map namespaces work with sucrase's interop (namespace, default and named imports)", async () => {
    const results = await run({
      "x.test.ts": [
        'import { it, expect } from "vitest";',
        'import * as vitest from "vitest";',
        'import * as sqs from "@aws-sdk/client-sqs";',
        'import { createSandbox } from "sandbox-engine";',
        'it("works", () => {',
        "  expect(typeof vitest.describe).toBe('function');",
        "  expect(typeof sqs.SQSClient).toBe('function');",
        "  createSandbox();",
        "});",
      ].join("\n"),
    });
    expect(results.status).toBe("pass");
    expect(results.tests[0]!.trace).toEqual([{ kind: "created" }]);
  });

  it("captures console output per test and for the whole run", async () => {
    const results = await run({
      "consumer.ts": 'console.log("loading");\nexport const log = (x: unknown) => console.info("got", x);',
      "consumer.test.ts": [
        'import { it } from "vitest";',
        'import { log } from "./consumer";',
        'it("a", () => { log({ id: 1, tags: ["x"] }); });',
        'it("b", () => { const o: any = { name: "loop" }; o.self = o; console.error("%s has %d", "queue", 3, o); });',
      ].join("\n"),
    });
    expect(results.tests.map((t) => t.output)).toEqual(["got { id: 1, tags: [ 'x' ] }\n", "queue has 3 { name: 'loop', self: [Circular] }\n"]);
    expect(results.console).toBe("loading\n" + results.tests.map((t) => t.output).join(""));
  });

  it("caps console output and says where it was cut", async () => {
    const results = await run(
      {
        "x.test.ts": 'import { it } from "vitest";\nit("chatty", () => { for (let i = 0; i < 10000; i++) console.log("line", i); });',
      },
      { consoleLimitBytes: 1024 },
    );
    expect(results.console.endsWith("\n… output cut at 1 KB")).toBe(true);
    expect(results.console.length).toBeLessThan(1100);
    expect(results.tests[0]!.output!.endsWith("\n… output cut at 1 KB")).toBe(true);
  });

  it("survives hostile values in console and errors", async () => {
    const results = await run({
      "x.test.ts": [
        'import { it } from "vitest";',
        "const hostile = new Proxy({}, { get() { throw new Error('trap'); }, ownKeys() { throw new Error('trap'); }, getPrototypeOf() { throw new Error('trap'); } });",
        'it("logs", () => { console.log("value:", hostile, { toString() { throw 1; } }); console.log("%s", { toString() { throw 1; } }); });',
        'it("throws", () => { throw hostile; });',
        'it("throws a string", () => { throw "plain"; });',
      ].join("\n"),
    });
    expect(results.tests.map((t) => t.status)).toEqual(["pass", "fail", "fail"]);
    expect(results.tests[0]!.output).toMatch(/^value: /);
    expect(results.tests[2]!.message).toBe("plain");
  });

  it("errors when there are no tests or a test file is missing", async () => {
    expect(await run({ "x.test.ts": 'import "vitest";' })).toMatchObject({ status: "error", message: "No tests found in x.test.ts." });
    expect(await runExerciseWith({ files: {}, testFiles: ["y.test.ts"] }, { modules: {} })).toMatchObject({
      status: "error",
      message: "Test file not found: y.test.ts",
    });
  });

  it("restores vi.spyOn spies when the run ends", async () => {
    const modules = standInModules();
    const SQSClient = (modules["@aws-sdk/client-sqs"] as { SQSClient: { prototype: { send: unknown } } }).SQSClient;
    const original = SQSClient.prototype.send;
    const results = await runExerciseWith(
      {
        files: {
          "x.test.ts": [
            'import { it, expect, vi } from "vitest";',
            'import { SQSClient } from "@aws-sdk/client-sqs";',
            'it("spies", async () => { const spy = vi.spyOn(SQSClient.prototype, "send"); await new SQSClient().send({ input: 1 } as any); expect(spy).toHaveBeenCalledOnce(); });',
          ].join("\n"),
        },
        testFiles: ["x.test.ts"],
      },
      { modules },
    );
    expect(results.status).toBe("pass");
    expect(SQSClient.prototype.send).toBe(original);
  });

  it("streams [id, event] updates while running", async () => {
    const updates: unknown[] = [];
    await runExerciseWith(
      { files: { "x.test.ts": 'import { it } from "vitest";\nit("a", () => {});' }, testFiles: ["x.test.ts"] },
      { modules: {}, onUpdate: (u) => updates.push(u) },
    );
    expect(updates).toContainEqual(["0_0", expect.objectContaining({ type: "test-end", status: "pass" })]);
  });

  it("takes a few milliseconds once warm", async () => {
    const files = {
      "consumer.ts": "export const add = (a: number, b: number): number => a + b;",
      "consumer.test.ts": [
        'import { describe, it, expect } from "vitest";',
        'import { add } from "./consumer";',
        'describe("add", () => {',
        ...Array.from({ length: 10 }, (_, i) => `  it("adds ${i}", () => { expect(add(${i}, 1)).toBe(${i + 1}); });`),
        "});",
      ].join("\n"),
    };
    for (let i = 0; i < 5; i++) await run(files);
    const start = performance.now();
    const results = await run(files);
    const elapsed = performance.now() - start;
    expect(results.status).toBe("pass");
    // Generous for CI machines; typically 1-3 ms.
    expect(elapsed).toBeLessThan(50);
  });
});
