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
      // RFC 4122 section 4.4: version nibble 4, variant bits 10xx.
      const h = hex(32);
      const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
    fork(label) {
      return create(seed, `${stream}/${label}`);
    },
  };
}

/** Creates a generator; the same seed always yields the same sequence. */
export function createRandom(seed: Seed): SeededRandom {
  validateSeed(seed);
  return create(seed, "root");
}
