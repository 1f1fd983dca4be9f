import { defineCollection } from "astro:content";
import { z } from "astro/zod";
import { docsLoader } from "@astrojs/starlight/loaders";
import { docsSchema } from "@astrojs/starlight/schema";
import { exercisesLoader } from "./lib/exercises/loader.ts";
import { conceptIdSchema } from "./lib/exercises/schema.ts";

export const collections = {
  docs: defineCollection({
    loader: docsLoader(),
    schema: docsSchema({
      extend: z.object({
        /** Syllabus concept ids this lesson explains (src/lib/syllabus.ts); checked by tests/site/syllabus-coverage. */
        concepts: z.array(conceptIdSchema).default([]),
      }),
    }),
  }),
  exercises: defineCollection({ loader: exercisesLoader({ base: "./src/content/exercises/" }) }),
};
