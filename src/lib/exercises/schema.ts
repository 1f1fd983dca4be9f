import { z } from "astro/zod";
import { conceptIds, type ConceptId } from "../syllabus.ts";

/** A file name inside an exercise folder: no folders, no `..`, a TypeScript source. */
const sourceFileName = z
  .string()
  .regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*\.ts$/, "must be a plain file name ending in .ts, like consumer.ts");

/** A syllabus concept id, e.g. `sqs.visibility`; anything else is rejected with the list's location. */
export const conceptIdSchema = z.string().refine((id): id is ConceptId => (conceptIds as readonly string[]).includes(id), {
  error: (issue) => `"${String(issue.input)}" is not a syllabus concept id (see src/lib/syllabus.ts)`,
});

/**
 * The metadata of one exercise, read from `exercise.yaml` in its folder. The schema is the documentation: every
 * field says what it is for, and the defaults are what an author gets when they leave a field out.
 */
export const exerciseMetaSchema = z.strictObject({
  /** Shown above the editor, e.g. "Your first consumer". */
  title: z.string().min(1),
  /** One sentence on what the learner builds; shown under the title. */
  summary: z.string().min(1),
  /** Syllabus concept ids the exercise makes the learner use (see src/lib/syllabus.ts). */
  concepts: z.array(conceptIdSchema).min(1),
  /** Files of starter/ that the learner edits; every other starter file is shown read-only. */
  editable: z.array(sourceFileName).min(1),
  /** Progressive hints, revealed one at a time; Markdown is allowed. */
  hints: z.array(z.string().min(1)).default([]),
  /** A run that takes longer is stopped and reported as an error (an endless loop, usually). */
  timeLimitSeconds: z.number().positive().max(60).default(5),
});

export type ExerciseMeta = z.output<typeof exerciseMetaSchema>;

/** One source file of an exercise, as the editor and the runner see it. */
export const exerciseFileSchema = z.object({
  /** File name without folders, e.g. `consumer.ts`. */
  name: z.string(),
  /** The file's TypeScript source. */
  source: z.string(),
  /** Learners may change it (an `editable` starter file) or only read it (other starter files and tests). */
  role: z.enum(["editable", "read-only", "test"]),
});

export type ExerciseFile = z.output<typeof exerciseFileSchema>;

/** An exercise folder as read from disk: its metadata plus the files of each variant. */
export const exerciseFolderSchema = exerciseMetaSchema.extend({
  /** `module/slug`, the id `<Exercise id>` takes. */
  id: z.string(),
  /** What the learner starts from: editable and read-only files. */
  starter: z.array(exerciseFileSchema),
  /** The reference answer: solution/'s solved editable files plus starter/'s read-only ones; passes every test. */
  solution: z.array(exerciseFileSchema),
  /** The vitest-syntax test files that grade the exercise. */
  tests: z.array(exerciseFileSchema),
});

export type ExerciseFolder = z.output<typeof exerciseFolderSchema>;

/** An entry of the `exercises` collection: the folder plus what the site renders ahead of time. */
export const exerciseSchema = exerciseFolderSchema.extend({
  /** The hints rendered from Markdown to HTML. */
  hintsHtml: z.array(z.string()),
});

export type Exercise = z.output<typeof exerciseSchema>;
