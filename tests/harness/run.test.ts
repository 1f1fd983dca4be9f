import { describe, expect, it } from "vitest";
import { runSuite } from "./helpers.ts";

describe("run", () => {
  it("calls hooks in vitest's order (stack): before outer->inner, after inner->outer, cleanups last", async () => {
    // given the hook layout whose order was recorded from vitest 5.1 itself
    const log: string[] = [];
    const { outcome } = await runSuite(({ describe, it, beforeAll, afterAll, beforeEach, afterEach }) => {
      beforeAll(() => void log.push("ba-root"));
      afterAll(() => void log.push("aa-root"));
      beforeEach(() => {
        log.push("be-root1");
        return () => log.push("be-root1-cleanup");
      });
      beforeEach(() => void log.push("be-root2"));
      afterEach(() => void log.push("ae-root1"));
      afterEach(() => void log.push("ae-root2"));
      it("top", () => void log.push("top"));
      describe("outer", () => {
        beforeAll(() => void log.push("ba-outer"));
        afterAll(() => void log.push("aa-outer"));
        beforeEach(() => void log.push("be-outer"));
        afterEach(() => void log.push("ae-outer"));
        describe("inner", () => {
          beforeEach(() => void log.push("be-inner"));
          afterEach(() => void log.push("ae-inner"));
          it("deep", () => void log.push("deep"));
        });
      });
      describe("be fails", () => {
        beforeEach(() => {
          throw new Error("be broke");
        });
        afterEach(() => void log.push("ae-after-be-fail"));
        it("b", () => void log.push("b-body"));
      });
    });
    // then
    expect(log).toEqual([
      "ba-root",
      "be-root1", "be-root2", "top", "ae-root2", "ae-root1", "be-root1-cleanup",
      "ba-outer",
      "be-root1", "be-root2", "be-outer", "be-inner", "deep", "ae-inner", "ae-outer", "ae-root2", "ae-root1", "be-root1-cleanup",
      "aa-outer",
      "be-root1", "be-root2", "ae-after-be-fail", "ae-root2", "ae-root1", "be-root1-cleanup",
      "aa-root",
    ]);
    expect(Object.values(outcome.tests).map((t) => t.status)).toEqual(["pass", "pass", "fail"]);
  });

  it("fails a test whose beforeEach or afterEach throws, with that error", async () => {
    const { byName } = await runSuite(({ describe, it, beforeEach, afterEach }) => {
      describe("setup", () => {
        beforeEach(() => {
          throw new Error("setup broke");
        });
        it("a", () => {});
      });
      describe("teardown", () => {
        afterEach(async () => {
          throw new Error("teardown broke");
        });
        it("b", () => {});
      });
    });
    expect(byName("setup > a")).toMatchObject({ status: "fail", errors: [{ message: "setup broke" }] });
    expect(byName("teardown > b")).toMatchObject({ status: "fail", errors: [{ message: "teardown broke" }] });
  });

  it("skips the tests of a suite whose beforeAll fails and fails the suite, as vitest", async () => {
    const { outcome, byName } = await runSuite(({ describe, it, beforeAll }) => {
      describe("broken", () => {
        beforeAll(() => {
          throw new Error("no queue");
        });
        it("a", () => {});
      });
      it("elsewhere", () => {});
    });
    expect(byName("broken > a")).toMatchObject({ status: "skip", skipReason: "hook-failed", errors: [{ message: "no queue" }] });
    expect(byName("elsewhere")?.status).toBe("pass");
    expect(outcome.suites["0_0"]).toMatchObject({ status: "fail", errors: [{ message: "no queue" }] });
  });

  it("awaits async tests and hooks", async () => {
    const log: string[] = [];
    const tick = () => new Promise((r) => setTimeout(r, 1));
    const { byName } = await runSuite(({ it, beforeEach, expect }) => {
      beforeEach(async () => {
        await tick();
        log.push("before");
      });
      it("async pass", async () => {
        await tick();
        log.push("test");
        expect(log).toEqual(["before", "test"]);
      });
      it("async fail", async () => {
        await tick();
        expect(1).toBe(2);
      });
    });
    expect(byName("async pass")?.status).toBe("pass");
    expect(byName("async fail")).toMatchObject({ status: "fail", errors: [{ message: "expected 1 to be 2 // Object.is equality" }] });
  });

  it("times a test out after its timeout with a message that points at virtual time", async () => {
    const { byName } = await runSuite(({ it }) => {
      it("waits forever", () => new Promise(() => {}), 20);
    });
    expect(byName("waits forever")?.status).toBe("fail");
    expect(byName("waits forever")?.errors[0]?.message).toMatch(/^Test timed out in 20ms\..*sb\.clock\.advance/s);
  });

  it("supports resolves/rejects, toThrow, toMatchObject and asymmetric matchers from @vitest/expect", async () => {
    const { outcome } = await runSuite(({ it, expect }) => {
      it("resolves", async () => {
        await expect(Promise.resolve({ MessageId: "1", Extra: true })).resolves.toMatchObject({ MessageId: expect.any(String) });
      });
      it("rejects", async () => {
        await expect(Promise.reject(Object.assign(new Error("gone"), { name: "QueueDoesNotExist" }))).rejects.toThrow("gone");
      });
      it("toThrow", () => {
        expect(() => {
          throw new TypeError("bad input");
        }).toThrow(TypeError);
      });
      it("not awaited rejects still fails", () => {
        void expect(Promise.resolve(1)).rejects.toThrow();
      });
    });
    expect(Object.values(outcome.tests).map((t) => t.status)).toEqual(["pass", "pass", "pass", "fail"]);
  });

  it("reports expect.soft failures and keeps running the test", async () => {
    const after: string[] = [];
    const { byName } = await runSuite(({ it, expect }) => {
      it("soft", () => {
        expect.soft(1).toBe(2);
        after.push("still running");
        expect.soft("a").toBe("b");
      });
    });
    expect(after).toEqual(["still running"]);
    expect(byName("soft")?.status).toBe("fail");
    expect(byName("soft")?.errors.map((e) => e.message)).toEqual([
      "expected 1 to be 2 // Object.is equality",
      "expected 'a' to be 'b' // Object.is equality",
    ]);
  });

  it("checks expect.assertions and expect.hasAssertions", async () => {
    const { outcome } = await runSuite(({ it, expect }) => {
      it("counts", () => {
        expect.assertions(2);
        expect(1).toBe(1);
      });
      it("has none", () => {
        expect.hasAssertions();
      });
      it("ok", () => {
        expect.assertions(1);
        expect(1).toBe(1);
      });
    });
    expect(Object.values(outcome.tests).map((t) => [t.status, t.errors[0]?.message])).toEqual([
      ["fail", "expected number of assertions to be 2, but got 1"],
      ["fail", "expected any number of assertion, but got none"],
      ["pass", undefined],
    ]);
  });

  it("provides vi.fn and vi.spyOn that the mock matchers understand", async () => {
    const target = { send: (x: number) => x * 2 };
    const { outcome } = await runSuite(({ it, expect, vi }) => {
      it("fn", () => {
        const handler = vi.fn((x: number) => x + 1);
        handler(1);
        expect(handler).toHaveBeenCalledWith(1);
        expect(handler).toHaveReturnedWith(2);
      });
      it("spyOn", () => {
        const spy = vi.spyOn(target, "send");
        target.send(3);
        expect(spy).toHaveBeenCalledTimes(1);
        expect(spy).toHaveBeenCalledWith(4);
      });
    });
    expect(outcome.tests["0_0"]?.status).toBe("pass");
    expect(outcome.tests["0_1"]).toMatchObject({ status: "fail" });
    expect(outcome.tests["0_1"]?.errors[0]?.message).toMatch(/expected "send" to be called with arguments: \[ 4 \]/);
  });

  it("emits [id, event] updates in order: suite-start, test-start, test-end, suite-end", async () => {
    const { updates } = await runSuite(({ it, describe }) => {
      describe("s", () => {
        it("t", () => {});
      });
    });
    expect(updates.map(([id, e]) => `${id}:${e.type}${"status" in e ? `:${e.status}` : ""}`)).toEqual([
      "0:suite-start",
      "0_0:suite-start",
      "0_0_0:test-start",
      "0_0_0:test-end:pass",
      "0_0:suite-end:pass",
      "0:suite-end:pass",
    ]);
  });

  it("supports it.fails, context.skip() and onTestFinished", async () => {
    const finished: string[] = [];
    const { outcome } = await runSuite(({ it, expect, onTestFinished }) => {
      it.fails("expected to fail", () => {
        expect(1).toBe(2);
      });
      it("skips itself", (context: { skip(): void }) => {
        context.skip();
      });
      it("cleans up", () => {
        onTestFinished(() => void finished.push("done"));
      });
    });
    expect(Object.values(outcome.tests).map((t) => t.status)).toEqual(["pass", "skip", "pass"]);
    expect(finished).toEqual(["done"]);
  });

  it("passes the console capture each test's output", async () => {
    let buffer = "";
    const capture = {
      begin: () => void (buffer = ""),
      end: () => buffer,
    };
    const { byName } = await runSuite(
      ({ it, beforeEach }) => {
        beforeEach(() => void (buffer += "hook\n"));
        it("prints", () => void (buffer += "body\n"));
      },
      { capture },
    );
    expect(byName("prints")?.output).toBe("hook\nbody\n");
  });
});
