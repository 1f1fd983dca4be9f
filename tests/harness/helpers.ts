import { createHarness, type Harness, type RunOptions, type RunUpdate } from "../../sandbox-engine/src/harness/index.ts";

/** The vitest API as a test file sees it; loosely typed, as learner code is checked elsewhere. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Api = any;

/** Given a test file written as a function of the `vitest` module, collect and run it. */
export async function runSuite(define: (api: Api) => void, options: RunOptions = {}, file = "a.test.ts") {
  const harness: Harness = createHarness();
  await harness.collect(file, () => define(harness.api));
  const updates: RunUpdate[] = [];
  const outcome = await harness.run({ ...options, onUpdate: (u) => updates.push(u) });
  const report = harness.report(outcome);
  const byName = (fullName: string) => {
    const node = findTest(harness, fullName);
    return node ? outcome.tests[node.id] : undefined;
  };
  return { harness, outcome, report, updates, byName, tree: harness.tree() };
}

function findTest(harness: Harness, fullName: string) {
  const stack = [...harness.tree().files.flatMap((f) => f.tasks)];
  while (stack.length) {
    const task = stack.shift()!;
    if (task.type === "test" && task.fullName === fullName) return task;
    if (task.type === "suite") stack.push(...task.tasks);
  }
  return undefined;
}
