// The sign-in service's sessions: bearer token -> who holds it. Read-only.

export interface Session {
  userId: string;
  role: "customer" | "admin";
}

const sessions = new Map<string, Session>([
  ["tok-ada", { userId: "ada", role: "customer" }],
  ["tok-grace", { userId: "grace", role: "customer" }],
  ["tok-ops", { userId: "ops", role: "admin" }],
]);

export function findSession(token: string): Session | undefined {
  return sessions.get(token);
}
