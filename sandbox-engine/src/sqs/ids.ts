/**
 * Fast ids from the sandbox's seeded random stream: message ids (RFC 4122 v4 UUIDs), receipt
 * handle nonces and queue tags. Built with a byte-to-hex table: these run on every send/receive.
 */
import type { SeededRandom } from "../random/seeded-random.ts";

const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

function uint32(random: SeededRandom): number {
  // next() is a uint32 divided by 2^32, so this recovers it exactly.
  return (random.next() * 4294967296) >>> 0;
}

function hex8(word: number): string {
  return HEX[word >>> 24]! + HEX[(word >>> 16) & 0xff]! + HEX[(word >>> 8) & 0xff]! + HEX[word & 0xff]!;
}

/** `words * 8` lowercase hex characters. */
export function randomHex(random: SeededRandom, words: number): string {
  let out = "";
  for (let i = 0; i < words; i++) out += hex8(uint32(random));
  return out;
}

/** An RFC 4122 version 4 UUID (section 4.4: version nibble 4, variant bits 10xx). */
export function randomUuid(random: SeededRandom): string {
  const a = uint32(random);
  const b = uint32(random);
  const c = uint32(random);
  const d = uint32(random);
  const b4 = ((b & 0xffff0fff) | 0x4000) >>> 0;
  const c8 = ((c & 0x3fffffff) | 0x80000000) >>> 0;
  const bh = hex8(b4);
  const ch = hex8(c8);
  return `${hex8(a)}-${bh.slice(0, 4)}-${bh.slice(4)}-${ch.slice(0, 4)}-${ch.slice(4)}${hex8(d)}`;
}
