/**
 * The document of the iframe that hosts the runner Worker. The iframe is sandboxed without `allow-same-origin`,
 * so it has an opaque origin: code in it (and in the Worker it starts) cannot read the site's localStorage,
 * IndexedDB or cookies, nor touch the page's DOM. Its Content-Security-Policy, which the blob: Worker inherits,
 * refuses every network connection. The relay below also owns the time limit: the page's main thread never runs
 * learner code, so an endless loop only ever blocks a Worker that the relay terminates.
 *
 * Runs reuse one Worker while it behaves: each run loads fresh modules and creates a fresh sandbox, and a warm
 * JIT makes a run take milliseconds instead of a cold ~100 ms. A run that times out, crashes or is superseded
 * takes its Worker down with it, and a spare that has already started (and warmed up) takes over.
 */
export function sandboxFrameHtml(): string {
  const policy = [
    "default-src 'none'",
    "script-src 'unsafe-inline' 'unsafe-eval' blob:",
    "worker-src blob:",
  ].join("; ");
  return `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
</head><body><script>(${relay.toString()})();</script></body></html>`;
}

/** Runs inside the iframe. Kept free of imports and outer variables: it is sent as source text. */
function relay(): void {
  let workerUrl = "";
  let warmUpRequest: unknown;
  /** The Worker that runs the learner's code; reused while it behaves, so runs find a warm JIT. */
  let active: Worker | undefined;
  /** A started, warmed-up Worker that replaces `active` when a run must be killed. */
  let spare: Worker | undefined;
  let current: { runId: number; timer: number } | undefined;

  const warmUpIterations = 3;
  const toPage = (message: unknown) => parent.postMessage(message, "*");
  const spawn = () => {
    const worker = new Worker(workerUrl);
    if (warmUpRequest) worker.postMessage({ type: "warm-up", request: warmUpRequest, iterations: warmUpIterations });
    return worker;
  };
  const done = () => {
    if (current) clearTimeout(current.timer);
    current = undefined;
  };
  /** Ends the running Worker (endless loop, crash, superseded run) and promotes the spare. */
  const kill = () => {
    done();
    active?.terminate();
    active = spare ?? spawn();
    spare = spawn();
  };

  addEventListener("message", (event: MessageEvent) => {
    if (event.source !== parent) return;
    const message = event.data;
    if (message.type === "init") {
      workerUrl = URL.createObjectURL(new Blob([message.workerSource], { type: "text/javascript" }));
      // The spare starts after the first run, not now: at page load the CPU belongs to the page and the editor.
      active = spawn();
    } else if (message.type === "prepare") {
      warmUpRequest = message.request;
      for (const worker of [active, spare]) worker?.postMessage({ type: "warm-up", request: warmUpRequest, iterations: warmUpIterations });
    } else if (message.type === "cancel") {
      if (current) kill();
    } else if (message.type === "run") {
      if (current) kill();
      const worker = active ?? spawn();
      active = worker;
      const runId: number = message.runId;
      const startedAt = performance.now();
      const timer = setTimeout(() => {
        kill();
        toPage({ type: "timeout", runId, elapsedMs: performance.now() - startedAt });
      }, message.timeLimitMs) as unknown as number;
      current = { runId, timer };
      worker.onmessage = (reply: MessageEvent) => {
        if (reply.data?.type !== "result" || reply.data.runId !== runId) return;
        done();
        toPage(reply.data);
        spare ??= spawn();
      };
      worker.onerror = (error: ErrorEvent) => {
        error.preventDefault();
        kill();
        toPage({ type: "crash", runId, message: error.message || "the sandbox stopped unexpectedly" });
      };
      worker.postMessage({ type: "run", runId, request: message.request });
    }
  });
  toPage({ type: "frame-ready" });
}
