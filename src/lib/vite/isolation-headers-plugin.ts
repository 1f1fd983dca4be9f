import type { Connect, Plugin } from "vite";
import { isolationHeaders } from "../../../scripts/workshop/site-files.ts";

/**
 * The dev and preview servers send the "Run in Node" pages' cross-origin isolation headers (see
 * scripts/workshop/site-files.ts), as the workshop server and a static host configured per the README do.
 */
export function isolationHeadersPlugin(): Plugin {
  const middleware: Connect.NextHandleFunction = (request, response, next) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    for (const [name, value] of Object.entries(isolationHeaders(path))) response.setHeader(name, value);
    next();
  };
  return {
    name: "eventlab-isolation-headers",
    configureServer: (server) => void server.middlewares.use(middleware),
    configurePreviewServer: (server) => void server.middlewares.use(middleware),
  };
}
