import { randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { checkReport, type VerdictReport } from "../../src/lib/workshop/verdict-report.ts";
import { maxReportBytes, workshopApi } from "../../src/lib/workshop/workshop-api.ts";
import { hostPage, hostTokenMissingPage } from "./host-page.ts";
import { openReportStore } from "./report-store.ts";
import { serveSiteFile } from "./site-files.ts";

export interface WorkshopServerOptions {
  /** The built site. */
  distDir: string;
  /** The SQLite file that keeps the reports. */
  dataFile: string;
  /** Exercise ids of the course, in course order: the grid's columns, and the only ids a report may name. */
  exerciseIds: string[];
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** The host's token; a random one when left out. */
  token?: string;
  /** Reports one learner may send in a minute; more are refused (a loop in a page, not a learner, sends that many). */
  reportsPerMinute?: number;
}

export interface WorkshopServer {
  port: number;
  token: string;
  close(): Promise<void>;
}

/**
 * The workshop server: the built site for the room, and the opt-in host dashboard. Learners who share progress
 * POST each run's verdict to `/api/workshop/reports`; the host opens `/host?token=...` and sees the room as a live
 * grid. Reports are checked whole (size, fields, rate per learner) before anything is stored.
 */
export async function startWorkshopServer(options: WorkshopServerOptions): Promise<WorkshopServer> {
  const token = options.token ?? randomBytes(18).toString("base64url");
  const store = openReportStore(options.dataFile);
  const knownExercises = new Set(options.exerciseIds);
  const limit = options.reportsPerMinute ?? 30;
  const recentReports = new Map<string, number[]>();

  const hasToken = (given: string | null | undefined) => {
    const expected = Buffer.from(token);
    const actual = Buffer.from(given ?? "");
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  };

  const acceptReport = (report: VerdictReport): string | undefined => {
    if (!knownExercises.has(report.exerciseId)) return `exerciseId: "${report.exerciseId}" is not an exercise of this course`;
    const now = Date.now();
    const recent = (recentReports.get(report.learnerId) ?? []).filter((at) => now - at < 60_000);
    if (recent.length >= limit) return `too many reports from this learner: at most ${limit} a minute`;
    recent.push(now);
    recentReports.set(report.learnerId, recent);
    store.add(report, now);
    return undefined;
  };

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://workshop");
    try {
      if (url.pathname === workshopApi.info && request.method === "GET") {
        return sendJson(response, 200, { workshop: true });
      }
      if (url.pathname === workshopApi.reports) {
        if (request.method !== "POST") return sendJson(response, 405, { error: "send reports with POST" });
        const body = await readBody(request, maxReportBytes);
        if (body === undefined) {
          response.setHeader("connection", "close");
          return sendJson(response, 400, { error: `the report is larger than ${maxReportBytes} bytes` });
        }
        const checked = checkReport(body);
        if (!checked.ok) return sendJson(response, 400, { error: checked.reason });
        const refused = acceptReport(checked.report);
        if (refused) return sendJson(response, 400, { error: refused });
        return sendJson(response, 201, { stored: true });
      }
      if (url.pathname === workshopApi.room) {
        const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
        if (!hasToken(bearer)) return sendJson(response, 401, { error: "the host token is missing or wrong" });
        return sendJson(response, 200, { exercises: options.exerciseIds, learners: store.room() });
      }
      if (url.pathname === "/host" || url.pathname === "/host/") {
        const given = url.searchParams.get("token");
        if (!hasToken(given)) return sendHtml(response, 401, hostTokenMissingPage(given !== null));
        return sendHtml(response, 200, hostPage());
      }
      if (request.method === "GET" || request.method === "HEAD") return await serveSiteFile(options.distDir, request, response);
      return sendJson(response, 405, { error: "the course is read-only: GET pages, POST reports" });
    } catch (error) {
      if (!response.headersSent) sendJson(response, 500, { error: (error as Error).message });
      else response.destroy();
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "0.0.0.0", resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    token,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          store.close();
          resolve();
        });
      }),
  };
}

/** The body as text, or undefined once it passes `limit` bytes (reading stops there). */
function readBody(request: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    if (Number(request.headers["content-length"] ?? 0) > limit) {
      request.resume();
      return resolve(undefined);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.removeAllListeners("data");
        request.resume();
        resolve(undefined);
      } else chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" }).end(JSON.stringify(body));
}

function sendHtml(response: ServerResponse, status: number, html: string): void {
  response.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }).end(html);
}
