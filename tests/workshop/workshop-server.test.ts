import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startWorkshopServer, type WorkshopServer, type WorkshopServerOptions } from "../../scripts/workshop/workshop-server.ts";
import type { VerdictReport } from "../../src/lib/workshop/verdict-report.ts";

/** Issue 14, workshop kit: the server with a real SQLite file. */
let folder: string;
let options: WorkshopServerOptions;
const running: WorkshopServer[] = [];

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "eventlab-workshop-"));
  const dist = join(folder, "dist");
  await mkdir(join(dist, "_astro"), { recursive: true });
  await mkdir(join(dist, "sqs/first-consumer"), { recursive: true });
  await writeFile(join(dist, "index.html"), "<!doctype html><title>EventLab</title>");
  await writeFile(join(dist, "sqs/first-consumer/index.html"), "<!doctype html><title>Your first consumer</title>");
  await writeFile(join(dist, "_astro/editor.Ab12Cd34.js"), "export {};");
  await mkdir(join(dist, "run-in-node/sqs/first-consumer"), { recursive: true });
  await writeFile(join(dist, "run-in-node/sqs/first-consumer/index.html"), "<!doctype html><title>Run in Node</title>");
  options = { distDir: dist, dataFile: join(folder, "workshop/reports.sqlite"), exerciseIds: ["sqs/first-consumer", "sns/fan-out"], host: "127.0.0.1" };
});

afterEach(async () => {
  for (const server of running.splice(0)) await server.close();
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function start(extra: Partial<WorkshopServerOptions> = {}, dataFile = join(folder, `${crypto.randomUUID()}.sqlite`)) {
  const server = await startWorkshopServer({ ...options, dataFile, ...extra });
  running.push(server);
  const base = `http://127.0.0.1:${server.port}`;
  const report = (body: unknown) =>
    fetch(`${base}/api/workshop/reports`, { method: "POST", headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });
  const room = async () => {
    const response = await fetch(`${base}/api/workshop/room`, { headers: { authorization: `Bearer ${server.token}` } });
    expect(response.status).toBe(200);
    return (await response.json()) as { exercises: string[]; learners: { name: string; cells: Record<string, { status: string; testsPassed: number; runs: number }> }[] };
  };
  return { server, base, report, room, dataFile };
}

const ada: VerdictReport = { learnerId: "learner-ada-0001", name: "Ada", exerciseId: "sqs/first-consumer", status: "fail", testsPassed: 3, testsTotal: 5, durationMs: 812 };

describe("serving the course", () => {
  it("serves pages for revalidation and hashed assets for a year, with a 304 when nothing changed", async () => {
    const { base } = await start();
    const page = await fetch(`${base}/sqs/first-consumer/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Your first consumer");
    expect(page.headers.get("cache-control")).toBe("no-cache");
    const asset = await fetch(`${base}/_astro/editor.Ab12Cd34.js`);
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(asset.headers.get("content-type")).toContain("text/javascript");
    const again = await fetch(`${base}/sqs/first-consumer/`, { headers: { "if-none-match": page.headers.get("etag")! } });
    expect(again.status).toBe(304);
    expect((await fetch(`${base}/nowhere/`)).status).toBe(404);
    expect((await fetch(`${base}/%2e%2e/%2e%2e/etc/passwd`)).status).not.toBe(200);
  });

  it("isolates the Run in Node pages (COOP/COEP for WebContainer) and no other page", async () => {
    const { base } = await start();
    const nodeRun = await fetch(`${base}/run-in-node/sqs/first-consumer/`);
    expect(nodeRun.headers.get("cross-origin-embedder-policy")).toBe("require-corp");
    expect(nodeRun.headers.get("cross-origin-opener-policy")).toBe("same-origin");
    const lesson = await fetch(`${base}/sqs/first-consumer/`);
    expect(lesson.headers.get("cross-origin-embedder-policy")).toBeNull();
    expect(lesson.headers.get("cross-origin-opener-policy")).toBeNull();
  });

  it("tells a page it is on a workshop server", async () => {
    const { base } = await start();
    expect(await (await fetch(`${base}/api/workshop`)).json()).toEqual({ workshop: true });
  });
});

describe("verdict reports", () => {
  it("stores a report in the SQLite file and shows each learner's latest verdict per exercise", async () => {
    const { report, room, dataFile } = await start();
    expect((await report(ada)).status).toBe(201);
    expect((await report({ ...ada, status: "pass", testsPassed: 5 })).status).toBe(201);
    expect((await report({ ...ada, learnerId: "learner-bob-0002", name: "Bob", exerciseId: "sns/fan-out", status: "error", testsPassed: 0, testsTotal: 0 })).status).toBe(201);

    const { exercises, learners } = await room();
    expect(exercises).toEqual(["sqs/first-consumer", "sns/fan-out"]);
    expect(learners.map((learner) => learner.name)).toEqual(["Ada", "Bob"]);
    expect(learners[0]!.cells["sqs/first-consumer"]).toMatchObject({ status: "pass", testsPassed: 5, runs: 2 });
    expect(learners[1]!.cells["sns/fan-out"]).toMatchObject({ status: "error" });

    const db = new DatabaseSync(dataFile, { readOnly: true });
    expect(db.prepare("SELECT COUNT(*) AS n FROM reports").get()).toEqual({ n: 3 });
    db.close();
  });

  it("keeps the reports across a restart", async () => {
    const dataFile = join(folder, "restart.sqlite");
    const first = await start({}, dataFile);
    expect((await first.report(ada)).status).toBe(201);
    await first.server.close();
    running.splice(running.indexOf(first.server), 1);

    const second = await start({}, dataFile);
    expect((await second.room()).learners).toMatchObject([{ name: "Ada", cells: { "sqs/first-consumer": { status: "fail", testsPassed: 3 } } }]);
  });

  it.each([
    ["not JSON", "{status: pass", /not JSON/],
    ["a missing field", { ...ada, status: undefined }, /status/],
    ["code in the report", { ...ada, code: "export const handler = ..." }, /unexpected field.*code/],
    ["an exercise the course does not have", { ...ada, exerciseId: "sqs/no-such-exercise" }, /not an exercise of this course/],
    ["more tests passed than run", { ...ada, testsPassed: 6 }, /testsPassed/],
    ["an empty name", { ...ada, name: "   " }, /name/],
    ["a name with control characters", { ...ada, name: "Ada\u0007" }, /control characters/],
    ["a body over 2 KiB", { ...ada, name: "x".repeat(3000) }, /larger than 2048 bytes/],
  ])("refuses %s with a 400 and the reason, storing nothing", async (_what, body, reason) => {
    const { report, room } = await start();
    const response = await report(body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(reason);
    expect((await room()).learners).toEqual([]);
  });

  it("refuses a learner who sends more reports a minute than allowed, and still takes others", async () => {
    const { report, room } = await start({ reportsPerMinute: 3 });
    for (let run = 0; run < 3; run++) expect((await report(ada)).status).toBe(201);
    const refused = await report(ada);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toMatch(/at most 3 a minute/);
    expect((await report({ ...ada, learnerId: "learner-bob-0002", name: "Bob" })).status).toBe(201);
    const learners = (await room()).learners;
    expect(learners.find((learner) => learner.name === "Ada")!.cells["sqs/first-consumer"]!.runs).toBe(3);
  });
});

describe("the host dashboard", () => {
  it("needs the printed token, for the page and for the room's data", async () => {
    const { base, server } = await start();
    expect((await fetch(`${base}/host`)).status).toBe(401);
    const wrong = await fetch(`${base}/host?token=guess`);
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain("not this server's");
    expect((await fetch(`${base}/api/workshop/room`)).status).toBe(401);
    expect((await fetch(`${base}/api/workshop/room`, { headers: { authorization: "Bearer guess" } })).status).toBe(401);
    const page = await fetch(`${base}/host?token=${server.token}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("data-room");
  });
});
