import type { Loader, LoaderContext } from "astro/loaders";
import { fileURLToPath } from "node:url";
import { AstroError } from "astro/errors";
import { ExerciseDefinitionError, readAllExercises } from "./read-exercise.ts";
import { exerciseSchema } from "./schema.ts";

/**
 * Loads `src/content/exercises/<module>/<slug>/` folders into the `exercises` collection. A mistake in a folder
 * stops the build with the file and field it is about, as an AstroError (message and hint, no stack trace).
 * In `astro dev` an edit to any exercise file reloads the collection.
 */
export function exercisesLoader(options: { base: string }): Loader {
  return {
    name: "eventlab-exercises",
    schema: exerciseSchema,
    async load(context) {
      const root = fileURLToPath(new URL(options.base, context.config.root));
      await syncExercises(root, context);
      context.watcher?.add(root);
      context.watcher?.on("all", (_event, path) => {
        if (path.startsWith(root)) void syncExercises(root, context).catch((error) => context.logger.error(String(error.message ?? error)));
      });
    },
  };
}

async function syncExercises(root: string, { store, parseData, generateDigest, renderMarkdown }: LoaderContext): Promise<void> {
  let exercises;
  try {
    exercises = await readAllExercises(root);
  } catch (error) {
    if (error instanceof ExerciseDefinitionError) {
      throw new AstroError(`Invalid exercise: ${error.message}`, 'Fix the exercise folder named above; README.md, "Write an exercise", lists the fields.');
    }
    throw error;
  }
  store.clear();
  for (const exercise of exercises) {
    const hintsHtml = await Promise.all(exercise.hints.map(async (hint) => (await renderMarkdown(hint)).html));
    const data = await parseData({ id: exercise.id, data: { ...exercise, hintsHtml } });
    store.set({ id: exercise.id, data, digest: generateDigest(data) });
  }
}
