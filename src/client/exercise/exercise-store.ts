import type { RunResults } from "sandbox-engine/runner";
import type { Files } from "./draft-storage.ts";

/**
 * Where the run panel stands. `running` remembers its run so a superseded run's answer is ignored, and counts the
 * tests finished and failed so far (from the runner's live progress events) out of the tests it collected (known
 * from its first progress on).
 */
export type RunState =
  | { status: "idle" }
  | { status: "running"; runNumber: number; testsDone: number; testsFailed: number; testsTotal: number | undefined }
  | { status: "pass" | "fail" | "error"; results: RunResults };

export type EditorState = "static" | "loading" | "ready" | "failed";

/** Everything the exercise UI shows derives from this one state. */
export interface ExerciseState {
  files: Files;
  activeFile: string;
  run: RunState;
  editor: EditorState;
  /** A sentence for the learner about drafts or the editor (saved, restored, could not load...). */
  notice: string;
}

export interface Store<State> {
  get(): State;
  update(change: Partial<State> | ((state: State) => Partial<State>)): void;
  subscribe(listener: (state: State, previous: State) => void): () => void;
}

/** A minimal observable store: one state object, replaced (never mutated) on every update. */
export function createStore<State extends object>(initial: State): Store<State> {
  let state = initial;
  const listeners = new Set<(state: State, previous: State) => void>();
  return {
    get: () => state,
    update(change) {
      const previous = state;
      state = { ...state, ...(typeof change === "function" ? change(state) : change) };
      for (const listener of listeners) listener(state, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
