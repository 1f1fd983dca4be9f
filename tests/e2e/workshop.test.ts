import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { startWorkshopServer, type WorkshopServer } from "../../scripts/workshop/workshop-server.ts";
import { readAllExercises } from "../../src/lib/exercises/read-exercise.ts";
import { buildEngineKit } from "../../src/lib/project-tree/build-engine-kit.ts";
import { distDir } from "../support/build-site.ts";
import { childEnvironment } from "../support/child-environment.ts";
import { launchChromium } from "../support/chromium.ts";
import { installedVitest, linkInstall, sharedInstall, writeTree } from "../workshop/support/project-trees.ts";
import { exerciseOn } from "./exercise-page.ts";

/**
 * Issue 14 in Chromium, against the built site served by the workshop server: two learners share progress and
 * the host grid shows both; "Download project" saves a zip that real vitest grades; with the server stopped, the
 * service worker serves the lessons, the editor, a run and a download.
 */
const exerciseId = "sqs/first-consumer";
const lesson = "/sqs/producers-and-consumers/";
const otherLesson = "/sns/topics-and-fan-out/";
const exercises = await readAllExercises(new URL("../../src/content/exercises/", import.meta.url).pathname);
const exercise = exercises.find((candidate) => candidate.id === exerciseId)!;
const editable = exercise.solution.find((file) => file.role === "editable")!;

let browser: Browser;
let server: WorkshopServer | undefined;
let folder: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  folder = await mkdtemp(join(tmpdir(), "eventlab-workshop-e2e-"));
});

afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
  await server?.close();
  server = undefined;
});

afterAll(async () => {
  await browser?.close();
  await rm(folder, { recursive: true, force: true });
});

async function startServer(): Promise<string> {
  server = await startWorkshopServer({
    distDir,
    dataFile: join(folder, `${crypto.randomUUID()}.sqlite`),
    exerciseIds: exercises.map((candidate) => candidate.id),
    host: "127.0.0.1",
  });
  return `http://127.0.0.1:${server.port}`;
}

/** Until the service worker has installed (every file of the build cached) and controls the page. */
async function untilCachedForOffline(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 10_000 });
}

async function newPage(options: Parameters<Browser["newContext"]>[0] = {}): Promise<Page> {
  const context = await browser.newContext(options);
  contexts.push(context);
  return context.newPage();
}

describe("the host dashboard", () => {
  it("shows two learners who share progress, each with their verdict", async () => {
    const base = await startServer();
    for (const [name, code, verdict] of [
      ["Ada", editable.source, "pass"],
      ["Bob", exercise.starter.find((file) => file.name === editable.name)!.source, "fail"],
    ] as const) {
      const page = await newPage();
      await page.goto(`${base}${lesson}`);
      await page.locator("[data-workshop-share] input[name=name]").fill(name);
      await page.locator("[data-workshop-share] button[type=submit]").click();
      await expect(page.locator("[data-workshop-share] p").textContent()).resolves.toContain(`as ${name}`);
      const ex = exerciseOn(page, exerciseId);
      await ex.openEditor();
      await ex.paste(code);
      await expect(ex.run()).resolves.toBe(verdict);
    }

    const host = await newPage();
    await host.goto(`${base}/host?token=${server!.token}`);
    await host.waitForSelector(`tr[data-learner="Ada"] td[data-cell="${exerciseId}"][data-status="pass"]`, { timeout: 10_000 });
    await host.waitForSelector(`tr[data-learner="Bob"] td[data-cell="${exerciseId}"][data-status="fail"]`, { timeout: 10_000 });
    const bob = await host.locator(`tr[data-learner="Bob"] td[data-cell="${exerciseId}"]`).textContent();
    expect(bob).toMatch(/^\u2717 \d+\/\d+$/);
  });

  it("is not offered on a plain static host: no share panel without the workshop server", async () => {
    const page = await newPage();
    await page.goto(`${inject("siteUrl")}${lesson}`);
    await exerciseOn(page, exerciseId).openEditor();
    await expect(page.locator("[data-workshop-share]").count()).resolves.toBe(0);
  });
});

describe("Run in Node (WebContainer)", () => {
  // A live WebContainer boot needs StackBlitz's service, which these tests cannot reach; the driver is tested
  // against a fake in tests/workshop/node-run-driver.test.ts.
  it("on a host without the isolation headers, explains what is missing and offers the download", async () => {
    const page = await newPage();
    const offSite: string[] = [];
    page.on("request", (request) => void (new URL(request.url()).origin !== new URL(inject("siteUrl")).origin && offSite.push(request.url())));
    await page.goto(`${inject("siteUrl")}${lesson}`);
    const link = exerciseOn(page, exerciseId).root.locator('a[data-action="run-in-node"]');
    await expect(link.getAttribute("href")).resolves.toBe(`/run-in-node/${exerciseId}/`);
    await page.goto(`${inject("siteUrl")}/run-in-node/${exerciseId}/`);
    await expect(page.evaluate(() => crossOriginIsolated)).resolves.toBe(false);
    await page.locator('button[data-action="start"]').click();
    const status = page.locator("[data-node-run-status]");
    await expect(status.getAttribute("data-phase")).resolves.toBe("unavailable");
    await expect(status.textContent()).resolves.toContain("cross-origin isolated");
    await expect(page.locator('button[data-action="download"]').isVisible()).resolves.toBe(true);
    expect(offSite).toEqual([]);
  });

  it("offline, on the isolated page of the workshop server, says the internet is needed and offers the download", async () => {
    const base = await startServer();
    const page = await newPage({ acceptDownloads: true });
    await page.goto(`${base}/run-in-node/${exerciseId}/`);
    await expect(page.evaluate(() => crossOriginIsolated)).resolves.toBe(true);
    await untilCachedForOffline(page);
    await page.context().setOffline(true);
    await page.locator('button[data-action="start"]').click();
    const status = page.locator("[data-node-run-status]");
    await expect(status.getAttribute("data-phase")).resolves.toBe("unavailable");
    await expect(status.textContent()).resolves.toContain("You are offline");
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator('button[data-action="download"]').click()]);
    expect(download.suggestedFilename()).toBe("eventlab-sqs-first-consumer.zip");
  });
});

describe("offline, with the workshop server stopped", () => {
  it("the service worker serves lessons, runs an exercise, and builds a download that real vitest passes", async () => {
    const base = await startServer();
    const page = await newPage({ acceptDownloads: true });
    await page.goto(`${base}/`);
    await untilCachedForOffline(page);
    await server!.close();
    server = undefined;
    await expect(fetch(`${base}/`)).rejects.toThrow();

    const other = await page.goto(`${base}${otherLesson}`);
    expect(other?.status()).toBe(200);
    await expect(page.locator("h1").first().textContent()).resolves.toMatch(/\S/);
    await page.goto(`${base}${lesson}`);
    const ex = exerciseOn(page, exerciseId);
    await ex.openEditor();
    await ex.paste(editable.source);
    await expect(ex.run()).resolves.toBe("pass");

    const [download] = await Promise.all([page.waitForEvent("download"), ex.root.locator('button[data-action="download"]').click()]);
    expect(download.suggestedFilename()).toBe("eventlab-sqs-first-consumer.zip");
    const entries = unzipSync(new Uint8Array(await readFile((await download.path())!)));
    const tree = Object.fromEntries(
      Object.entries(entries).map(([path, bytes]) => [path.replace(/^eventlab-sqs-first-consumer\//, ""), strFromU8(bytes)]),
    );
    expect(Object.keys(entries).every((path) => path.startsWith("eventlab-sqs-first-consumer/"))).toBe(true);
    expect(tree[`src/${editable.name}`]).toBe(editable.source);
    expect(Object.keys(tree)).toEqual(expect.arrayContaining(["package.json", "vitest.config.mjs", "README.md", "sandbox-engine/dist/index.js"]));

    // The zip, unpacked, under real vitest: execFileSync throws if any test fails.
    const dir = join(folder, "downloaded");
    const installDir = await sharedInstall(await buildEngineKit());
    await writeTree(dir, tree);
    await linkInstall(dir, installDir);
    const output = execFileSync(process.execPath, [installedVitest(installDir), "run"], { cwd: dir, env: childEnvironment(), encoding: "utf8" });
    expect(output).toMatch(/\d+ passed/);
  });
});
