// The hand-written MD5 (direct-upload checksums) against node:crypto: the RFC 1321
// test suite, every length around the block and padding edges, and random inputs.
import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { md5 } from "../../src/resources/md5.js";

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");
const reference = (bytes: Uint8Array) => createHash("md5").update(bytes).digest("hex");

describe("md5", () => {
  it("matches the RFC 1321 test suite", () => {
    const suite: [string, string][] = [
      ["", "d41d8cd98f00b204e9800998ecf8427e"],
      ["a", "0cc175b9c0f1b6a831c399e269772661"],
      ["abc", "900150983cd24fb0d6963f7d28e17f72"],
      ["message digest", "f96b697d7cb7938d525a2f31aaf161d0"],
      ["abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"],
      ["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"],
      ["12345678901234567890123456789012345678901234567890123456789012345678901234567890", "57edf4a22be3c955ac49da2e2107b67a"],
    ];
    for (const [text, digest] of suite) expect(hex(md5(new TextEncoder().encode(text)))).toBe(digest);
  });

  it("matches node:crypto for every length from 0 to 300 (block and padding edges)", () => {
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 131 + 7) & 0xff);
    for (let n = 0; n <= 300; n++) expect(hex(md5(bytes.subarray(0, n))), `length ${n}`).toBe(reference(bytes.subarray(0, n)));
  });

  it("matches node:crypto on random inputs, including views into larger buffers", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), fc.nat(16), (data, pad) => {
        const backing = new Uint8Array(data.length + 2 * pad).fill(0xaa);
        backing.set(data, pad);
        const view = backing.subarray(pad, pad + data.length);
        expect(hex(md5(view))).toBe(reference(data));
      }),
      { numRuns: 300 },
    );
  });

  it("matches node:crypto on 5 MB", () => {
    const big = Uint8Array.from({ length: 5_000_000 }, (_, i) => (i * 2654435761) >>> 24);
    expect(hex(md5(big))).toBe(reference(big));
  });
});
