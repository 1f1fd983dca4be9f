import { describe, expect, it } from "vitest";
import { draftKey, loadDraft, saveDraft } from "../../src/client/exercise/draft-storage.ts";
import { exportProgress, importProgress, loadResult, resultKey, saveResult } from "../../src/client/progress/progress-storage.ts";
import { memoryStorage } from "../support/memory-storage.ts";

describe("progress: verdicts, export and import", () => {
  it("remembers the latest verdict of each exercise", () => {
    const storage = memoryStorage();
    saveResult("sqs/first-consumer", "fail", storage);
    saveResult("sqs/first-consumer", "pass", storage);
    expect(loadResult("sqs/first-consumer", storage)?.status).toBe("pass");
    expect(loadResult("sqs/batching", storage)).toBeUndefined();
  });

  it("moves drafts and verdicts to another browser through a file", () => {
    const laptop = memoryStorage();
    saveDraft("sqs/first-consumer", { "consumer.ts": "my code" }, laptop);
    saveResult("sqs/first-consumer", "pass", laptop);
    laptop.setItem("unrelated", "stays home");
    const file = exportProgress(laptop);

    const other = memoryStorage();
    expect(importProgress(file, other)).toEqual({ ok: true, drafts: 1, results: 1, skipped: [] });
    expect(loadDraft("sqs/first-consumer", ["consumer.ts"], other)).toEqual({ kind: "found", files: { "consumer.ts": "my code" } });
    expect(loadResult("sqs/first-consumer", other)?.status).toBe("pass");
    expect(other.getItem("unrelated")).toBeNull();
  });

  it("keeps a draft it replaces as a backup", () => {
    const source = memoryStorage();
    saveDraft("sqs/a", { "consumer.ts": "imported" }, source);
    const target = memoryStorage();
    saveDraft("sqs/a", { "consumer.ts": "already here" }, target);
    importProgress(exportProgress(source), target);
    expect(JSON.parse(target.getItem(`${draftKey("sqs/a")}:before-import`)!).files).toEqual({ "consumer.ts": "already here" });
  });

  it("refuses a file that is not an export, and changes nothing", () => {
    const storage = memoryStorage();
    saveDraft("sqs/a", { "consumer.ts": "mine" }, storage);
    expect(importProgress("not json", storage)).toEqual({ ok: false, error: expect.stringContaining("not JSON") });
    expect(importProgress(JSON.stringify({ hello: 1 }), storage)).toEqual({ ok: false, error: expect.stringContaining("not an EventLab progress export") });
    expect(importProgress(JSON.stringify({ format: "eventlab-progress", version: 2, entries: {} }), storage)).toMatchObject({ ok: false });
    expect(storage.length).toBe(1);
  });

  it("skips unreadable or foreign entries and imports the rest", () => {
    const file = JSON.stringify({
      format: "eventlab-progress",
      version: 1,
      entries: {
        [draftKey("sqs/a")]: JSON.stringify({ version: 1, savedAt: "x", files: { "consumer.ts": "ok" } }),
        [draftKey("sqs/b")]: "{broken",
        [resultKey("sqs/a")]: JSON.stringify({ version: 1, status: "maybe", at: "x" }),
        "someone-else:key": "x",
      },
    });
    const storage = memoryStorage();
    const outcome = importProgress(file, storage);
    expect(outcome).toMatchObject({ ok: true, drafts: 1, results: 0 });
    expect(outcome.ok && outcome.skipped.length).toBe(3);
    expect(storage.getItem("someone-else:key")).toBeNull();
  });
});
