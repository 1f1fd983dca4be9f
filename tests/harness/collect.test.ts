import { describe, expect, it } from "vitest";
import { createHarness } from "../../sandbox-engine/src/harness/index.ts";
import { runSuite } from "./helpers.ts";

describe("collect", () => {
  it("builds a plain file > suite > test tree with stable ids and vitest full names", async () => {
    // given
    const harness = createHarness();
    // when
    await harness.collect("orders.test.ts", () => {
      const { describe, it } = harness.api as any;
      it("top", () => {});
      describe("orders", () => {
        it("first", () => {});
        describe("when empty", () => {
          it("second", () => {});
        });
      });
    });
    // then
    const tree = harness.tree();
    expect(JSON.parse(JSON.stringify(tree))).toEqual(tree);
    const [file] = tree.files;
    expect(file!.id).toBe("0");
    expect(file!.tasks.map((t) => [t.id, t.fullName])).toEqual([
      ["0_0", "top"],
      ["0_1", "orders"],
    ]);
    const suite = file!.tasks[1]!;
    if (suite.type !== "suite") throw new Error("expected a suite");
    const inner = suite.tasks[1]!;
    if (inner.type !== "suite") throw new Error("expected a suite");
    expect(inner.tasks[0]).toMatchObject({
      id: "0_1_1_0",
      name: "second",
      ancestorTitles: ["orders", "when empty"],
      fullName: "orders > when empty > second",
      file: "orders.test.ts",
      mode: "run",
    });
  });

  it("runs describe bodies after the file has loaded, in declaration order (as vitest)", async () => {
    const order: string[] = [];
    await runSuite(({ describe, it }) => {
      describe("a", () => {
        order.push("a body");
        it("x", () => {});
      });
      order.push("file end");
    });
    expect(order).toEqual(["file end", "a body"]);
  });

  it("interpolates it.each titles like vitest: printf, %#, %$, $name", async () => {
    const { tree } = await runSuite(({ it, describe }) => {
      it.each([
        [1, "a", { q: 1 }],
        [2, "b", [1, 2]],
      ])("%i %s %o %j %d #%# of %$", () => {});
      it.each([{ queue: "orders", count: 3, nested: { x: "y" } }])("queue $queue has $count, $nested.x %#", () => {});
      it.each(["plain", 7])("value %s", () => {});
      describe.each([["eu", 2]])("region %s", (region: string, n: number) => {
        it(`has ${n} in ${region}`, () => {});
      });
      it.each`
        a    | b
        ${1} | ${"x"}
      `("table $a $b", () => {});
    });
    const names: string[] = [];
    const walk = (tasks: any[]) => tasks.forEach((t) => (t.type === "test" ? names.push(t.fullName) : walk(t.tasks)));
    walk(tree.files[0]!.tasks);
    expect(names).toEqual([
      // Verified against vitest 5.1's JSON reporter: items run out, so %j is "undefined", %d NaN.
      "1 a { q: 1 } undefined NaN #0 of 1",
      "2 b [ 1, 2 ] undefined NaN #1 of 2",
      "queue orders has 3, y 0",
      "value plain",
      "value 7",
      "region eu > has 2 in eu",
      "table 1 x",
    ]);
  });

  it("interprets .only per file: only marked tests and suites run", async () => {
    const { outcome, tree } = await runSuite(({ describe: suite, it: spec }) => {
      // The harness under test, named apart from this file's own vitest describe/it.
      spec("not me", () => {});
      spec.only("me", () => {});
      suite.only("all of these", () => {
        spec("one", () => {});
        spec("two", () => {});
      });
      suite("mixed", () => {
        spec("no", () => {});
        spec.only("yes", () => {});
      });
    });
    const status = (id: string) => outcome.tests[id]?.status;
    const file = tree.files[0]!;
    expect(file.tasks.map((t) => t.mode)).toEqual(["skip", "run", "run", "run"]);
    expect([status("0_0"), status("0_1"), status("0_2_0"), status("0_2_1"), status("0_3_0"), status("0_3_1")]).toEqual([
      "skip",
      "pass",
      "pass",
      "pass",
      "skip",
      "pass",
    ]);
  });

  it("honours .skip, .todo, skipIf, runIf and a test without a body", async () => {
    const ran: string[] = [];
    const { outcome } = await runSuite(({ describe: suite, it: spec, test: check }) => {
      spec.skip("skipped", () => ran.push("skipped"));
      spec.todo("later");
      check("no body");
      spec.skipIf(true)("skipIf", () => ran.push("skipIf"));
      spec.runIf(false)("runIf", () => ran.push("runIf"));
      suite.skip("skipped suite", () => {
        spec("inner", () => ran.push("inner"));
      });
      spec("runs", () => ran.push("runs"));
    });
    expect(ran).toEqual(["runs"]);
    const results = Object.values(outcome.tests).map((r) => [r.status, r.skipReason]);
    expect(results).toEqual([
      ["skip", "mode"],
      ["skip", "todo"],
      ["skip", "todo"],
      ["skip", "mode"],
      ["skip", "mode"],
      ["skip", "mode"],
      ["pass", undefined],
    ]);
  });

  it("records where each test was declared", async () => {
    const harness = createHarness();
    // The frame of a function evaluated with a sourceURL names the file, as test files in the runner do.
    const define = (0, eval)(
      '(function (api) {\napi.it("first", () => {});\n\n  api.it("second", () => {});\n})\n//# sourceURL=located.test.ts',
    );
    await harness.collect("located.test.ts", () => define(harness.api));
    const tasks = harness.tree().files[0]!.tasks;
    expect(tasks.map((t) => t.location?.line)).toEqual([2, 4]);
  });

  it("keeps runs apart: a second harness starts empty", async () => {
    const first = createHarness();
    await first.collect("a.test.ts", () => (first.api as any).it("x", () => {}));
    const second = createHarness();
    expect(second.tree().files).toEqual([]);
    expect(() => (second.api as any).it("outside", () => {})).toThrow(/only be called while test files load/);
  });
});
