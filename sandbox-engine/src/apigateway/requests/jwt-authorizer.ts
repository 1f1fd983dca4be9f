/**
 * An HTTP API JWT authorizer at work (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html):
 * the token from the identity source (alone or after "Bearer "), decoded, its RS256 signature checked against the
 * issuer's key set (here `sb.world.identity`), then its claims: `iss` equals the authorizer's issuer; `aud`, or
 * `client_id` when there is no `aud`, is one of its audiences; `exp` is after now, `nbf` and `iat` not after now;
 * and, when the route names scopes, `scope` (or `scp`) holds at least one. A bad token answers 401
 * {"message":"Unauthorized"}, missing scopes 403 {"message":"Forbidden"}, both with a `www-authenticate` header
 * saying why (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-troubleshooting-jwt.html).
 * The claims and scopes reach the integration (requestContext.authorizer.jwt). REST COGNITO_USER_POOLS authorizers
 * use the same checks with their user pools' issuers and no audience
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-integrate-with-cognito.html).
 */
import type { WorldIdentity } from "../../world/identity.ts";
import { headerValue, type GatewayRequest } from "./gateway-request.ts";

export interface JwtGrant {
  readonly claims: Readonly<Record<string, string>>;
  readonly scopes: readonly string[] | null;
}

export type JwtVerdict =
  | { readonly kind: "allow"; readonly grant: JwtGrant }
  | { readonly kind: "refuse"; readonly response: "UNAUTHORIZED" | "ACCESS_DENIED"; readonly reason: string; readonly wwwAuthenticate: string };

function refuse(response: "UNAUTHORIZED" | "ACCESS_DENIED", reason: string, scopes: readonly string[]): JwtVerdict {
  const error = response === "UNAUTHORIZED" ? "invalid_token" : "insufficient_scope";
  return { kind: "refuse", response, reason, wwwAuthenticate: `Bearer scope="${scopes.join(" ")}" error="${error}" error_description="${reason}"` };
}

/** Claim values as API Gateway passes them on: strings, lists as "[a b]". */
function claimText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(String).join(" ")}]`;
  return typeof value === "object" && value !== null ? JSON.stringify(value) : String(value);
}

/** What a token must satisfy: HTTP JWT authorizers name an issuer and audiences; REST Cognito authorizers user pools and no audience. */
export interface TokenRules {
  /** The header that holds the token. */
  readonly header: string;
  readonly issuers: readonly string[];
  /** undefined: any audience (Cognito ID tokens of any app client of the pool). */
  readonly audience: readonly string[] | undefined;
  /** The route's or method's scopes (none: any valid token). */
  readonly scopes: readonly string[];
}

export function authorizeJwt(identity: WorldIdentity, rules: TokenRules, request: GatewayRequest, nowMs: number): JwtVerdict {
  const routeScopes = rules.scopes;
  const header = headerValue(request, rules.header);
  const token = header?.replace(/^Bearer /, "").trim();
  if (token === undefined || token === "") return refuse("UNAUTHORIZED", "no token in the identity source", routeScopes);
  const verified = identity.verifyJwt(token);
  if ("error" in verified) return refuse("UNAUTHORIZED", verified.error, routeScopes);
  const { claims } = verified;
  const now = nowMs / 1000;
  if (typeof claims.iss !== "string" || !rules.issuers.includes(claims.iss)) return refuse("UNAUTHORIZED", "the token does not have a valid issuer", routeScopes);
  const audiences = claims.aud === undefined ? [claims.client_id] : Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (rules.audience !== undefined && !audiences.some((audience) => typeof audience === "string" && rules.audience!.includes(audience))) return refuse("UNAUTHORIZED", "the token does not have a valid audience", routeScopes);
  if (typeof claims.exp !== "number" || claims.exp <= now) return refuse("UNAUTHORIZED", "the token has expired", routeScopes);
  if (typeof claims.nbf === "number" && claims.nbf > now) return refuse("UNAUTHORIZED", "the token is not valid yet", routeScopes);
  if (typeof claims.iat === "number" && claims.iat > now) return refuse("UNAUTHORIZED", "the token was issued in the future", routeScopes);
  const scopeClaim = claims.scope ?? claims.scp;
  const tokenScopes = typeof scopeClaim === "string" ? scopeClaim.split(" ").filter((scope) => scope !== "") : Array.isArray(scopeClaim) ? scopeClaim.map(String) : [];
  if (routeScopes.length > 0 && !routeScopes.some((scope) => tokenScopes.includes(scope))) {
    return refuse("ACCESS_DENIED", `the token does not have any of the route's scopes (${routeScopes.join(", ")})`, routeScopes);
  }
  return {
    kind: "allow",
    grant: { claims: Object.fromEntries(Object.entries(claims).map(([name, value]) => [name, claimText(value)])), scopes: tokenScopes.length === 0 ? null : tokenScopes },
  };
}
