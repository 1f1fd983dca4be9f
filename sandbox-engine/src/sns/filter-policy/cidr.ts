/**
 * IP addresses and CIDR blocks for the `cidr` filter operator (AWS-FACTS A.2: IPv4 and IPv6; an
 * invalid IP such as 10.0.0.256 never matches). Addresses become bigints so both families compare
 * the same way.
 */
export interface Cidr {
  readonly v6: boolean;
  readonly network: bigint;
  readonly bits: number;
}

export function parseIp(text: string): { v6: boolean; value: bigint } | undefined {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) {
    let value = 0n;
    for (const part of text.split(".")) {
      const n = Number(part);
      if (n > 255 || (part.length > 1 && part.startsWith("0"))) return undefined;
      value = (value << 8n) | BigInt(n);
    }
    return { v6: false, value };
  }
  if (!/^[0-9a-fA-F:]+$/.test(text) || !text.includes(":")) return undefined;
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const head = halves[0] === "" ? [] : halves[0]!.split(":");
  const tail = halves.length === 2 ? (halves[1] === "" ? [] : halves[1]!.split(":")) : [];
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || (halves.length === 2 && missing < 1)) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  let value = 0n;
  for (const group of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
    value = (value << 16n) | BigInt(parseInt(group, 16));
  }
  return { v6: true, value };
}

export function parseCidr(ip: string, bits: number): Cidr | undefined {
  const parsed = parseIp(ip);
  if (parsed === undefined) return undefined;
  const width = parsed.v6 ? 128 : 32;
  if (!Number.isInteger(bits) || bits < 0 || bits > width) return undefined;
  const shift = BigInt(width - bits);
  return { v6: parsed.v6, network: (parsed.value >> shift) << shift, bits };
}

export function cidrContains(cidr: Cidr, address: string): boolean {
  const parsed = parseIp(address);
  if (parsed === undefined || parsed.v6 !== cidr.v6) return false;
  const shift = BigInt((cidr.v6 ? 128 : 32) - cidr.bits);
  return (parsed.value >> shift) << shift === cidr.network;
}
