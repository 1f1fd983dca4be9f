/**
 * Deterministic randomness for a sandbox: sfc32 (Chris Doty-Humphrey's Small Fast Counter, as used
 * by PractRand), seeded through cyrb128 so that any number or string gives a well-mixed state.
 * Same seed, same sequence of ids, on every JavaScript engine (only 32-bit integer maths).
 */
export type Seed = number | string;

export interface SeededRandom {
  /** The seed this generator was created from. */
  readonly seed: Seed;
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** `length` lowercase hexadecimal characters. */
  hex(length: number): string;
  /** An RFC 4122 version 4 UUID string (random bits from this generator). */
  uuid(): string;
  /** An independent generator derived from this seed and `label`; does not consume this one. */
  fork(label: string): SeededRandom;
}

/** cyrb128: hashes a string into four 32-bit words (public-domain hash by bryc). */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

function sfc32(seedWords: [number, number, number, number]): () => number {
  let [a, b, c, d] = seedWords;
  const nextUint32 = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    const result = (t + d) | 0;
    c = (c + result) | 0;
    return result >>> 0;
  };
  // Discard the first outputs: sfc32 needs a few rounds to mix a fresh state.
  for (let i = 0; i < 15; i++) nextUint32();
  return nextUint32;
}

function seedText(seed: Seed): string {
  return typeof seed === "number" ? `n:${seed}` : `s:${seed}`;
}

function validateSeed(seed: unknown): asserts seed is Seed {
  const ok = (typeof seed === "number" && Number.isFinite(seed)) || typeof seed === "string";
  if (!ok) throw new RangeError(`a seed must be a finite number or a string, got ${String(seed)}`);
}

function create(seed: Seed, stream: string): SeededRandom {
  const nextUint32 = sfc32(cyrb128(`${seedText(seed)}|${stream}`));
  const next = (): number => nextUint32() / 4294967296;
  const hex = (length: number): string => {
    let out = "";
    while (out.length < length) out += nextUint32().toString(16).padStart(8, "0");
    return out.slice(0, length);
  };
  return {
    seed,
    next,
    int(min, max) {
      if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
        throw new RangeError(`int(min, max) needs integers with min <= max, got ${min}, ${max}`);
      }
      return min + Math.floor(next() * (max - min + 1));
    },
    hex(length) {
      if (!Number.isInteger(length) || length < 0) throw new RangeError(`hex(length) needs an integer >= 0`);
      return hex(length);
    },
    uuid() {
      return uuidOf(nextUint32(), nextUint32(), nextUint32(), nextUint32());
    },
    fork(label) {
      return create(seed, `${stream}/${label}`);
    },
  };
}

/** Character codes of "0"-"9", "a"-"f". */
const HEX_CODES = Array.from({ length: 16 }, (_, i) => i.toString(16).charCodeAt(0));
const DASH = 0x2d;
/** One reused buffer (fromCharCode.apply reads the whole array). */
const uuidCodes: number[] = new Array<number>(36).fill(0);

/**
 * The UUID of four random words, aaaaaaaa-bbbb-4bbb-cccc-ccccdddddddd, with RFC 4122 section 4.4's version nibble 4
 * and variant bits 10xx. Ids are made on every SDK request and message: written as character codes into a reused
 * buffer and made into one flat string (slicing and concatenating pieces costs several times more).
 */
function uuidOf(a: number, b: number, c: number, d: number): string {
  const codes = uuidCodes;
  putHex(codes, 0, a, 8);
  codes[8] = DASH;
  putHex(codes, 9, b >>> 16, 4);
  codes[13] = DASH;
  putHex(codes, 14, ((b & 0x0fff) | 0x4000) >>> 0, 4);
  codes[18] = DASH;
  putHex(codes, 19, (((c & 0x3fffffff) | 0x80000000) >>> 0) >>> 16, 4);
  codes[23] = DASH;
  putHex(codes, 24, c & 0xffff, 4);
  putHex(codes, 28, d, 8);
  return String.fromCharCode.apply(null, codes);
}

/** Writes the low `digits` hex digits of `word` into `out` (character codes) from `at`. */
export function putHex(out: number[], at: number, word: number, digits: number): void {
  for (let k = at + digits - 1; k >= at; k--) {
    out[k] = HEX_CODES[word & 15]!;
    word >>>= 4;
  }
}

/** Creates a generator; the same seed always yields the same sequence. */
export function createRandom(seed: Seed): SeededRandom {
  validateSeed(seed);
  return create(seed, "root");
}
