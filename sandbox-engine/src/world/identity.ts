/**
 * `sb.world.identity`: a token issuer standing in for an OpenID Connect provider such as a Cognito user pool. It
 * issues RS256 JWTs signed with the sandbox's key and publishes that key for every issuer, as a provider publishes
 * its JWKS at `{issuer}/.well-known/jwks.json`, which is where API Gateway's JWT authorizers read keys
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html: "Currently, only
 * RSA-based algorithms are supported"). Times come from the virtual clock.
 */
import { base64UrlToBytes, bytesToBase64Url, SANDBOX_SIGNING_KEY, signRs256, verifyRs256 } from "./rs256.ts";

export interface IssueJwtOptions {
  /** The `iss` claim; default a Cognito user pool's issuer URL of the sandbox. */
  readonly issuer?: string;
  /** The `aud` claim (an ID token's app client id); leave it out and give `clientId` for an access token. */
  readonly audience?: string | readonly string[];
  /** The `client_id` claim (Cognito access tokens carry it instead of `aud`). */
  readonly clientId?: string;
  /** The `sub` claim; default "user-1". */
  readonly sub?: string;
  /** The `scope` claim (space-separated), e.g. ["orders/read"]. */
  readonly scopes?: readonly string[];
  /** Seconds until `exp`; default 3,600 (negative: already expired). */
  readonly expiresIn?: number;
  /** More claims (email, cognito:groups, ...). */
  readonly claims?: Readonly<Record<string, unknown>>;
}

export interface VerifiedJwt {
  readonly header: Readonly<Record<string, unknown>>;
  readonly claims: Readonly<Record<string, unknown>>;
}

export interface WorldIdentity {
  /** A signed JWT with these claims, issued now (virtual time). */
  issueJwt(options?: IssueJwtOptions): string;
  /** Engine-internal (what an authorizer does with the issuer's key set): the token's parts if its RS256 signature is the issuer's, else why not. */
  verifyJwt(token: string): VerifiedJwt | { readonly error: string };
}

const utf8 = new TextEncoder();
const text = new TextDecoder();

/** Signature checks remembered per token (a check costs milliseconds of BigInt arithmetic; the answer never changes). */
const MAX_REMEMBERED = 1_000;

export function createIdentity(now: () => number, defaultIssuer: string): WorldIdentity {
  const checked = new Map<string, boolean>();
  const signatureHolds = (signingInput: string, signature: Uint8Array, token: string): boolean => {
    let holds = checked.get(token);
    if (holds === undefined) {
      holds = verifyRs256(utf8.encode(signingInput), signature);
      if (checked.size >= MAX_REMEMBERED) checked.clear();
      checked.set(token, holds);
    }
    return holds;
  };
  return Object.freeze({
    issueJwt(options: IssueJwtOptions = {}): string {
      const expiresIn = options.expiresIn ?? 3600;
      if (!Number.isFinite(expiresIn)) throw new RangeError("issueJwt: expiresIn must be a number of seconds");
      const iat = Math.floor(now() / 1000);
      const claims = {
        sub: options.sub ?? "user-1",
        iss: options.issuer ?? defaultIssuer,
        ...(options.audience === undefined ? {} : { aud: typeof options.audience === "string" ? options.audience : [...options.audience] }),
        ...(options.clientId === undefined ? {} : { client_id: options.clientId }),
        ...(options.scopes === undefined ? {} : { scope: options.scopes.join(" ") }),
        token_use: options.audience === undefined ? "access" : "id",
        iat,
        nbf: iat,
        exp: iat + Math.floor(expiresIn),
        ...options.claims,
      };
      const header = { alg: "RS256", typ: "JWT", kid: SANDBOX_SIGNING_KEY.kid };
      const signingInput = `${bytesToBase64Url(utf8.encode(JSON.stringify(header)))}.${bytesToBase64Url(utf8.encode(JSON.stringify(claims)))}`;
      return `${signingInput}.${bytesToBase64Url(signRs256(utf8.encode(signingInput)))}`;
    },
    verifyJwt(token: string) {
      const parts = token.split(".");
      if (parts.length !== 3) return { error: "the token is not a JWT (three base64url parts)" };
      let header: unknown;
      let claims: unknown;
      try {
        header = JSON.parse(text.decode(base64UrlToBytes(parts[0]!)));
        claims = JSON.parse(text.decode(base64UrlToBytes(parts[1]!)));
      } catch {
        return { error: "the token could not be decoded" };
      }
      const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
      if (!isObject(header) || !isObject(claims)) return { error: "the token could not be decoded" };
      if (header.alg !== "RS256") return { error: `signing algorithm ${String(header.alg)} is not supported: only RSA-based algorithms are` };
      if (header.kid !== SANDBOX_SIGNING_KEY.kid) return { error: "the token's kid matches no key of the issuer's key set" };
      let signature: Uint8Array;
      try {
        signature = base64UrlToBytes(parts[2]!);
      } catch {
        return { error: "the token's signature could not be decoded" };
      }
      if (!signatureHolds(`${parts[0]}.${parts[1]}`, signature, token)) return { error: "the token's signature does not match the issuer's key" };
      return { header, claims };
    },
  });
}
