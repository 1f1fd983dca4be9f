import type { CollectedTests, RunRequest, RunResults, RunUpdate } from "sandbox-engine/runner";
import type { FrameToPage, PageToFrame, ParseOutcome, StopReason } from "sandbox-engine/runner/protocol";
import { sandboxFrameHtml } from "./sandbox-frame.ts";

/** A run whose answer is awaited; `settle` hands the results to whoever started it. */
interface PendingRun {
  runId: number;
  settle: (results: RunResults | undefined) => void;
  options: RunOptions;
  watchdog: ReturnType<typeof setTimeout> | undefined;
  timeLimitMs: number;
}

export interface RunOptions {
  /** The harness's task updates (test-start, test-end, ...) as the run goes. */
  onProgress?: (update: RunUpdate) => void;
  /** How many tests the run collected, once, before its first progress (a run of under 100 ms sends none). */
  onCollected?: (tests: CollectedTests) => void;
}

/**
 * How long after the time limit the page stops waiting for the frame. The frame ends a run at the limit itself;
 * this is for a frame that cannot answer (its process is gone), so every run ends within the limit plus 1 s.
 */
const watchdogGraceMs = 900;

/**
 * The page's side of the runner: one hidden sandboxed iframe (see sandbox-frame.ts) shared by every exercise on
 * the page. `run` supersedes the run before it: the older run's Worker is terminated and its promise resolves to
 * `undefined`, so a stale result can never overwrite a newer one. The page trusts nothing it receives: every
 * message is checked with the runner protocol, and its own watchdog ends a run the frame does not answer.
 */
export class RunnerHost {
  private frame: HTMLIFrameElement | undefined;
  private frameReady: Promise<void> | undefined;
  private pending: PendingRun | undefined;
  private nextRunId = 1;

  /**
   * Creates the iframe and its first Worker ahead of time, so the first Run does not pay for them. With a
   * `warmUpRequest` (trusted exercise content: the starter and its tests), every fresh Worker first runs it a few
   * times, unseen, so the JIT has compiled the engine before the learner's run arrives.
   */
  async warm(warmUpRequest?: RunRequest): Promise<void> {
    this.frameReady ??= this.createFrame();
    await this.frameReady;
    if (warmUpRequest) this.post({ type: "prepare", request: warmUpRequest });
  }

  async run(request: RunRequest, timeLimitMs: number, options: RunOptions = {}): Promise<RunResults | undefined> {
    this.supersede();
    const runId = this.nextRunId++;
    const answer = new Promise<RunResults | undefined>((resolve) => {
      this.pending = { runId, settle: resolve, options, watchdog: undefined, timeLimitMs };
    });
    this.frameReady ??= this.createFrame();
    await this.frameReady;
    const pending = this.pending;
    if (pending?.runId === runId) {
      pending.watchdog = setTimeout(() => {
        // The frame did not answer even after the time limit: drop the iframe; the next run builds a new one.
        this.destroyFrame();
        this.settle(runId, errorResults(`stopped after ${formatSeconds(timeLimitMs)}: the sandbox stopped answering.`, timeLimitMs));
      }, timeLimitMs + watchdogGraceMs);
      this.post({ type: "run", runId, request, timeLimitMs });
    }
    return answer;
  }

  /** Stops the run in progress, if any: the frame terminates its Worker and the run's promise gives `undefined`. */
  stop(): void {
    this.supersede();
  }

  private post(message: PageToFrame): void {
    this.frame?.contentWindow?.postMessage(message, "*");
  }

  private supersede(): void {
    if (!this.pending) return;
    this.post({ type: "cancel", runId: this.pending.runId });
    this.settle(this.pending.runId, undefined);
  }

  private settle(runId: number, results: RunResults | undefined): void {
    const pending = this.pending;
    if (!pending || pending.runId !== runId) return;
    clearTimeout(pending.watchdog);
    this.pending = undefined;
    pending.settle(results);
  }

  private receive(parse: (data: unknown) => ParseOutcome<FrameToPage>, data: unknown, onReady: () => void): void {
    const parsed = parse(data);
    if (!parsed.ok) {
      // The frame runs no learner code, so this should not happen; if it does, start over with a fresh frame.
      const pending = this.pending;
      this.destroyFrame();
      if (pending) this.settle(pending.runId, errorResults(invalidResultMessage(parsed.problem), 0));
      return;
    }
    const message: FrameToPage = parsed.message;
    if (message.type === "frame-ready") return onReady();
    if (message.runId !== this.pending?.runId) return;
    if (message.type === "progress" || message.type === "collected") {
      try {
        if (message.type === "collected") this.pending.options.onCollected?.(message.tests);
        else for (const update of message.updates) this.pending.options.onProgress?.(update);
      } catch (error) {
        console.error(error);
      }
    } else if (message.type === "result") {
      this.settle(message.runId, message.results);
    } else {
      this.settle(message.runId, errorResults(stopMessage(message.reason, message.detail, this.pending.timeLimitMs), message.elapsedMs));
    }
  }

  private async createFrame(): Promise<void> {
    // Loaded with the runner, not with the page: the protocol's validators are only needed once a frame exists.
    const [{ default: workerSource }, { default: relaySource }, { frameToPageSchema, parseMessage }] = await Promise.all([
      import("virtual:eventlab/runner-worker-source"),
      import("virtual:eventlab/runner-frame-source"),
      import("sandbox-engine/runner/protocol"),
    ]);
    const parse = (data: unknown) => parseMessage(frameToPageSchema, data);
    const frame = document.createElement("iframe");
    frame.setAttribute("sandbox", "allow-scripts");
    frame.setAttribute("aria-hidden", "true");
    frame.tabIndex = -1;
    frame.title = "Exercise runner";
    frame.hidden = true;
    const ready = new Promise<void>((resolve) => {
      const onMessage = (event: MessageEvent) => {
        if (event.source !== frame.contentWindow) return;
        this.receive(parse, event.data, () => {
          this.post({ type: "init", workerSource });
          resolve();
        });
      };
      window.addEventListener("message", onMessage);
      frame.addEventListener("eventlab:destroy", () => window.removeEventListener("message", onMessage), { once: true });
    });
    frame.srcdoc = sandboxFrameHtml(relaySource);
    document.body.append(frame);
    this.frame = frame;
    return ready;
  }

  private destroyFrame(): void {
    this.frame?.dispatchEvent(new Event("eventlab:destroy"));
    this.frame?.remove();
    this.frame = undefined;
    this.frameReady = undefined;
  }
}

/** What the learner reads when a run ends without results. */
export function stopMessage(reason: StopReason, detail: string, timeLimitMs: number): string {
  switch (reason) {
    case "time-limit":
      return `stopped after ${formatSeconds(timeLimitMs)}: is there an endless loop?`;
    case "memory":
      return "stopped: the run used too much memory.";
    case "invalid-message":
      return invalidResultMessage(detail);
    case "crash":
      return `the sandbox crashed: ${detail}`;
  }
}

function invalidResultMessage(problem: string): string {
  return `the run sent back a result that is not valid: did your code change built-in objects? (${problem})`;
}

function errorResults(message: string, durationMs: number): RunResults {
  return { version: 3, status: "error", message, tests: [], durationMs, console: "" };
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

/** One runner for the whole page. */
export const runnerHost = new RunnerHost();
