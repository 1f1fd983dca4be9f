/// <reference lib="webworker" />
import { cleanupOutdatedCaches, precacheAndRoute, type PrecacheEntry } from "workbox-precaching";

/**
 * The course's service worker (built by src/lib/vite/service-worker-integration.ts into dist/sw.js): on the first
 * visit it caches every file of the build (pages, the editor and its workers, search, the project kit), so a
 * learner whose Wi-Fi drops keeps reading and running exercises. Workbox keys each file by a hash of its content:
 * a new build's worker fetches only what changed, takes over at once, and drops what the build no longer has.
 */
declare const self: ServiceWorkerGlobalScope;
declare const precacheManifest: PrecacheEntry[];

self.addEventListener("install", () => void self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));
cleanupOutdatedCaches();
// `/sqs/first-consumer/` is served from `/sqs/first-consumer/index.html`. Anything not in the build (the
// workshop server's /api/ and /host) is left to the network.
precacheAndRoute(precacheManifest, { directoryIndex: "index.html", cleanURLs: false });
