import type { RunRequest, RunResults } from "sandbox-engine/runner";
import { sandboxFrameHtml } from "./sandbox-frame.ts";

/** What the iframe relay sends back to the page. */
type FrameMessage =
  | { type: "frame-ready" }
  | { type: "result"; runId: number; results: RunResults }
  | { type: "timeout"; runId: number; elapsedMs: number }
  | { type: "crash"; runId: number; message: string };

/** A run whose answer is awaited; `settle` hands the results to whoever started it. */
interface PendingRun {
  runId: number;
  settle: (results: RunResults | undefined) => void;
  watchdog: ReturnType<typeof setTimeout>;
  timeLimitMs: number;
}

/** Extra time the page grants the relay beyond the run's limit before it gives up on the whole iframe. */
const watchdogGraceMs = 3000;

/**
 * The page's side of the runner: one hidden sandboxed iframe (see sandbox-frame.ts) shared by every exercise on
 * the page. `run` supersedes the run before it: the older run's Worker is terminated and its promise resolves to
 * `undefined`, so a stale result can never overwrite a newer one.
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
    if (warmUpRequest) this.frame?.contentWindow?.postMessage({ type: "prepare", request: warmUpRequest }, "*");
  }

  async run(request: RunRequest, timeLimitMs: number): Promise<RunResults | undefined> {
    this.supersede();
    const runId = this.nextRunId++;
    const answer = new Promise<RunResults | undefined>((resolve) => {
      const watchdog = setTimeout(() => {
        // The relay did not answer even after the time limit: drop the iframe; the next run builds a new one.
        this.destroyFrame();
        this.settle(runId, errorResults(`stopped after ${formatSeconds(timeLimitMs)}: the sandbox stopped answering.`, timeLimitMs));
      }, timeLimitMs + watchdogGraceMs);
      this.pending = { runId, settle: resolve, watchdog, timeLimitMs };
    });
    this.frameReady ??= this.createFrame();
    await this.frameReady;
    if (this.pending?.runId === runId) {
      this.frame?.contentWindow?.postMessage({ type: "run", runId, request, timeLimitMs }, "*");
    }
    return answer;
  }

  private supersede(): void {
    if (!this.pending) return;
    this.frame?.contentWindow?.postMessage({ type: "cancel", runId: this.pending.runId }, "*");
    this.settle(this.pending.runId, undefined);
  }

  private settle(runId: number, results: RunResults | undefined): void {
    const pending = this.pending;
    if (!pending || pending.runId !== runId) return;
    clearTimeout(pending.watchdog);
    this.pending = undefined;
    pending.settle(results);
  }

  private async createFrame(): Promise<void> {
    const { default: workerSource } = await import("virtual:eventlab/runner-worker-source");
    const frame = document.createElement("iframe");
    frame.setAttribute("sandbox", "allow-scripts");
    frame.setAttribute("aria-hidden", "true");
    frame.tabIndex = -1;
    frame.title = "Exercise runner";
    frame.hidden = true;
    const ready = new Promise<void>((resolve) => {
      const onMessage = (event: MessageEvent<FrameMessage>) => {
        if (event.source !== frame.contentWindow) return;
        const message = event.data;
        if (message.type === "frame-ready") {
          frame.contentWindow?.postMessage({ type: "init", workerSource }, "*");
          resolve();
        } else if (message.type === "result") {
          this.settle(message.runId, message.results);
        } else if (message.type === "timeout") {
          const limitMs = this.pending?.timeLimitMs ?? message.elapsedMs;
          this.settle(message.runId, errorResults(`stopped after ${formatSeconds(limitMs)}: is there an endless loop?`, message.elapsedMs));
        } else if (message.type === "crash") {
          this.settle(message.runId, errorResults(`the sandbox crashed: ${message.message}`, 0));
        }
      };
      window.addEventListener("message", onMessage);
      frame.addEventListener("eventlab:destroy", () => window.removeEventListener("message", onMessage), { once: true });
    });
    frame.srcdoc = sandboxFrameHtml();
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

function errorResults(message: string, durationMs: number): RunResults {
  return { version: 3, status: "error", message, tests: [], durationMs, console: "", trace: [] };
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

/** One runner for the whole page. */
export const runnerHost = new RunnerHost();
