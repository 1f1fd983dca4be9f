/**
 * A learner's drafts in localStorage, one entry per exercise. The key carries a format version so a later format
 * can move old drafts forward instead of misreading them. A draft that cannot be read is never thrown away: it is
 * set aside under a `:corrupt` key and the learner is told.
 */
export const draftFormatVersion = 1;

export type Files = Record<string, string>;

export interface StoredDraft {
  version: typeof draftFormatVersion;
  savedAt: string;
  files: Files;
}

export type DraftLoad =
  | { kind: "none" }
  | { kind: "found"; files: Files }
  | { kind: "corrupt"; keptAs: string }
  | { kind: "unavailable" };

export function draftKey(exerciseId: string): string {
  return `eventlab:v${draftFormatVersion}:draft:${exerciseId}`;
}

/** Reads the draft of `exerciseId`, keeping only files that are still editable in the exercise. */
export function loadDraft(exerciseId: string, editable: readonly string[], storage: Storage | undefined = safeStorage()): DraftLoad {
  if (!storage) return { kind: "unavailable" };
  const key = draftKey(exerciseId);
  let raw: string | null;
  try {
    raw = storage.getItem(key);
  } catch {
    return { kind: "unavailable" };
  }
  if (raw === null) return { kind: "none" };
  const draft = parseDraft(raw);
  if (!draft) {
    const keptAs = `${key}:corrupt`;
    try {
      storage.setItem(keptAs, raw);
      storage.removeItem(key);
    } catch {
      // Storage is full or locked: leave the unreadable draft where it is rather than lose it.
      return { kind: "corrupt", keptAs: key };
    }
    return { kind: "corrupt", keptAs };
  }
  const files = Object.fromEntries(Object.entries(draft.files).filter(([name]) => editable.includes(name)));
  return Object.keys(files).length > 0 ? { kind: "found", files } : { kind: "none" };
}

/** Saves the editable files; returns false when the browser refuses (private mode, full storage). */
export function saveDraft(exerciseId: string, files: Files, storage: Storage | undefined = safeStorage()): boolean {
  if (!storage) return false;
  const draft: StoredDraft = { version: draftFormatVersion, savedAt: new Date().toISOString(), files };
  try {
    storage.setItem(draftKey(exerciseId), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(exerciseId: string, storage: Storage | undefined = safeStorage()): void {
  try {
    storage?.removeItem(draftKey(exerciseId));
  } catch {
    // Nothing to clear when storage is unavailable.
  }
}

export function parseDraft(raw: string): StoredDraft | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== "object" || value === null) return undefined;
    const { version, files } = value as Partial<StoredDraft>;
    if (version !== draftFormatVersion || typeof files !== "object" || files === null) return undefined;
    if (!Object.values(files).every((source) => typeof source === "string")) return undefined;
    return value as StoredDraft;
  } catch {
    return undefined;
  }
}

export function safeStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
