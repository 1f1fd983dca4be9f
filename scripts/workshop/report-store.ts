import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DatabaseSync } from "node:sqlite";
import type { VerdictReport } from "../../src/lib/workshop/verdict-report.ts";

/** A learner's latest verdict on one exercise, as the host grid shows it. */
export interface RoomCell {
  status: VerdictReport["status"];
  testsPassed: number;
  testsTotal: number;
  durationMs: number;
  /** When the server received the report (epoch ms). */
  receivedAt: number;
  /** How many runs the learner reported on this exercise. */
  runs: number;
}

export interface RoomLearner {
  learnerId: string;
  name: string;
  cells: Record<string, RoomCell>;
}

export interface ReportStore {
  /** Stores one report in one INSERT: it is there whole, or not at all. */
  add(report: VerdictReport, receivedAt: number): void;
  /** Every learner (by first report) with their latest verdict per exercise. */
  room(): RoomLearner[];
  count(): number;
  close(): void;
}

/**
 * Verdict reports in a SQLite file through Node's built-in `node:sqlite`, so a restarted workshop server still
 * shows the room. WAL mode: the host's reads do not wait for learners' writes.
 */
export function openReportStore(file: string): ReportStore {
  mkdirSync(dirname(file), { recursive: true });
  const db = new DatabaseSync(file);
  db.exec(`
    PRAGMA journal_mode = WAL;
    CREATE TABLE IF NOT EXISTS reports (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      learner_id TEXT NOT NULL,
      name TEXT NOT NULL,
      exercise_id TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('pass', 'fail', 'error')),
      tests_passed INTEGER NOT NULL,
      tests_total INTEGER NOT NULL,
      duration_ms REAL NOT NULL,
      received_at INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS reports_by_learner ON reports (learner_id, exercise_id, id);
  `);
  const insert = db.prepare(
    "INSERT INTO reports (learner_id, name, exercise_id, status, tests_passed, tests_total, duration_ms, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const latest = db.prepare(`
    SELECT r.learner_id, r.name, r.exercise_id, r.status, r.tests_passed, r.tests_total, r.duration_ms, r.received_at, c.runs, f.first_id
    FROM reports r
    JOIN (SELECT learner_id, exercise_id, MAX(id) AS last_id, COUNT(*) AS runs FROM reports GROUP BY learner_id, exercise_id) c
      ON r.id = c.last_id
    JOIN (SELECT learner_id, MIN(id) AS first_id FROM reports GROUP BY learner_id) f
      ON r.learner_id = f.learner_id
    ORDER BY f.first_id, r.exercise_id
  `);
  const lastNames = db.prepare("SELECT learner_id, name FROM reports WHERE id IN (SELECT MAX(id) FROM reports GROUP BY learner_id)");
  const countAll = db.prepare("SELECT COUNT(*) AS n FROM reports");

  return {
    add(report, receivedAt) {
      insert.run(report.learnerId, report.name, report.exerciseId, report.status, report.testsPassed, report.testsTotal, report.durationMs, receivedAt);
    },
    room() {
      const names = new Map(lastNames.all().map((row) => [String(row.learner_id), String(row.name)]));
      const learners = new Map<string, RoomLearner>();
      for (const row of latest.all()) {
        const learnerId = String(row.learner_id);
        const learner = learners.get(learnerId) ?? { learnerId, name: names.get(learnerId) ?? String(row.name), cells: {} };
        learners.set(learnerId, learner);
        learner.cells[String(row.exercise_id)] = {
          status: row.status as RoomCell["status"],
          testsPassed: Number(row.tests_passed),
          testsTotal: Number(row.tests_total),
          durationMs: Number(row.duration_ms),
          receivedAt: Number(row.received_at),
          runs: Number(row.runs),
        };
      }
      return [...learners.values()];
    },
    count: () => Number(countAll.get()?.n ?? 0),
    close: () => db.close(),
  };
}
