import { describe, expect, it } from "vitest";
import { guardRealm } from "../../sandbox-engine/src/runner/realm-guard.ts";
import { guardRunnerRealm } from "../../sandbox-engine/src/runner/realm-watch.ts";
import { defaultModules } from "../../sandbox-engine/src/runner/module-map.ts";
import { runExerciseWith } from "../../sandbox-engine/src/runner/run-exercise.ts";
import type { ModuleMap, RunRequest } from "../../sandbox-engine/src/runner/types.ts";

/** Two SDK-like modules (each under two ids, as in the runner) and an engine, all made fresh per test. */
function modules(): ModuleMap {
  class SQSClient {
    send() {
      return "sqs";
    }
  }
  class SNSClient {
    send() {
      return "sns";
    }
  }
  const sqs = { SQSClient };
  const sns = { SNSClient };
  return {
    "sandbox-engine": { createSandbox: () => ({}) },
    "@aws-sdk/client-sqs": sqs,
    "sandbox-engine/aws/client-sqs": sqs,
    "@aws-sdk/client-sns": sns,
    "sandbox-engine/aws/client-sns": sns,
  };
}

const prototypeOf = (map: ModuleMap, id: string, name: string) => ((map[id] as Record<string, { prototype: Record<string, unknown> }>)[name]!).prototype;

/** A run as the runner Worker makes it: the watch before, on each import, and after. */
async function watchedRun(map: ModuleMap, watch: ReturnType<typeof guardRunnerRealm>["watch"], request: RunRequest) {
  const before = watch.beforeRun(request.files);
  if (before.length) return { before };
  const imports: string[][] = [];
  const results = await runExerciseWith(request, { modules: map, onImport: (id) => void imports.push(watch.imported(id)) });
  return { before, imports: imports.flat(), results, after: watch.afterRun() };
}

const test = (imports: string, body: string): RunRequest => ({
  files: { "a.test.ts": `import { it, expect } from "vitest";\n${imports}\nit("runs", async () => { ${body} expect(1).toBe(1); });` },
  testFiles: ["a.test.ts"],
});

describe("the realm guard's modules", () => {
  it("checks a module only when it is named, and the roots every time", () => {
    const roots = { config: { region: "us-east-1" } as Record<string, unknown> };
    const sqs = { client: { send: "real" } as Record<string, unknown> };
    const sns = { client: { send: "real" } as Record<string, unknown> };
    const guard = guardRealm(roots, { sqs, sns });
    sqs.client["send"] = "fake";
    sns.client["send"] = "fake";
    roots.config["region"] = "eu-west-1";
    expect(guard.changes(10, { modules: ["sqs"] }).sort()).toEqual(["config.region was changed", "sqs.client.send was changed"]);
    expect(guard.changes(10, { roots: false, modules: ["sns"] })).toEqual(["sns.client.send was changed"]);
    expect(guard.changes(10).sort()).toEqual(["config.region was changed", "sns.client.send was changed", "sqs.client.send was changed"]);
    expect(guard.sizeWith(["sqs"])).toBeLessThan(guard.size);
    expect(() => guard.changes(5, { modules: ["s3"] })).toThrow(/no module "s3".*sqs, sns/);
  });

  it("counts what a module shares with the roots among the roots' objects, checked every time", () => {
    const shared: Record<string, unknown> = { open: 1 };
    const guard = guardRealm({ shared }, { sqs: { shared } });
    // The module adds only its own object: the shared one, and what it reaches, are the roots'.
    expect(guard.sizeWith(["sqs"])).toBe(guard.sizeWith([]) + 1);
    shared["open"] = 2;
    expect(guard.changes(5, { modules: [] })).toEqual(["shared.open was changed"]);
  });
});

describe("the runner's realm watch", () => {
  it("after a run, sees a change to a module the run imported, by the id learners write", async () => {
    const map = modules();
    const { watch } = guardRunnerRealm({}, map);
    const run = await watchedRun(map, watch, test('import { SQSClient } from "sandbox-engine/aws/client-sqs";', '(SQSClient.prototype as any).send = () => "fake";'));
    expect(run.results?.status).toBe("pass");
    expect(run.after).toEqual(["@aws-sdk/client-sqs.SQSClient.prototype.send was changed"]);
  });

  it("does not walk the modules a run did not import, and checks one before the next run that names it", async () => {
    const map = modules();
    const { watch } = guardRunnerRealm({}, map);
    // A run that reaches the SNS module without importing it (as code that knows SDK internals could).
    const first = await watchedRun(map, watch, test('import { SQSClient } from "@aws-sdk/client-sqs";', "new SQSClient();"));
    prototypeOf(map, "@aws-sdk/client-sns", "SNSClient")["send"] = () => "fake";
    expect(first.after).toEqual([]);
    expect(watch.afterRun()).toEqual([]);
    // The next run names the module: the change is found before any of its code runs.
    const second = await watchedRun(map, watch, test('import { SNSClient } from "@aws-sdk/client-sns";', "new SNSClient();"));
    expect(second).toEqual({ before: ["@aws-sdk/client-sns.SNSClient.prototype.send was changed"] });
  });

  it("checks a module on import when no file spells its id, and not twice in a run", async () => {
    const map = modules();
    const { watch } = guardRunnerRealm({}, map);
    await watchedRun(map, watch, test("", ""));
    prototypeOf(map, "@aws-sdk/client-sns", "SNSClient")["send"] = () => "fake";
    const computed = test("", 'const id = ["@aws-sdk", "client-sns"].join("/"); require(id); require(id);');
    const run = await watchedRun(map, watch, computed);
    expect(run.before).toEqual([]);
    expect(run.imports).toEqual(["@aws-sdk/client-sns.SNSClient.prototype.send was changed"]);
  });

  it("finds nothing across runs that change nothing, whatever they import", async () => {
    const map = modules();
    const { guard, watch } = guardRunnerRealm({}, map);
    for (const imports of ['import { SQSClient } from "@aws-sdk/client-sqs";', 'import { SNSClient } from "sandbox-engine/aws/client-sns";', ""]) {
      const run = await watchedRun(map, watch, test(imports, ""));
      expect([run.before, run.imports, run.after, run.results?.status]).toEqual([[], [], [], "pass"]);
    }
    expect(guard.changes()).toEqual([]);
  });

  it("with the real SDK modules: a correct run of an SQS test finds nothing, one that replaces SQSClient's send is found after it", async () => {
    const { guard, watch } = guardRunnerRealm({}, defaultModules);
    const sqsTest = (body: string) =>
      test('import { createSandbox } from "sandbox-engine";\nimport { CreateQueueCommand, SQSClient } from "@aws-sdk/client-sqs";', `createSandbox(); ${body}`);
    expect(guard.sizeWith(["@aws-sdk/client-sqs"])).toBeLessThan(guard.size / 4);
    const correct = await watchedRun(defaultModules, watch, sqsTest('await new SQSClient({}).send(new CreateQueueCommand({ QueueName: "q" }));'));
    expect([correct.before, correct.imports, correct.after, correct.results?.status]).toEqual([[], [], [], "pass"]);
    const { SQSClient } = defaultModules["@aws-sdk/client-sqs"] as { SQSClient: { prototype: Record<string, unknown> } };
    try {
      const hostile = await watchedRun(defaultModules, watch, sqsTest('(SQSClient.prototype as any).send = () => "fake";'));
      expect(hostile.after).toEqual(["@aws-sdk/client-sqs.SQSClient.prototype.send was added"]);
    } finally {
      delete SQSClient.prototype["send"];
    }
  });
});
