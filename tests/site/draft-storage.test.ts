import { describe, expect, it } from "vitest";
import { clearDraft, draftKey, loadDraft, saveDraft } from "../../src/client/exercise/draft-storage.ts";
import { memoryStorage } from "../support/memory-storage.ts";

describe("drafts in localStorage", () => {
  it("saves under a versioned key and restores the editable files", () => {
    const storage = memoryStorage();
    expect(saveDraft("sqs/first-consumer", { "consumer.ts": "mine" }, storage)).toBe(true);
    expect(draftKey("sqs/first-consumer")).toBe("eventlab:v1:draft:sqs/first-consumer");
    expect(loadDraft("sqs/first-consumer", ["consumer.ts"], storage)).toEqual({ kind: "found", files: { "consumer.ts": "mine" } });
  });

  it("ignores files that are no longer editable", () => {
    const storage = memoryStorage();
    saveDraft("sqs/a", { "old.ts": "x" }, storage);
    expect(loadDraft("sqs/a", ["consumer.ts"], storage)).toEqual({ kind: "none" });
  });

  it("sets a corrupt draft aside instead of losing it", () => {
    const storage = memoryStorage();
    storage.setItem(draftKey("sqs/a"), "{not json");
    const result = loadDraft("sqs/a", ["consumer.ts"], storage);
    expect(result).toEqual({ kind: "corrupt", keptAs: "eventlab:v1:draft:sqs/a:corrupt" });
    expect(storage.getItem("eventlab:v1:draft:sqs/a:corrupt")).toBe("{not json");
    expect(storage.getItem(draftKey("sqs/a"))).toBeNull();
  });

  it("treats a draft of another format version as corrupt, keeping it", () => {
    const storage = memoryStorage();
    storage.setItem(draftKey("sqs/a"), JSON.stringify({ version: 99, files: { "consumer.ts": 1 } }));
    expect(loadDraft("sqs/a", ["consumer.ts"], storage).kind).toBe("corrupt");
  });

  it("reports a refused save instead of throwing", () => {
    expect(saveDraft("sqs/a", { "consumer.ts": "x" }, memoryStorage({ refuseWrites: true }))).toBe(false);
  });

  it("clears a draft on reset", () => {
    const storage = memoryStorage();
    saveDraft("sqs/a", { "consumer.ts": "x" }, storage);
    clearDraft("sqs/a", storage);
    expect(loadDraft("sqs/a", ["consumer.ts"], storage)).toEqual({ kind: "none" });
  });
});
