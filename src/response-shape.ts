// The envelope check of a 2xx body, before a method unwraps it. A proxy's
// health page or a misrouted request can answer 200 with JSON that is not what
// the operation promises (`null`, `{}`, `[]`, `"ok"`); unwrapping that would
// throw a bare TypeError or resolve to undefined. Only the envelope (the
// containers a method reads or returns) is checked, not every field: that is
// the spec's and the server's job, and would cost time on every page.

/**
 * What a value must be: an object, an array, an entity (an object with an integer `id`),
 * an entity or null, or an object with these members.
 */
export type Shape = "object" | "array" | "entity" | "entity|null" | { readonly [key: string]: Shape };

/** Thrown by a method's `select`; core turns it into an InvalidResponseError with the request's details. */
export class ShapeMismatch extends Error {}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function kind(value: unknown): string {
  if (value === undefined) return "missing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

function check(value: unknown, shape: Shape, at: string): void {
  if (shape === "array") {
    if (!Array.isArray(value)) throw new ShapeMismatch(`${at} is ${kind(value)}, an array was expected`);
    return;
  }
  if (shape === "entity|null" && value === null) return;
  if (!isObject(value)) throw new ShapeMismatch(`${at} is ${kind(value)}, an object was expected`);
  if (shape === "entity" || shape === "entity|null") {
    if (!Number.isSafeInteger(value.id)) throw new ShapeMismatch(`${at}.id is ${kind(value.id)}, an integer id was expected`);
    return;
  }
  if (typeof shape === "string") return;
  for (const key in shape) check(value[key], shape[key]!, `${at}.${key}`);
}

/** A `select` for core.call: checks the body's shape, then picks the payload. */
export function unwrap<Wire, T>(shape: Shape, pick: (wire: Wire) => T): (wire: never) => T {
  return (wire) => {
    check(wire, shape, "the body");
    return pick(wire as Wire);
  };
}

/** A `select` for methods that return one entity (an object with an integer id) as the body. */
export const anObject = <T>(wire: never): T => {
  check(wire, "entity", "the body");
  return wire as T;
};

/** A `select` for methods that return the body itself as an array. */
export const anArray = <T>(wire: never): T => {
  check(wire, "array", "the body");
  return wire as T;
};
