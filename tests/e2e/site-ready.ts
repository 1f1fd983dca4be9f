import { readFile } from "node:fs/promises";
import { setTimeout as delay } from "node:timers/promises";
import { inject } from "vitest";

/**
 * Each browser test file starts here (setupFiles): it waits for the site build that global-setup.ts started, so
 * it reads dist/ only once the build has written it, and fails with the build's error if it failed.
 */
const outcomeFile = inject("siteBuildOutcome");
const deadline = Date.now() + 15 * 60_000;
for (;;) {
  const text = await readFile(outcomeFile, "utf8").catch(() => undefined);
  if (text !== undefined) {
    const outcome = JSON.parse(text) as { ok: boolean; message?: string };
    if (!outcome.ok) throw new Error(`The site build failed, so the browser tests cannot run:\n${outcome.message}`);
    break;
  }
  if (Date.now() > deadline) throw new Error(`The site build did not finish within 15 minutes (no ${outcomeFile}).`);
  await delay(250);
}
