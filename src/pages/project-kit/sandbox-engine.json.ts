import type { APIRoute } from "astro";
import { buildEngineKit } from "../../lib/project-tree/build-engine-kit.ts";

/**
 * sandbox-engine packed for downloaded projects (built JavaScript, declarations, package.json), as one static
 * JSON file the page fetches when a learner downloads an exercise; the service worker keeps it for offline use.
 */
export const GET: APIRoute = async () => new Response(JSON.stringify(await buildEngineKit()), { headers: { "content-type": "application/json" } });
