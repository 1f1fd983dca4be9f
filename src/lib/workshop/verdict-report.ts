import { z } from "zod";

/** What a learner who opted in shares after each run: who, which exercise, the verdict, and nothing else (no code). */
export const verdictReportSchema = z.strictObject({
  /** A random id the learner's browser made, so two learners with one display name stay two rows. */
  learnerId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "must be 8 to 64 letters, digits, _ or -"),
  /** The display name the learner chose. */
  name: z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(40, "must be at most 40 characters")
    .regex(/^[^\p{Cc}\p{Cf}]+$/u, "must not contain control characters"),
  /** `module/slug`, e.g. `sqs/first-consumer`. */
  exerciseId: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'must look like "module/slug"'),
  status: z.enum(["pass", "fail", "error"]),
  testsPassed: z.int().min(0).max(1000),
  testsTotal: z.int().min(0).max(1000),
  /** How long the run took, in milliseconds. */
  durationMs: z.number().min(0).max(600_000),
}).refine((report) => report.testsPassed <= report.testsTotal, { error: "testsPassed must not exceed testsTotal", path: ["testsPassed"] });

export type VerdictReport = z.output<typeof verdictReportSchema>;

export type ReportCheck = { ok: true; report: VerdictReport } | { ok: false; reason: string };

/** Parses and validates a report body; the reason names the field and what is wrong, for the 400 response. */
export function checkReport(body: string): ReportCheck {
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    return { ok: false, reason: "the body is not JSON" };
  }
  const parsed = verdictReportSchema.safeParse(raw);
  if (parsed.success) return { ok: true, report: parsed.data };
  const reason = parsed.error.issues
    .map((issue) => (issue.code === "unrecognized_keys" ? `unexpected field(s) ${issue.keys.join(", ")}: a report holds the verdict only` : `${issue.path.join(".") || "report"}: ${issue.message}`))
    .join("; ");
  return { ok: false, reason };
}
