import type { CollectedTests, RunRequest, RunUpdate } from "sandbox-engine/runner";
import { runnerHost } from "../runner/runner-host.ts";
import { clearDraft, loadDraft, saveDraft, type Files } from "./draft-storage.ts";
import type { MountedEditor } from "./editor.ts";
import { createStore, type ExerciseState, type Store } from "./exercise-store.ts";
import { renderResults } from "./results-view.ts";
import { runFinishedEvent, type RunFinishedDetail } from "../workshop/run-finished.ts";
import { loadResult, markSolutionShown, saveResult } from "../progress/progress-storage.ts";

/** What Exercise.astro embeds as JSON for the browser: the starter and the tests, never the solution. */
export interface ExerciseClientData {
  id: string;
  timeLimitSeconds: number;
  files: { name: string; source: string; role: "editable" | "read-only" | "test" }[];
}

/** Drafts are written this long after the last keystroke (the issue asks for well under a second). */
const autosaveDelayMs = 300;

/**
 * `<eventlab-exercise>`: the interactive part of an exercise. The server renders a complete, readable shell
 * (tabs, the code as text, buttons, an idle results panel); this element makes it live, loads Monaco when the
 * exercise scrolls into view or gets focus, and sends runs to the sandboxed runner.
 */
class ExerciseElement extends HTMLElement {
  private store!: Store<ExerciseState>;
  private data!: ExerciseClientData;
  private editor: MountedEditor | undefined;
  private runNumber = 0;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private solutionDiff: { dispose(): void } | undefined;
  private readonly cleanups: (() => void)[] = [];

  connectedCallback(): void {
    this.data = JSON.parse(this.querySelector("script[data-exercise-data]")?.textContent ?? "{}");
    const editable = this.data.files.filter((file) => file.role === "editable").map((file) => file.name);
    const draft = loadDraft(this.data.id, editable);
    const files: Files = { ...this.starterFiles(), ...(draft.kind === "found" ? draft.files : {}) };
    this.store = createStore<ExerciseState>({
      files,
      activeFile: editable[0] ?? this.data.files[0]?.name ?? "",
      run: { status: "idle" },
      editor: "static",
      notice:
        draft.kind === "found"
          ? "Your saved draft was restored."
          : draft.kind === "corrupt"
            ? `Your saved draft could not be read, so the starter code is shown. The unreadable draft was kept in this browser's storage as "${draft.keptAs}".`
            : draft.kind === "unavailable"
              ? "This browser does not let the page save drafts, so changes last until you leave the page."
              : "",
    });
    this.cleanups.push(this.store.subscribe((state, previous) => this.render(state, previous)));
    this.cleanups.push(this.store.subscribe((state, previous) => state.files !== previous.files && this.scheduleSave()));
    this.bindControls();
    this.loadEditorWhenNeeded();
    this.render(this.store.get(), undefined);
  }

  disconnectedCallback(): void {
    this.flushSave();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.solutionDiff?.dispose();
    this.editor?.dispose();
  }

  private starterFiles(): Files {
    return Object.fromEntries(this.data.files.map((file) => [file.name, file.source]));
  }

  private bindControls(): void {
    const tabs = [...this.querySelectorAll<HTMLButtonElement>("[data-file-tab]")];
    for (const [index, tab] of tabs.entries()) {
      tab.addEventListener("click", () => this.store.update({ activeFile: tab.dataset.fileTab ?? "" }));
      // The ARIA tabs pattern: arrow keys move between tabs, Home/End jump to the ends.
      tab.addEventListener("keydown", (event) => {
        const target = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
        if (target === undefined) return;
        event.preventDefault();
        const next = tabs[(target + tabs.length) % tabs.length]!;
        next.focus();
        next.click();
      });
    }
    this.button("run").addEventListener("click", () => void this.run());
    this.button("reset").addEventListener("click", () => this.reset());
    this.button("download").addEventListener("click", () => void this.download());
    this.button("stop").addEventListener("click", () => this.stop());
    this.button("solution").addEventListener("click", () => void this.showSolution());
    this.button("hide-solution").addEventListener("click", () => this.hideSolution());
    this.querySelector<HTMLButtonElement>('button[data-action="hint"]')?.addEventListener("click", () => this.showNextHint());
    // The solution is offered once the learner has run the tests (now or on an earlier visit).
    this.button("solution").hidden = !loadResult(this.data.id);
    this.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        void this.run();
      }
    });
    const flush = () => this.flushSave();
    window.addEventListener("pagehide", flush);
    this.cleanups.push(() => window.removeEventListener("pagehide", flush));
  }

  private loadEditorWhenNeeded(): void {
    const load = () => {
      observer.disconnect();
      this.removeEventListener("focusin", load);
      void runnerHost.warm(this.runRequest(this.starterFiles()));
      void this.loadEditor();
    };
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && load(), {
      rootMargin: "200px",
    });
    observer.observe(this);
    this.addEventListener("focusin", load);
    this.cleanups.push(() => observer.disconnect());
  }

  private editorLoad: Promise<void> | undefined;

  /** Loads Monaco once; every caller waits for the same load. */
  private loadEditor(): Promise<void> {
    this.editorLoad ??= this.mountMonaco();
    return this.editorLoad;
  }

  private async mountMonaco(): Promise<void> {
    this.store.update({ editor: "loading" });
    try {
      const { mountEditor } = await import("./editor.ts");
      const state = this.store.get();
      this.editor = mountEditor({
        container: this.querySelector<HTMLElement>("[data-editor]")!,
        folder: `exercises/${this.data.id}`,
        files: this.data.files.map((file) => ({
          name: file.name,
          source: state.files[file.name] ?? file.source,
          readOnly: file.role !== "editable",
        })),
        activeFile: state.activeFile,
        onChange: (name, source) =>
          this.store.get().files[name] !== source && this.store.update((current) => ({ files: { ...current.files, [name]: source } })),
        onRun: () => void this.run(),
      });
      this.store.update({ editor: "ready" });
    } catch (error) {
      console.error(error);
      this.store.update({ editor: "failed", notice: "The code editor could not load. You can still read the code and run the tests." });
    }
  }

  /** The files of a run: the learner's (or given) version of each file, plus the tests. */
  private runRequest(files: Files): RunRequest {
    return {
      files: Object.fromEntries(this.data.files.map((file) => [file.name, files[file.name] ?? file.source])),
      testFiles: this.data.files.filter((file) => file.role === "test").map((file) => file.name),
    };
  }

  private async run(): Promise<void> {
    // The code being run is saved now, not when the autosave timer fires mid-run: its "Draft saved" notice would
    // otherwise replace what Stop or the run says.
    this.flushSave();
    const runNumber = ++this.runNumber;
    this.store.update({ run: { status: "running", runNumber, testsDone: 0, testsFailed: 0, testsTotal: undefined } });
    const thisRun = () => {
      const run = this.store.get().run;
      return run.status === "running" && run.runNumber === runNumber ? run : undefined;
    };
    const onCollected = (tests: CollectedTests) => {
      const run = thisRun();
      if (run) this.store.update({ run: { ...run, testsTotal: tests.toRun } });
    };
    // A test kept from running by a failed beforeAll ends as skipped but is reported (as an error): it counts as done.
    const onProgress = ([, event]: RunUpdate) => {
      const run = thisRun();
      if (!run || event.type !== "test-end" || (event.status === "skip" && event.skipReason !== "hook-failed")) return;
      this.store.update({ run: { ...run, testsDone: run.testsDone + 1, testsFailed: run.testsFailed + (event.status === "pass" ? 0 : 1) } });
    };
    const results = await runnerHost.run(this.runRequest(this.store.get().files), this.data.timeLimitSeconds * 1000, { onProgress, onCollected });
    // A newer run (here or in another exercise on the page) superseded this one: its answer is not wanted.
    if (!results || runNumber !== this.runNumber) {
      if (runNumber === this.runNumber) this.store.update({ run: { status: "idle" } });
      return;
    }
    this.store.update({ run: { status: results.status, results } });
    saveResult(this.data.id, results.status);
    this.button("solution").hidden = false;
    const finished: RunFinishedDetail = {
      exerciseId: this.data.id,
      status: results.status,
      testsPassed: results.tests.filter((test) => test.status === "pass").length,
      testsTotal: results.tests.length,
      durationMs: results.durationMs ?? 0,
    };
    this.dispatchEvent(new CustomEvent(runFinishedEvent, { bubbles: true, detail: finished }));
  }

  /** Saves the exercise as the learner has it now as a standalone project (.zip); no network when offline. */
  private async download(): Promise<void> {
    const { files } = this.store.get();
    const text = (selector: string) => this.querySelector(selector)?.textContent?.trim() ?? "";
    try {
      const { downloadProject } = await import("../workshop/download-project.ts");
      const saved = await downloadProject({
        id: this.data.id,
        title: text(".exercise-title"),
        summary: text(".exercise-summary"),
        files: this.data.files.map((file) => ({ ...file, source: files[file.name] ?? file.source })),
      });
      this.store.update({ notice: `Saved ${saved}: unzip it, then run npm install and npx vitest run.` });
    } catch (error) {
      this.store.update({ notice: `Could not build the project: ${(error as Error).message}` });
    }
  }

  /** Stop: the runner ends the run and replaces its Worker; what ran so far is dropped, the draft is kept. */
  private stop(): void {
    const run = this.store.get().run;
    if (run.status !== "running") return;
    this.runNumber++;
    runnerHost.stop();
    this.store.update({ run: { status: "idle" }, notice: "Run stopped. Nothing was saved as a verdict." });
    this.button("run").focus();
  }

  private showNextHint(): void {
    const hints = [...this.querySelectorAll<HTMLElement>("[data-hint]")];
    const next = hints.find((hint) => hint.hidden);
    if (!next) return;
    next.hidden = false;
    next.focus();
    const shown = hints.indexOf(next) + 1;
    const button = this.querySelector<HTMLButtonElement>('button[data-action="hint"]')!;
    if (shown === hints.length) button.hidden = true;
    else button.textContent = `Show hint ${shown + 1} of ${hints.length}`;
  }

  /**
   * Asks first, then shows the learner's draft next to the reference solution in Monaco's diff editor (or as text
   * if the editor could not load). The draft is never touched; progress remembers the help.
   */
  private async showSolution(): Promise<void> {
    const region = this.querySelector<HTMLElement>("[data-solution]")!;
    if (!region.hidden) return;
    const question = "Show the reference solution? Your draft stays as it is, and this exercise will count as solved with help.";
    if (!window.confirm(question)) return;
    markSolutionShown(this.data.id);
    const solution: Files = JSON.parse(this.querySelector("script[data-exercise-solution]")?.textContent ?? "{}");
    const name = Object.hasOwn(solution, this.store.get().activeFile) ? this.store.get().activeFile : Object.keys(solution)[0] ?? "";
    region.hidden = false;
    const container = this.querySelector<HTMLElement>("[data-solution-diff]")!;
    await this.loadEditor();
    if (this.editor) {
      this.solutionDiff = this.editor.showSolutionDiff(container, name, solution[name] ?? "");
    } else {
      const pre = document.createElement("pre");
      pre.tabIndex = 0;
      pre.setAttribute("aria-label", `Reference solution, ${name}`);
      pre.textContent = solution[name] ?? "";
      container.replaceChildren(pre);
    }
    region.querySelector("h3")?.setAttribute("tabindex", "-1");
    region.querySelector<HTMLElement>("h3")?.focus();
  }

  private hideSolution(): void {
    this.solutionDiff?.dispose();
    this.solutionDiff = undefined;
    this.querySelector<HTMLElement>("[data-solution-diff]")!.replaceChildren();
    this.querySelector<HTMLElement>("[data-solution]")!.hidden = true;
    this.button("solution").focus();
  }

  private reset(): void {
    const editable = this.data.files.filter((file) => file.role === "editable").map((file) => file.name);
    const question = `Reset ${editable.join(", ")} to the starter code? Your changes will be lost.`;
    if (!window.confirm(question)) return;
    const starter = this.starterFiles();
    clearTimeout(this.saveTimer);
    clearDraft(this.data.id);
    this.runNumber++;
    this.store.update({ files: starter, run: { status: "idle" }, notice: "Reset to the starter code." });
    for (const name of editable) this.editor?.setSource(name, starter[name] ?? "");
  }

  private scheduleSave(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.flushSave(), autosaveDelayMs);
  }

  private flushSave(): void {
    if (this.saveTimer === undefined) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const { files } = this.store.get();
    const editable = this.data.files.filter((file) => file.role === "editable").map((file) => file.name);
    const saved = saveDraft(this.data.id, Object.fromEntries(editable.map((name) => [name, files[name] ?? ""])));
    this.store.update({ notice: saved ? "Draft saved in this browser." : "Could not save your draft in this browser's storage." });
  }

  private render(state: ExerciseState, previous: ExerciseState | undefined): void {
    if (state.activeFile !== previous?.activeFile || state.editor !== previous?.editor) {
      this.querySelectorAll<HTMLButtonElement>("[data-file-tab]").forEach((tab) => {
        const selected = tab.dataset.fileTab === state.activeFile;
        tab.setAttribute("aria-selected", String(selected));
        tab.tabIndex = selected ? 0 : -1;
      });
      this.editor?.show(state.activeFile);
    }
    if (state.editor !== previous?.editor) this.dataset.editor = state.editor;
    const code = this.querySelector<HTMLElement>("[data-static-code] code");
    if (code && (state.activeFile !== previous?.activeFile || state.files !== previous?.files)) {
      code.textContent = state.files[state.activeFile] ?? "";
    }
    if (state.run !== previous?.run) {
      renderResults(this.querySelector<HTMLElement>("[data-results]")!, state.run);
      this.button("stop").hidden = state.run.status !== "running";
    }
    if (state.notice !== previous?.notice) this.querySelector("[data-notice]")!.textContent = state.notice;
  }

  private button(action: "run" | "reset" | "download" | "stop" | "solution" | "hide-solution"): HTMLButtonElement {
    return this.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`)!;
  }
}

customElements.define("eventlab-exercise", ExerciseElement);
