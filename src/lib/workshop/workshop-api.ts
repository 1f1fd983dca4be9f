/** The workshop server's API, shared by the server, the course pages and the host dashboard. */

/** A report body larger than this is refused before it is parsed: a verdict fits in a few hundred bytes. */
export const maxReportBytes = 2048;

/** Where the page sends reports, asks whether it is on a workshop server, and the host reads the room. */
export const workshopApi = {
  info: "/api/workshop",
  reports: "/api/workshop/reports",
  room: "/api/workshop/room",
} as const;
