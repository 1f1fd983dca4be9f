import { describe, expect, it } from "vitest";
import { createConsoleCapture, formatArgs } from "../../sandbox-engine/src/runner/console-capture.ts";

describe("console capture", () => {
  it("formats like Node's util.format for strings, numbers and objects", () => {
    expect(formatArgs(["queue %s has %d messages", "orders", 3])).toBe("queue orders has 3 messages");
    expect(formatArgs(["%j", { a: 1 }])).toBe('{"a":1}');
    expect(formatArgs([{ id: 1, tags: ["x"], nested: { deep: true } }])).toBe("{ id: 1, tags: [ 'x' ], nested: { deep: true } }");
    expect(formatArgs(["text", 1, true, null, undefined])).toBe("text 1 true null undefined");
    // Maps and Sets as vitest prints them (Node would add the size: "Map(1) { ... }").
    expect(formatArgs([new Map([["k", 1]])])).toBe("Map { 'k' => 1 }");
  });

  it("prints circular structures and hostile values without throwing", () => {
    const loop: Record<string, unknown> = { name: "loop" };
    loop["self"] = loop;
    expect(formatArgs([loop])).toBe("{ name: 'loop', self: [Circular] }");
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error("trap");
        },
        ownKeys() {
          throw new Error("trap");
        },
      },
    );
    expect(() => formatArgs(["x", hostile, { toString: () => { throw new Error("no"); } }])).not.toThrow();
    expect(() => formatArgs(["%s", { toString: () => { throw new Error("no"); } }])).not.toThrow();
    expect(formatArgs(["\u0000\u001b[31mred\ud800"])).toBe("\u0000\u001b[31mred\ud800");
  });

  it("routes output to the running test and to the run, and caps both", () => {
    const { console, capture, text } = createConsoleCapture(64);
    console.log("before");
    capture.begin("0_0");
    console.warn("in test");
    console.group("group");
    console.error("indented");
    console.groupEnd();
    expect(capture.end()).toBe("in test\ngroup\n  indented\n");
    for (let i = 0; i < 20; i++) console.info("0123456789");
    const all = text();
    expect(all.startsWith("before\nin test\ngroup\n  indented\n0123456789\n")).toBe(true);
    expect(all.endsWith("\n… output cut at 64 bytes")).toBe(true);
    expect(new TextEncoder().encode(all.replace("\n… output cut at 64 bytes", "")).length).toBe(64);
  });

  it("counts the cap in UTF-8 bytes and never splits a character", () => {
    const { console, text } = createConsoleCapture(10);
    console.log("ééééééé");
    expect(text()).toBe("ééééé\n… output cut at 10 bytes");
  });
});
