/** A request to an API and the answer, as the gateway sees them (before and after the Fetch edge). */

export interface GatewayRequest {
  readonly method: string;
  readonly url: URL;
  /** Header pairs in the order sent, names as sent (a name may repeat). */
  readonly headers: readonly (readonly [string, string])[];
  readonly body: string | null;
  readonly isBase64Encoded: boolean;
  readonly sourceIp: string;
}

export interface GatewayResponse {
  readonly status: number;
  /** Header pairs (a name may repeat, e.g. set-cookie). */
  readonly headers: readonly (readonly [string, string])[];
  readonly body: string | Uint8Array;
  /** When API Gateway answered itself: the gateway response type (what PutGatewayResponse customises). */
  readonly gatewayResponseType?: string;
}

export function jsonResponse(status: number, body: unknown, extraHeaders: readonly (readonly [string, string])[] = []): GatewayResponse {
  return { status, headers: [["content-type", "application/json"], ...extraHeaders], body: JSON.stringify(body) };
}

/** The value of a header (case-insensitive; repeated headers joined with commas). */
export function headerValue(request: GatewayRequest, name: string): string | undefined {
  const values = request.headers.filter(([key]) => key.toLowerCase() === name.toLowerCase()).map(([, value]) => value);
  return values.length === 0 ? undefined : values.join(",");
}
