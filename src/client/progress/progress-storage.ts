import { draftKey, parseDraft, safeStorage } from "../exercise/draft-storage.ts";

/**
 * A learner's progress: the verdict of each exercise's latest run, next to the drafts, in localStorage. The whole
 * of it can be exported to a file and imported on another machine (a workshop laptop, a new browser). Import
 * checks every entry before writing any, never deletes, and keeps each draft it replaces under `:before-import`.
 */
export const progressFormat = "eventlab-progress";
export const progressFormatVersion = 1;

export type Verdict = "pass" | "fail" | "error";

export interface StoredResult {
  version: 1;
  status: Verdict;
  at: string;
  /** The learner opened the reference solution of this exercise: a later pass counts as "solved with help". */
  help?: "solution-shown";
}

export function resultKey(exerciseId: string): string {
  return `eventlab:v1:result:${exerciseId}`;
}

export function saveResult(exerciseId: string, status: Verdict, storage: Storage | undefined = safeStorage()): void {
  // Seeing the solution is remembered for good: a pass after it is still a pass with help.
  const help = loadResult(exerciseId, storage)?.help;
  const result: StoredResult = { version: 1, status, at: new Date().toISOString(), ...(help ? { help } : {}) };
  writeResult(exerciseId, result, storage);
}

/** Marks the exercise as "solved with help" (the learner opened its solution), keeping its latest verdict. */
export function markSolutionShown(exerciseId: string, storage: Storage | undefined = safeStorage()): void {
  const previous = loadResult(exerciseId, storage);
  if (!previous) return; // the solution is offered only after a run, which stored a verdict
  writeResult(exerciseId, { ...previous, help: "solution-shown" }, storage);
}

/** How the learner's progress names an exercise's state: its latest verdict, with help or without. */
export function progressLabel(result: StoredResult | undefined): string {
  if (!result) return "not run yet";
  const verdict = { pass: "passed", fail: "some tests failed", error: "could not run" }[result.status];
  return result.help && result.status === "pass" ? "solved with help" : result.help ? `${verdict} (solution seen)` : verdict;
}

/** Dispatched on `window` after a verdict is stored, so the sidebar redraws its checks and bars. */
export const progressChangedEvent = "eventlab:progress-changed";

function writeResult(exerciseId: string, result: StoredResult, storage: Storage | undefined): void {
  try {
    storage?.setItem(resultKey(exerciseId), JSON.stringify(result));
    if (typeof window !== "undefined") window.dispatchEvent(new Event(progressChangedEvent));
  } catch {
    // A full or locked storage only loses the progress mark; the run's results are still on screen.
  }
}

export function loadResult(exerciseId: string, storage: Storage | undefined = safeStorage()): StoredResult | undefined {
  try {
    const raw = storage?.getItem(resultKey(exerciseId));
    return raw ? parseResult(raw) : undefined;
  } catch {
    return undefined;
  }
}

function parseResult(raw: string): StoredResult | undefined {
  try {
    const value = JSON.parse(raw) as Partial<StoredResult>;
    const valid =
      value?.version === 1 &&
      ["pass", "fail", "error"].includes(value.status ?? "") &&
      typeof value.at === "string" &&
      (value.help === undefined || value.help === "solution-shown");
    return valid ? (value as StoredResult) : undefined;
  } catch {
    return undefined;
  }
}

/** What an export file holds: the stored entries as they are, so an import restores them exactly. */
interface ProgressFile {
  format: typeof progressFormat;
  version: typeof progressFormatVersion;
  exportedAt: string;
  entries: Record<string, string>;
}

const entryKey = /^eventlab:v1:(draft|result):[a-z0-9-]+\/[a-z0-9-]+$/;

export function exportProgress(storage: Storage | undefined = safeStorage()): string {
  const entries: Record<string, string> = {};
  if (storage) {
    for (let index = 0; index < storage.length; index++) {
      const key = storage.key(index);
      const value = key === null ? null : storage.getItem(key);
      if (key && value !== null && entryKey.test(key)) entries[key] = value;
    }
  }
  const file: ProgressFile = { format: progressFormat, version: progressFormatVersion, exportedAt: new Date().toISOString(), entries };
  return JSON.stringify(file, null, 2);
}

export type ImportOutcome =
  | { ok: true; drafts: number; results: number; skipped: string[] }
  | { ok: false; error: string };

export function importProgress(text: string, storage: Storage | undefined = safeStorage()): ImportOutcome {
  if (!storage) return { ok: false, error: "This browser does not let the page store anything, so there is nowhere to import to." };
  let file: Partial<ProgressFile>;
  try {
    file = JSON.parse(text) as Partial<ProgressFile>;
  } catch {
    return { ok: false, error: "This file is not an EventLab progress export: it is not JSON." };
  }
  if (file?.format !== progressFormat) return { ok: false, error: "This file is not an EventLab progress export." };
  if (file.version !== progressFormatVersion) {
    return { ok: false, error: `This export has format version ${String(file.version)}; this site reads version ${progressFormatVersion}.` };
  }
  if (typeof file.entries !== "object" || file.entries === null) return { ok: false, error: "This export has no entries." };

  const accepted: [string, string][] = [];
  const skipped: string[] = [];
  for (const [key, value] of Object.entries(file.entries)) {
    const kind = entryKey.exec(key)?.[1];
    const valid = typeof value === "string" && (kind === "draft" ? parseDraft(value) : kind === "result" ? parseResult(value) : undefined);
    if (valid) accepted.push([key, value as string]);
    else skipped.push(key);
  }
  try {
    for (const [key, value] of accepted) {
      const previous = storage.getItem(key);
      if (key.includes(":draft:") && previous !== null && previous !== value) storage.setItem(`${key}:before-import`, previous);
      storage.setItem(key, value);
    }
  } catch {
    return { ok: false, error: "The browser's storage is full; some entries may not have been imported. Nothing was deleted." };
  }
  const drafts = accepted.filter(([key]) => key.includes(":draft:")).length;
  return { ok: true, drafts, results: accepted.length - drafts, skipped };
}

export { draftKey };
