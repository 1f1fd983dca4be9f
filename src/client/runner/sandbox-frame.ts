/**
 * The document of the iframe that hosts the runner Worker. The iframe is sandboxed without `allow-same-origin`,
 * so it has an opaque origin: code in it (and in the Worker it starts) cannot read the site's localStorage,
 * IndexedDB or cookies, nor touch the page's DOM. Its Content-Security-Policy, which the blob: Worker inherits,
 * refuses every network connection. The relay below also owns the time limit: the page's main thread never runs
 * learner code, so an endless loop only ever blocks a Worker that the relay terminates.
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
  let spare: Worker | undefined;
  let current: { worker: Worker; runId: number; timer: number } | undefined;

  const toPage = (message: unknown) => parent.postMessage(message, "*");
  const warmUpIterations = 3;
  const spawn = () => {
    const worker = new Worker(workerUrl);
    if (warmUpRequest) worker.postMessage({ type: "warm-up", request: warmUpRequest, iterations: warmUpIterations });
    return worker;
  };
  const finish = () => {
    if (!current) return;
    clearTimeout(current.timer);
    current.worker.terminate();
    current = undefined;
    // A fresh Worker for every run: no state leaks from one run into the next, and starting the next one now
    // keeps its start-up cost out of the next Run.
    spare = spawn();
  };

  addEventListener("message", (event: MessageEvent) => {
    if (event.source !== parent) return;
    const message = event.data;
    if (message.type === "init") {
      workerUrl = URL.createObjectURL(new Blob([message.workerSource], { type: "text/javascript" }));
      spare = spawn();
    } else if (message.type === "prepare") {
      warmUpRequest = message.request;
      spare?.postMessage({ type: "warm-up", request: warmUpRequest, iterations: warmUpIterations });
    } else if (message.type === "cancel") {
      finish();
    } else if (message.type === "run") {
      finish();
      const worker = spare ?? spawn();
      spare = undefined;
      const runId: number = message.runId;
      const startedAt = performance.now();
      const timer = setTimeout(() => {
        finish();
        toPage({ type: "timeout", runId, elapsedMs: performance.now() - startedAt });
      }, message.timeLimitMs) as unknown as number;
      current = { worker, runId, timer };
      worker.onmessage = (reply: MessageEvent) => {
        if (reply.data?.type !== "result" || reply.data.runId !== runId) return;
        finish();
        toPage(reply.data);
      };
      worker.onerror = (error: ErrorEvent) => {
        error.preventDefault();
        finish();
        toPage({ type: "crash", runId, message: error.message || "the sandbox stopped unexpectedly" });
      };
      worker.postMessage({ type: "run", runId, request: message.request });
    }
  });
  toPage({ type: "frame-ready" });
}
