/**
 * IPv4 addresses and ranges for receipt IP filters. SES receives mail over IPv4 only, and a filter's
 * Cidr is "a single IPv4 address or a range in CIDR notation"
 * (https://docs.aws.amazon.com/ses/latest/APIReference/API_ReceiptIpFilter.html).
 */
export interface Ipv4Cidr {
  readonly network: number;
  readonly bits: number;
}

export function parseIpv4(text: string): number | undefined {
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) return undefined;
  let value = 0;
  for (const part of text.split(".")) {
    const n = Number(part);
    if (n > 255 || (part.length > 1 && part.startsWith("0"))) return undefined;
    value = value * 256 + n;
  }
  return value;
}

/** "10.0.0.1" (a /32) or "10.0.0.0/24"; undefined when it is neither. */
export function parseIpv4Cidr(text: string): Ipv4Cidr | undefined {
  const [ip, bitsText, extra] = text.split("/");
  if (ip === undefined || extra !== undefined) return undefined;
  const address = parseIpv4(ip);
  if (address === undefined) return undefined;
  if (bitsText !== undefined && !/^\d{1,2}$/.test(bitsText)) return undefined;
  const bits = bitsText === undefined ? 32 : Number(bitsText);
  if (bits > 32) return undefined;
  const size = 2 ** (32 - bits);
  return { network: Math.floor(address / size) * size, bits };
}

export function cidrContains(cidr: Ipv4Cidr, address: string): boolean {
  const value = parseIpv4(address);
  if (value === undefined) return false;
  const size = 2 ** (32 - cidr.bits);
  return Math.floor(value / size) * size === cidr.network;
}
