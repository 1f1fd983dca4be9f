// `node scripts/bench-capstone.ts [--no-build]`: how long one full capstone run takes in the browser, measured,
// never asserted. Stage 5 ("chaos and the bill") runs the whole order system (HTTP API, five functions, SNS, four
// queues with dead-letter queues, SES) under seeded faults: the learner clicks Run and waits for the verdict.
// Prints Run -> verdict in headless Chromium, cold (first run after the editor loads) and warm (median of 5), and the
// same run in Node through the runner, for comparison. The capstone lesson's closing note quotes these numbers.
import { buildSite, distDir, repoRoot } from "../tests/support/build-site.ts";
import { launchChromium } from "../tests/support/chromium.ts";
import { serveStatic } from "../tests/support/static-server.ts";
import { readExercise } from "../src/lib/exercises/read-exercise.ts";
import { exerciseOn } from "../tests/e2e/exercise-page.ts";
import { timedRun } from "../tests/e2e/timed-run.ts";
import { solutionRequest } from "../tests/exercises/exercise-requests.ts";
import { runExercise } from "../sandbox-engine/src/runner/index.ts";

const exerciseId = "capstone/chaos-and-bill";
const lessonPath = "/capstone/5-chaos-and-the-bill/";
const warmRuns = 5;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(0)} ms`;

const exercise = await readExercise(`${repoRoot}src/content/exercises/${exerciseId}`, exerciseId);

async function inBrowser(siteUrl: string) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(siteUrl + lessonPath, { waitUntil: "networkidle" });
    const ex = exerciseOn(page, exerciseId);
    await ex.openEditor();
    for (const file of exercise.solution.filter((candidate) => candidate.role === "editable")) {
      await ex.tab(file.name).click();
      await ex.paste(file.source);
    }
    const cold = await timedRun(page, exerciseId);
    const warm: { ms: number; status: string }[] = [];
    for (let index = 0; index < warmRuns; index++) warm.push(await timedRun(page, exerciseId));
    return { cold, warm };
  } finally {
    await browser.close();
  }
}

async function inNode() {
  const times: number[] = [];
  for (let index = 0; index < warmRuns; index++) {
    const startedAt = performance.now();
    const results = await runExercise(solutionRequest(exercise));
    if (results.status !== "pass") throw new Error(`the solution did not pass in Node: ${results.status}`);
    times.push(performance.now() - startedAt);
  }
  return median(times);
}

if (!process.argv.includes("--no-build")) await buildSite().done;
const server = await serveStatic(distDir);
try {
  const browser = await inBrowser(server.url);
  const node = await inNode();
  console.log(`Capstone bench (${exerciseId}: the whole order system under faults, 30 orders)`);
  console.log(`Run -> verdict in Chromium, cold (first run)         ${ms(browser.cold.ms).padStart(8)}  ${browser.cold.status}`);
  console.log(`Run -> verdict in Chromium, warm (median of ${warmRuns})      ${ms(median(browser.warm.map((run) => run.ms))).padStart(8)}  ${[...new Set(browser.warm.map((run) => run.status))].join(", ")}`);
  console.log(`runExercise in Node, same files (median of ${warmRuns})       ${ms(node).padStart(8)}`);
} finally {
  await server.close();
}
