import { describe, expect, it } from "vitest";
import { directoryTree, startNodeRun, type Container, type NodeRunPhase } from "../../src/client/workshop/node-run-driver.ts";

/**
 * The "Run in Node" driver against a fake with @webcontainer/api's shape: boot, mount, spawn, streamed output,
 * file updates, errors. A live WebContainer boot is not tested here (it needs StackBlitz's service).
 */
interface Script {
  [command: string]: { chunks: string[]; exit: number } | Error;
}

function fakeContainer(script: Script) {
  const log: string[] = [];
  const files = new Map<string, string>();
  let mounted: unknown;
  const container: Container = {
    async mount(tree) {
      mounted = tree;
      log.push("mount");
    },
    async spawn(command, args) {
      const line = [command, ...args].join(" ");
      log.push(`spawn ${line}`);
      const step = script[line.split(" ").slice(0, 2).join(" ")];
      if (!step) throw new Error(`unexpected command ${line}`);
      if (step instanceof Error) throw step;
      return {
        output: new ReadableStream<string>({
          start(controller) {
            for (const chunk of step.chunks) controller.enqueue(chunk);
            controller.close();
          },
        }),
        exit: Promise.resolve(step.exit),
      };
    },
    fs: {
      async writeFile(path, contents) {
        files.set(path, contents);
        log.push(`write ${path}`);
      },
    },
    teardown: () => log.push("teardown"),
  };
  return { container, log, files, mounted: () => mounted };
}

function recorder() {
  const output: string[] = [];
  const phases: string[] = [];
  return { output, phases, events: { onOutput: (text: string) => output.push(text), onPhase: (phase: NodeRunPhase, message?: string) => phases.push(message ? `${phase}: ${message}` : phase) } };
}

const tree = { "package.json": "{}", "src/consumer.ts": "export {}", "src/consumer.test.ts": "test" };

describe("the Run in Node driver", () => {
  it("mounts the project as nested folders", () => {
    expect(directoryTree(tree)).toEqual({
      "package.json": { file: { contents: "{}" } },
      src: { directory: { "consumer.ts": { file: { contents: "export {}" } }, "consumer.test.ts": { file: { contents: "test" } } } },
    });
  });

  it("boots, mounts, installs, runs vitest and streams every chunk of output in order", async () => {
    const fake = fakeContainer({ "npm install": { chunks: ["added 40 packages\n"], exit: 0 }, "npx vitest": { chunks: ["RUN\n", "Tests 5 passed\n"], exit: 0 } });
    const { output, phases, events } = recorder();
    const run = await startNodeRun(async () => fake.container, tree, events);
    expect(run).toBeDefined();
    expect(fake.log).toEqual(["mount", "spawn npm install --no-audit --no-fund", "spawn npx vitest run"]);
    expect(output).toEqual(["added 40 packages\n", "RUN\n", "Tests 5 passed\n"]);
    expect(phases).toEqual(["booting", "installing", "testing", "passed"]);
  });

  it("writes an edited file into the mounted project and re-runs the tests in one call each", async () => {
    const fake = fakeContainer({ "npm install": { chunks: [], exit: 0 }, "npx vitest": { chunks: ["1 failed\n"], exit: 1 } });
    const { phases, events } = recorder();
    const run = (await startNodeRun(async () => fake.container, tree, events))!;
    expect(phases.at(-1)).toBe("failed");
    await run.updateFile("consumer.ts", "export const fixed = true;");
    expect(fake.files.get("src/consumer.ts")).toBe("export const fixed = true;");
    await expect(run.test()).resolves.toBe("failed");
    expect(fake.log.filter((entry) => entry === "spawn npx vitest run")).toHaveLength(2);
    run.dispose();
    expect(fake.log.at(-1)).toBe("teardown");
  });

  it("explains a boot that fails, and runs nothing", async () => {
    const { phases, events } = recorder();
    const run = await startNodeRun(async () => Promise.reject(new Error("SharedArrayBuffer is not defined")), tree, events);
    expect(run).toBeUndefined();
    expect(phases).toEqual(["booting", "error: The WebContainer did not start: SharedArrayBuffer is not defined"]);
  });

  it("stops after a failed npm install, says so, and tears the container down", async () => {
    const fake = fakeContainer({ "npm install": { chunks: ["npm ERR! network\n"], exit: 1 } });
    const { output, phases, events } = recorder();
    expect(await startNodeRun(async () => fake.container, tree, events)).toBeUndefined();
    expect(output).toEqual(["npm ERR! network\n"]);
    expect(phases.at(-1)).toBe("error: npm install failed (exit code 1); its output is above.");
    expect(fake.log).toEqual(["mount", "spawn npm install --no-audit --no-fund", "teardown"]);
  });

  it("reports a process that cannot start as an error", async () => {
    const fake = fakeContainer({ "npm install": new Error("spawn failed") });
    const { phases, events } = recorder();
    expect(await startNodeRun(async () => fake.container, tree, events)).toBeUndefined();
    expect(phases.at(-1)).toBe("error: The run stopped: spawn failed");
  });
});
