/**
 * Route selection for WebSocket APIs (https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-develop-routes.html):
 * the API's expression names a member of the JSON message (`$request.body.action`, or `${request.body.action}`,
 * nested as `$request.body.message.type`); its value is the route key. A message that is not JSON, lacks the
 * member, or names no route goes to `$default`.
 */

/** The member path of `$request.body.a.b` / `${request.body.a.b}`, or undefined for another expression. */
export function parseRouteSelectionExpression(expression: string): readonly string[] | undefined {
  const match = /^(?:\$request\.body\.([A-Za-z0-9_.$-]+)|\$\{request\.body\.([A-Za-z0-9_.$-]+)\})$/.exec(expression.trim());
  const path = match?.[1] ?? match?.[2];
  return path === undefined || path.split(".").some((part) => part === "") ? undefined : path.split(".");
}

/** The route key a message selects, or undefined when it selects none (then `$default`). */
export function selectedRouteKey(expression: string, message: string): string | undefined {
  const path = parseRouteSelectionExpression(expression);
  if (path === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(message);
  } catch {
    return undefined;
  }
  for (const member of path) {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[member];
  }
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : undefined;
}
