/**
 * `sb.world`: the outside world the simulated cloud talks to, shared by every service: mailboxes
 * (SNS email subscriptions, later SES) and web servers (SNS HTTP/S subscriptions, later API Gateway
 * integrations). Tests read what arrived and serve endpoints here.
 */
import { createWorldHttp, type WorldHttp } from "./http.ts";
import { createMailboxes, type WorldMail } from "./mailbox.ts";

export interface World {
  /** The mail `address` received, newest last: from, to, cc, subject, text, html, headers, messageId, receivedAt. */
  mailbox(address: string): readonly WorldMail[];
  /** Simulated web servers: `sb.world.http.endpoint(url, handler)`, and the requests they got. */
  readonly http: WorldHttp;
  /** Engine-internal: delivers an email. */
  sendMail(mail: WorldMail): void;
}

export function createWorld(clock: { now(): number }): World {
  const mailboxes = createMailboxes();
  return Object.freeze({
    mailbox: (address: string) => mailboxes.mailbox(address),
    http: createWorldHttp(() => clock.now()),
    sendMail: (mail: WorldMail) => mailboxes.send(mail),
  });
}

export type { WorldMail } from "./mailbox.ts";
export type { WorldHttp, WorldHttpExchange, WorldHttpHandler, WorldHttpRequest, WorldHttpResponse, WorldHttpResult } from "./http.ts";
