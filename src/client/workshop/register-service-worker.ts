/**
 * Registers the course's service worker (see service-worker.ts) on every page of a production build. The dev
 * server has no sw.js, and a worker there would serve stale modules to an author.
 */
if (import.meta.env.PROD && "serviceWorker" in navigator) {
  navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`).catch((error: unknown) => {
    console.warn("The offline copy of the course could not be set up:", error);
  });
}
