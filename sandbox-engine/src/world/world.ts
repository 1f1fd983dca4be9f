/**
 * `sb.world`: the outside world the simulated cloud talks to, shared by every service: mailboxes
 * (SNS email subscriptions, later SES) and web servers (SNS HTTP/S subscriptions, later API Gateway
 * integrations). Tests read what arrived and serve endpoints here.
 */
import { createBuckets, type WorldBucket } from "./buckets.ts";
import { createWorldHttp, type WorldHttp } from "./http.ts";
import { createIdentity, type WorldIdentity } from "./identity.ts";
import { createMailboxes, type WorldMail } from "./mailbox.ts";

export interface World {
  /** The mail `address` received, newest last: from, to, cc, subject, text, html, headers, messageId, receivedAt. */
  mailbox(address: string): readonly WorldMail[];
  /** Simulated web servers: `sb.world.http.endpoint(url, handler)`, and the requests they got. */
  readonly http: WorldHttp;
  /** A token issuer standing in for a Cognito user pool or another OIDC provider: `issueJwt({ issuer, audience, sub, scopes, expiresIn })`. */
  readonly identity: WorldIdentity;
  /** A simple object store (SES's S3 receipt action writes the raw mail here): `{ get(key), keys() }`. */
  bucket(name: string): WorldBucket;
  /** Engine-internal: delivers an email to its to and cc. */
  sendMail(mail: WorldMail): void;
  /** Engine-internal: delivers an email to these addresses only. */
  sendMailTo(addresses: readonly string[], mail: WorldMail): void;
  /** Engine-internal: writes an object into a bucket. */
  putObject(bucket: string, key: string, body: string): void;
}

/** The issuer of tokens that name none: a Cognito user pool's issuer URL (https://cognito-idp.{region}.amazonaws.com/{userPoolId}). */
export const DEFAULT_ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_EventLab";

export function createWorld(clock: { now(): number }): World {
  const mailboxes = createMailboxes();
  const buckets = createBuckets();
  return Object.freeze({
    mailbox: (address: string) => mailboxes.mailbox(address),
    http: createWorldHttp(() => clock.now()),
    identity: createIdentity(() => clock.now(), DEFAULT_ISSUER),
    sendMail: (mail: WorldMail) => mailboxes.send(mail),
    bucket: (name: string) => buckets.bucket(name),
    sendMailTo: (addresses: readonly string[], mail: WorldMail) => mailboxes.sendTo(addresses, mail),
    putObject: (bucket: string, key: string, body: string) => buckets.put(bucket, key, body),
  });
}

export type { WorldMail } from "./mailbox.ts";
export type { WorldBucket } from "./buckets.ts";
export type { IssueJwtOptions, WorldIdentity } from "./identity.ts";
export type { WorldHttp, WorldHttpExchange, WorldHttpHandler, WorldHttpRequest, WorldHttpResponse, WorldHttpResult } from "./http.ts";
