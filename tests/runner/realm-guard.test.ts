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

    const { SQSClient } = defaultModules["@aws-sdk/client-sqs"] as { SQSClient: { prototype: Record<string, unknown> } };
    const send = SQSClient.prototype["send"];
    SQSClient.prototype["send"] = () => "fake";
    try {
      expect(guard.changes()).toEqual([expect.stringMatching(/client-sqs\.SQSClient\.prototype\.send was changed$/)]);
    } finally {
      SQSClient.prototype["send"] = send;
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
