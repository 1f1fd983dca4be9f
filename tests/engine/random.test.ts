import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRandom } from "sandbox-engine";

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("seeded random", () => {
  it("gives the same sequence for the same seed", () => {
    const a = createRandom(42);
    const b = createRandom(42);
    expect([a.uuid(), a.next(), a.int(1, 6), a.hex(10)]).toEqual([b.uuid(), b.next(), b.int(1, 6), b.hex(10)]);
  });

  it("gives different sequences for different seeds (numbers and strings)", () => {
    expect(createRandom(1).uuid()).not.toBe(createRandom(2).uuid());
    expect(createRandom("1").uuid()).not.toBe(createRandom(1).uuid());
  });

  it("makes RFC 4122 version 4 UUIDs", () => {
    const random = createRandom("uuids");
    for (let i = 0; i < 200; i++) expect(random.uuid()).toMatch(UUID_V4);
  });

  it("keeps next() in [0, 1) and int() within its bounds", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (seed, min, span) => {
        const random = createRandom(seed);
        const x = random.next();
        const n = random.int(min, min + span);
        return x >= 0 && x < 1 && n >= min && n <= min + span && Number.isInteger(n);
      }),
    );
  });

  it("forks independent streams without consuming the parent", () => {
    const parent = createRandom(7);
    const twin = createRandom(7);
    const child = parent.fork("request-id");
    child.uuid();
    expect(parent.uuid()).toBe(twin.uuid());
    expect(createRandom(7).fork("request-id").uuid()).toBe(createRandom(7).fork("request-id").uuid());
  });

  it("refuses a seed that is not a number or string", () => {
    expect(() => createRandom(Number.NaN)).toThrow(/seed must be a finite number or a string/);
  });
});
