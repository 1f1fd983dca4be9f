import { describe, expect, it } from "vitest";
import { defaultModules, guardRealm, moduleExports, runExercise } from "../../sandbox-engine/src/runner/index.ts";

describe("the realm guard", () => {
  it("names what a run added, changed or deleted, by the path a learner would write", () => {
    // given a small realm
    class Client {
      send() {
        return "real";
      }
    }
    const realm = { Client, config: { region: "us-east-1" } as Record<string, unknown>, list: [1, 2] };
    const guard = guardRealm({ realm });
    expect(guard.changes()).toEqual([]);
    // when code changes it
    Client.prototype.send = () => "fake";
    realm.config["status"] = "pass";
    delete realm.config["region"];
    realm.list.push(3);
    Object.preventExtensions(realm.list);
    // then
    expect(guard.changes(10).sort()).toEqual(
      [
        "realm.Client.prototype.send was changed",
        "realm.config.status was added",
        "realm.config.region was deleted",
        "realm.list.2 was added",
        "realm.list.length was changed",
        "realm.list was made non-extensible",
      ].sort(),
    );
  });

  it("does not count the caches the AWS SDK fills on its schemas when a run first uses a command", async () => {
    const run = (command: string) => ({
      files: {
        "a.test.ts": [
          'import { it } from "vitest";',
          'import { createSandbox } from "sandbox-engine";',
          `import { ${command}, SQSClient } from "@aws-sdk/client-sqs";`,
          `it("works", async () => { createSandbox(); await new SQSClient({}).send(new ${command}({ QueueName: "q" } as never)).catch(() => undefined); });`,
        ].join("\n"),
      },
      testFiles: ["a.test.ts"],
    });
    await runExercise(run("CreateQueueCommand"));
    const guard = guardRealm(moduleExports(defaultModules));
    await runExercise(run("GetQueueUrlCommand"));
    expect(guard.changes()).toEqual([]);
  });

  it("sees nothing change across real runs of a correct exercise, and sees a change to the SDK", async () => {
    const request = {
      files: {
        "a.test.ts": [
          'import { it, expect } from "vitest";',
          'import { createSandbox } from "sandbox-engine";',
          'import { CreateQueueCommand, SQSClient } from "@aws-sdk/client-sqs";',
          'it("works", async () => { createSandbox(); await new SQSClient({}).send(new CreateQueueCommand({ QueueName: "q" })); expect(1).toBe(1); });',
        ].join("\n"),
      },
      testFiles: ["a.test.ts"],
    };
    await runExercise(request);
    const guard = guardRealm(moduleExports(defaultModules));
    await runExercise(request);
    expect(guard.changes()).toEqual([]);

    // The sandbox's SQSClient extends the SDK's: `send` is inherited, so replacing it adds an own property.
    const { SQSClient } = defaultModules["@aws-sdk/client-sqs"] as { SQSClient: { prototype: Record<string, unknown> } };
    const ownSend = Object.hasOwn(SQSClient.prototype, "send");
    const send = SQSClient.prototype["send"];
    SQSClient.prototype["send"] = () => "fake";
    try {
      expect(guard.changes()).toEqual([expect.stringMatching(/client-sqs\.SQSClient\.prototype\.send was (added|changed)$/)]);
    } finally {
      if (ownSend) SQSClient.prototype["send"] = send;
      else delete SQSClient.prototype["send"];
    }
    expect(guard.changes()).toEqual([]);
  });

  it("does not watch frozen objects, which cannot change, but watches what they point to", () => {
    const inner: Record<string, unknown> = Object.setPrototypeOf({ open: 1 }, null);
    const frozen = Object.freeze(Object.setPrototypeOf({ inner }, null));
    const guard = guardRealm({ frozen });
    expect(guard.size).toBe(1);
    inner["open"] = 2;
    expect(guard.changes()).toEqual(["frozen.inner.open was changed"]);
  });
});
