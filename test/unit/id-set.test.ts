import fc from "fast-check";
import { expect, it } from "vitest";
import { IdSet } from "../../src/id-set.js";

it("behaves like a Set<number> for any ids, small, large or odd", () => {
  const id = fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: -10, max: -1 }));
  fc.assert(
    fc.property(fc.array(id, { maxLength: 200 }), fc.array(id, { maxLength: 50 }), (added, probes) => {
      const ids = new IdSet();
      const reference = new Set<number>();
      for (const value of added) {
        ids.add(value);
        reference.add(value);
      }
      for (const value of [...added, ...probes]) expect(ids.has(value)).toBe(reference.has(value));
    }),
  );
});
