/// <reference lib="webworker" />
// The Worker that runs a learner's code and the exercise's tests. It lives inside an opaque-origin iframe (see
// sandbox-frame.ts), so it has no access to the site's storage or cookies; here it also loses the network.
import { lockDownNetwork, runExercise, type HostToWorker, type RunRequest, type WorkerToHost } from "sandbox-engine/runner";

declare const self: DedicatedWorkerGlobalScope;

// Keep our own reference: learner code could replace self.postMessage to fake a verdict.
const postMessage = self.postMessage.bind(self);
const post = (message: WorkerToHost) => postMessage(message);

lockDownNetwork(self);

/** One run at a time: runs share the engine's module state (the current sandbox), so they never interleave. */
let queue: Promise<unknown> = Promise.resolve();
let learnerRunWaiting = false;

async function warmUp(request: RunRequest, iterations: number): Promise<void> {
  for (let index = 0; index < iterations && !learnerRunWaiting; index++) {
    await runExercise(request);
  }
}

self.onmessage = (event: MessageEvent<HostToWorker>) => {
  const message = event.data;
  if (message.type === "warm-up") {
    queue = queue.then(() => warmUp(message.request, message.iterations));
  } else if (message.type === "run") {
    learnerRunWaiting = true;
    queue = queue.then(async () => {
      learnerRunWaiting = false;
      const results = await runExercise(message.request);
      post({ type: "result", runId: message.runId, results });
    });
  }
};

post({ type: "ready" });
