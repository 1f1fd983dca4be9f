/**
 * The document of the iframe that hosts the runner Workers. The iframe is sandboxed without `allow-same-origin`,
 * so it has an opaque origin: code in it (and in the Workers it starts) cannot read the site's localStorage,
 * IndexedDB or cookies, nor touch the page's DOM. Its Content-Security-Policy, which the blob: Workers inherit,
 * refuses every network connection. Its script, the relay (frame-relay.ts, bundled by runner-worker-plugin.ts),
 * owns each run's time limit: the page's main thread never runs learner code, so an endless loop only ever blocks
 * a Worker that the relay terminates.
 *
 * Runs reuse one Worker while it behaves: each run loads fresh modules and creates a fresh sandbox, and a warm
 * JIT makes a run take milliseconds instead of a cold ~100 ms. A run that times out, crashes, sends something that
 * is not valid, is superseded, or changes what the next run would see takes its Worker down with it, and a spare
 * that has already started (and warmed up) takes over; the spare starts once no run has come for a second.
 */
export function sandboxFrameHtml(relaySource: string): string {
  const policy = [
    "default-src 'none'",
    "script-src 'unsafe-inline' 'unsafe-eval' blob:",
    "worker-src blob:",
  ].join("; ");
  // "</script" inside the bundle would end the inline script early; "<\/script" means the same in JavaScript.
  const script = relaySource.replace(/<\/script/gi, "<\\/script");
  return `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
</head><body><script>${script}</script></body></html>`;
}
