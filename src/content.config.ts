import { defineCollection } from "astro:content";
import { docsLoader } from "@astrojs/starlight/loaders";
import { docsSchema } from "@astrojs/starlight/schema";
import { exercisesLoader } from "./lib/exercises/loader.ts";

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  exercises: defineCollection({ loader: exercisesLoader({ base: "./src/content/exercises/" }) }),
};
